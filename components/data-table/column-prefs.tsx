'use client';

import { createContext, useContext, type ReactNode } from 'react';

const ColumnPrefsContext = createContext<Record<string, string>>({});

/** The column-choice cookies as the server saw them (table id → raw JSON), for the first render and hydration. */
export function ColumnPrefsProvider({ initial, children }: { initial: Record<string, string>; children: ReactNode }) {
  return <ColumnPrefsContext.Provider value={initial}>{children}</ColumnPrefsContext.Provider>;
}

/** The choice as written by the browser (URI-encoded JSON); the server may hand it over still encoded. */
export function useInitialColumnPrefs(tableId: string | undefined): string | null {
  const raw = useContext(ColumnPrefsContext)[tableId ?? ''];
  if (!tableId || raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
