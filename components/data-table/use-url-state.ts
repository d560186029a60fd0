'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';

/**
 * Push table state into the URL (the single source of truth, STYLE.md rule 5). The server re-renders the
 * page for the new search params; `isPending` drives a subtle busy state meanwhile.
 */
export function useUrlState<T>(current: T, serialize: (state: T) => string) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const navigate = useCallback(
    (patch: Partial<T>) => {
      const href = pathname + serialize({ ...current, ...patch });
      // push, not replace: Back steps through filters, as the URL-held state promises.
      startTransition(() => router.push(href, { scroll: false }));
    },
    [current, pathname, router, serialize],
  );
  return { navigate, isPending };
}
