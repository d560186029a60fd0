'use client';

import { useEffect, useRef, useState } from 'react';

interface SearchBoxProps {
  value: string;
  label: string;
  placeholder?: string;
  onSearch: (q: string) => void;
}

const DEBOUNCE_MS = 300;

/** Debounced search input; the URL stays the source of truth, local state only holds keystrokes in flight. */
export function SearchBox({ value, label, placeholder, onSearch }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return (
    <input
      type="search"
      className="search-box"
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      onChange={(e) => {
        const next = e.target.value;
        setDraft(next);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => onSearch(next.trim()), DEBOUNCE_MS);
      }}
    />
  );
}
