import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { parseChangeSearchParams } from '@/lib/validation/changes';
import { iterateChanges, listChanges } from './changes';

const stamp = Date.now();
const enc = (s: string) => new TextEncoder().encode(s);
const at = (d: number, h = 6) => new Date(Date.UTC(2026, 4, 10 + d, h));
const host = (i: number) => `chg-${stamp}-${i}`;
const line = (name: string) => `0 3 * * * root /opt/${name}-${stamp}\n`;
// Days 0..9 of the window; queries look back from the end of day 9 (`until`), independent of other tests' data.
const until = '2026-05-19';

beforeAll(async () => {
  // Three hosts keep "stay" throughout; "gone" leaves host 0 on day 9; "week" arrives on day 5, "fresh" on day 9
  // (host 1 at 06:00, host 2 at 07:00); "moved" leaves host 2 on day 9 but stays on host 1.
  for (const d of [0, 5, 9]) {
    for (const i of [0, 1, 2]) {
      let text = line('stay');
      if (i === 0 && d < 9) text += line('gone');
      if (d >= 5 && i === 0) text += line('week');
      if (d === 9 && i > 0) text += line('fresh');
      if (i > 0 && !(i === 2 && d === 9)) text += line('moved');
      await ingestBytes(enc(text), 'etc/crontab', { host: host(i), collectedAt: at(d, i === 2 ? 7 : 6) });
    }
  }
}, 180_000);
afterAll(disconnectDb);

const names = (rows: { command: string }[]) => rows.map((r) => r.command.replace(`-${stamp}`, '').replace('/opt/', '')).sort();
const search = (raw: Record<string, string>) => parseChangeSearchParams({ q: String(stamp), until, ...raw });

describe('listChanges', () => {
  it('lists entries new today with the hosts they appeared on and when', async () => {
    const page = await listChanges(search({}));
    expect(names(page.rows)).toEqual(['fresh']);
    const fresh = page.rows[0];
    expect(fresh.hostCount).toBe(2);
    expect(fresh.hosts).toEqual([
      { name: host(1), at: at(9).toISOString() },
      { name: host(2), at: at(9, 7).toISOString() },
    ]);
    expect(page.windowEnd).toBe('2026-05-20T00:00:00.000Z');
  });

  it('widens to the week', async () => {
    expect(names((await listChanges(search({ window: 'week' }))).rows)).toEqual(['fresh', 'week']);
  });

  it('lists removals per host, also of entries still present elsewhere', async () => {
    const page = await listChanges(search({ kind: 'removed' }));
    expect(names(page.rows)).toEqual(['gone', 'moved']);
    const moved = page.rows.find((r) => r.command.includes('moved'))!;
    expect(moved.hosts.map((h) => h.name)).toEqual([host(2)]);
    expect(moved.hostsNow).toBe(1);
    expect(page.rows.find((r) => r.command.includes('gone'))!.hostsNow).toBe(0);
  });

  it('pages, sorts and counts family facets on the server', async () => {
    const first = await listChanges(search({ window: 'week', sort: 'at.asc', size: '25' }));
    expect(first.total).toBe(2);
    expect(first.rows.map((r) => r.command)).toEqual([`/opt/week-${stamp}`, `/opt/fresh-${stamp}`]);
    expect(first.facets.family).toEqual([{ value: 'cron', count: 2 }]);
    expect((await listChanges(search({ window: 'week', page: '2', size: '25' }))).rows).toEqual([]);
    expect((await listChanges(search({ window: 'week', family: 'launchd' }))).total).toBe(0);
  });

  it('exports every row of the filter with all host names', async () => {
    const rows = [];
    for await (const r of iterateChanges(search({ window: 'week' }))) rows.push(r);
    expect(rows.find((r) => r.command.includes('fresh'))?.allHosts).toBe(`${host(1)} ${host(2)}`);
    expect(rows.length).toBe(2);
  });
});
