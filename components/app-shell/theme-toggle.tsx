'use client';

import { useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Cycles system → light → dark. The choice lives in a cookie the layout reads, so the server renders the right
 * theme and nothing flashes on load.
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  function handleClick() {
    const next = NEXT[theme];
    setTheme(next);
    document.cookie = `tl_theme=${next}; path=/; max-age=${ONE_YEAR}; samesite=lax`;
    if (next === 'system') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', next);
  }
  return (
    <button type="button" className="link-button theme-toggle" onClick={handleClick} aria-label={`Theme: ${theme}. Switch to ${NEXT[theme]}`}>
      Theme: {theme}
    </button>
  );
}
