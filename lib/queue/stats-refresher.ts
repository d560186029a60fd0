import { refreshDirtyEntryStats } from '@/lib/analytics/entry-stats';
import { db } from '@/lib/db/client';
import { maintainEmbeddedDb } from '@/lib/db/maintenance';

let running: Promise<void> | null = null;
let isPending = false;
let passesStarted = 0;
let passesFinished = 0;
const waiters: { target: number; resolve: () => void }[] = [];

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
      passesStarted += 1;
      const refreshed = await refreshDirtyEntryStats(db()).catch((err) => {
        console.error('prevalence refresh failed (retried on the next upload):', err);
        return 0;
      });
      passesFinished += 1;
      for (const w of waiters.filter((x) => x.target <= passesFinished)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      // After the waiters: an upload sent with ?wait=true does not wait for the vacuum.
      if (refreshed > 0) await maintainEmbeddedDb(db()).catch((err) => console.error('embedded database maintenance failed:', err));
    } while (isPending);
    running = null;
  })();
}

/**
 * Resolve once a refresh pass that started after this call has finished: read-your-writes for what is committed
 * now (POST /api/v1/uploads?wait=true). Unlike settleStatsRefresh it does not wait for the queue to go quiet, which
 * under a steady stream of uploads it never does.
 */
export function statsRefreshed(): Promise<void> {
  // Idle: the request below starts that pass now; busy: the request makes the loop run one more pass after this one.
  const target = passesStarted + 1;
  requestStatsRefresh();
  return new Promise((resolve) => {
    if (passesFinished >= target) resolve();
    else waiters.push({ target, resolve });
  });
}

/** Wait until no refresh runs or is pending (worker shutdown, tests). */
export async function settleStatsRefresh(): Promise<void> {
  while (running) await running;
}
