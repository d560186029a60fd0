import { afterAll, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { requestStatsRefresh, settleStatsRefresh, statsRefreshed } from './stats-refresher';

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
