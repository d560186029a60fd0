import { refreshDirtyEntryStats } from '@/lib/analytics/entry-stats';
import { db, withIngestConnections } from '@/lib/db/client';
import { maintainEmbeddedDb } from '@/lib/db/maintenance';

/**
 * The longest a refresh asked for waits while this process's workers are still writing uploads: how stale
 * prevalence may get under a steady stream of them.
 */
export const MAX_DEFER_MS = 10_000;

let running: Promise<void> | null = null;
let isPending = false;
/** A pending request is a reader's (statsRefreshed): it is not deferred. */
let isUrgent = false;
let deferral: NodeJS.Timeout | null = null;
let ingestsRunning = 0;
let passesStarted = 0;
let passesFinished = 0;
const waiters: { target: number; resolve: () => void }[] = [];

/**
 * Ask for a prevalence refresh without waiting for it. While uploads are being written in this process it waits
 * for them to end, MAX_DEFER_MS at most: each pass re-reads every touched entry's presences, and passes back to
 * back beside a burst of uploads made a 1,000-host first snapshot 15-30 % slower on two cores (docs/benchmarks.md,
 * eleventh round). Requests that arrive while one runs collapse into a single follow-up.
 */
export function requestStatsRefresh(urgent = false): void {
  if (running) {
    isPending = true;
    isUrgent ||= urgent;
    return;
  }
  if (!urgent && ingestsRunning > 0) {
    // Unref'd: a process that stops first leaves the dirty marks to the next refresh, wherever it runs.
    deferral ??= setTimeout(startPasses, MAX_DEFER_MS).unref();
    return;
  }
  startPasses();
}

function startPasses(): void {
  if (deferral) clearTimeout(deferral);
  deferral = null;
  if (running) {
    isPending = true;
    return;
  }
  // On the ingest connections whoever asked: a pass holds one for its whole length (seconds at 10,000 hosts).
  running = withIngestConnections(async () => {
    do {
      isPending = false;
      isUrgent = false;
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
    } while (isPending && (isUrgent || ingestsRunning === 0));
    running = null;
    // What was asked for while uploads are still being written waits for them, as a first request does.
    if (isPending) {
      isPending = false;
      requestStatsRefresh();
    }
  });
}

/**
 * Run an ingest job, then ask for a refresh: the last job of a burst to end starts the pass that the others' requests
 * waited for. Snapshots committed before a failure are marked dirty too, so it asks in every case.
 */
export async function whileIngesting<T>(job: () => Promise<T>): Promise<T> {
  ingestsRunning += 1;
  try {
    return await job();
  } finally {
    ingestsRunning -= 1;
    requestStatsRefresh();
  }
}

/**
 * Resolve once a refresh pass that started after this call has finished: read-your-writes for what is committed
 * now (POST /api/v1/uploads?wait=true). It is not deferred for uploads being written, and unlike
 * settleStatsRefresh it does not wait for the queue to go quiet, which under a steady stream of uploads it never
 * does.
 */
export function statsRefreshed(): Promise<void> {
  // Idle: the request below starts that pass now; busy: the request makes the loop run one more pass after this one.
  const target = passesStarted + 1;
  requestStatsRefresh(true);
  return new Promise((resolve) => {
    if (passesFinished >= target) resolve();
    else waiters.push({ target, resolve });
  });
}

/** Refresh passes finished in this process (diagnostics, tests). */
export function refreshPasses(): number {
  return passesFinished;
}

/** Run what was asked for now, deferred or not, and wait until no refresh runs or is pending (shutdown, tests). */
export async function settleStatsRefresh(): Promise<void> {
  while (running || deferral) {
    if (!running) startPasses();
    await running;
  }
}
