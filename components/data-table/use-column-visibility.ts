'use client';

import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useCallback, useMemo, useSyncExternalStore } from 'react';

const CHANGE_EVENT = 'tasklens:column-visibility';
const storageKey = (tableId: string) => `tasklens.columns.${tableId}`;

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
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
 * Which columns a table shows, per browser (localStorage, keyed by table id): a view preference, not a filter, so it
 * stays out of shareable URLs. The server render uses the defaults; the stored choice applies after hydration.
 */
export function useColumnVisibility(tableId: string | undefined, defaultHidden: readonly string[] = []) {
  const raw = useSyncExternalStore(
    subscribe,
    () => (tableId ? window.localStorage.getItem(storageKey(tableId)) : null),
    () => null,
  );
  const visibility = useMemo<ColumnVisibilityState>(
    () => ({ ...Object.fromEntries(defaultHidden.map((id) => [id, false])), ...readStored(raw) }),
    [raw, defaultHidden],
  );
  const setVisibility = useCallback(
    (next: ColumnVisibilityState) => {
      if (!tableId) return;
      window.localStorage.setItem(storageKey(tableId), JSON.stringify(next));
      window.dispatchEvent(new Event(CHANGE_EVENT));
    },
    [tableId],
  );
  return { visibility, setVisibility };
}
