import { afterAll, expect, it, vi } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { MAX_DEFER_MS, refreshPasses, requestStatsRefresh, settleStatsRefresh, statsRefreshed, whileIngesting } from './stats-refresher';

afterAll(async () => {
  await settleStatsRefresh();
  await disconnectDb();
});

// Under a steady stream of uploads the refresh loop never goes idle; a wait=true upload used to wait for it to
// (the load test saw 24 s answers for a 12-line crontab). It must only wait for one pass that began after it asked.
it('statsRefreshed resolves while refresh requests keep arriving', async () => {
  let isFeeding = true;
  const feeder = (async () => {
    while (isFeeding) {
      requestStatsRefresh();
      await new Promise((r) => setImmediate(r));
    }
  })();
  await statsRefreshed();
  await statsRefreshed();
  const wasFeeding = isFeeding;
  isFeeding = false;
  await feeder;
  expect(wasFeeding).toBe(true);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether `n` passes have finished within `ms`. */
async function passesWithin(n: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (refreshPasses() >= n) return true;
  return refreshPasses() >= n;
}

/** An ingest job that runs until `finish` is called. */
function heldJob() {
  let finish!: () => void;
  const done = whileIngesting(() => new Promise<void>((resolve) => (finish = resolve)));
  return { done, finish: () => finish() };
}

it('waits for the uploads being written before it refreshes, and starts as the last one ends', async () => {
  await settleStatsRefresh();
  const a = heldJob();
  const b = heldJob();
  const before = refreshPasses();
  requestStatsRefresh();
  requestStatsRefresh();
  await sleep(300);
  expect(refreshPasses()).toBe(before);
  a.finish();
  await a.done;
  await sleep(300);
  expect(refreshPasses()).toBe(before);
  b.finish();
  await b.done;
  // Started by the last upload's end, well before the deferral's own timer would fire.
  expect(await passesWithin(before + 1, MAX_DEFER_MS / 2)).toBe(true);
  await settleStatsRefresh();
  // One pass for both requests.
  expect(refreshPasses()).toBe(before + 1);
});

it('refreshes after MAX_DEFER_MS under uploads that never end, and a reader does not wait at all', async () => {
  await settleStatsRefresh();
  const job = heldJob();
  try {
    const before = refreshPasses();
    // A reader (POST /api/v1/uploads?wait=true) is answered while the upload is still being written, at once.
    const answered = await Promise.race([statsRefreshed().then(() => true), sleep(MAX_DEFER_MS / 2).then(() => false)]);
    expect(answered).toBe(true);
    expect(refreshPasses()).toBe(before + 1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      requestStatsRefresh();
      vi.advanceTimersByTime(MAX_DEFER_MS - 1);
      expect(refreshPasses()).toBe(before + 1);
      vi.advanceTimersByTime(1);
    } finally {
      vi.useRealTimers();
    }
    await settleStatsRefresh();
    expect(refreshPasses()).toBe(before + 2);
  } finally {
    job.finish();
    await job.done;
  }
});
