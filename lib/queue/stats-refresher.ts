import { refreshDirtyEntryStats } from '@/lib/analytics/entry-stats';
import { db } from '@/lib/db/client';

let running: Promise<void> | null = null;
let isPending = false;

/**
 * Ask for a prevalence refresh without waiting for it. Requests that arrive while one runs collapse into a single
 * follow-up, so a busy queue refreshes back to back over everything its workers committed meanwhile.
 */
export function requestStatsRefresh(): void {
  if (running) {
    isPending = true;
    return;
  }
  running = (async () => {
    do {
      isPending = false;
      await refreshDirtyEntryStats(db()).catch((err) => console.error('prevalence refresh failed (retried on the next upload):', err));
    } while (isPending);
    running = null;
  })();
}

/** Wait for the refresh in flight, if any (worker shutdown, tests). */
export async function settleStatsRefresh(): Promise<void> {
  while (running) await running;
}
