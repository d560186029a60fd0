'use client';

import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { COLUMN_COOKIE_PREFIX } from './column-cookie';
import { useInitialColumnPrefs } from './column-prefs';

const CHANGE_EVENT = 'tasklens:column-visibility';
const ONE_YEAR_S = 365 * 24 * 3600;

function readCookie(tableId: string): string | null {
  const prefix = `${COLUMN_COOKIE_PREFIX}${tableId}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}

function readStored(raw: string | null): ColumnVisibilityState {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'boolean')) as ColumnVisibilityState;
  } catch {
    return {};
  }
}

/**
 * Which columns a table shows, per browser (a cookie per table id): a view preference, not a filter, so it stays out
 * of shareable URLs. A cookie rather than localStorage so the server renders the chosen columns: no shift on load.
 */
export function useColumnVisibility(tableId: string | undefined, defaultHidden: readonly string[] = []) {
  const initial = useInitialColumnPrefs(tableId);
  const raw = useSyncExternalStore(subscribe, () => (tableId ? readCookie(tableId) : null), () => initial);
  const visibility = useMemo<ColumnVisibilityState>(
    () => ({ ...Object.fromEntries(defaultHidden.map((id) => [id, false])), ...readStored(raw) }),
    [raw, defaultHidden],
  );
  const setVisibility = useCallback(
    (next: ColumnVisibilityState) => {
      if (!tableId) return;
      document.cookie = `${COLUMN_COOKIE_PREFIX}${tableId}=${encodeURIComponent(JSON.stringify(next))}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
      window.dispatchEvent(new Event(CHANGE_EVENT));
    },
    [tableId],
  );
  return { visibility, setVisibility };
}
