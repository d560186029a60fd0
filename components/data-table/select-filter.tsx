'use client';

interface SelectFilterProps<T extends string> {
  label: string;
  /** Accessible name when it must differ from the visible label. */
  ariaLabel?: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}

/** A labelled single-choice filter for a table toolbar; the value lives in the URL like every other filter. */
export function SelectFilter<T extends string>({ label, ariaLabel, value, options, onChange }: SelectFilterProps<T>) {
  return (
    <label className="page-size">
      {label}
      <select aria-label={ariaLabel ?? label} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
