import { beforeAll, describe, expect, it } from 'vitest';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { listOutliers } from '@/lib/data/outliers';
import { db } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { readSample } from '@/lib/testing/samples';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { rebuildAnalytics } from './entry-stats';

const stamp = Date.now();
const hosts = [0, 1, 2, 3].map((i) => `an-${stamp}-${i}`);

async function statsRows() {
  return db().$queryRaw<unknown[]>`
    SELECT entry_id, hosts_now, hosts_ever, variants_now, first_seen_at, last_seen_at, new_since, burst_hosts,
           heuristic_score, heuristic_ids, hit_hosts, disabled_hosts FROM entry_stats ORDER BY entry_id`;
}

useOwnDatabase('analytics');

beforeAll(async () => {
  // Three hosts run the stock export3 machine image; host 0 is the lab machine whose exports carry planted
  // c:\malware entries, and its second snapshot (lab3) changes a few of them after its baseline.
  const day = (d: number) => new Date(Date.UTC(2025, 6, 1 + d, 6));
  await ingestBytes(readSample('autoruns/limgreg_autorunslab2_banner.csv'), 'lab2.csv', { host: hosts[0], collectedAt: day(0) });
  for (const host of hosts.slice(1)) {
    await ingestBytes(readSample('autoruns/limgreg_autorun_export3_t.csv'), `export3-${host}.csv`, { host, collectedAt: day(0) });
  }
  await ingestBytes(readSample('autoruns/limgreg_autorunslab3_banner.csv'), 'lab3.csv', { host: hosts[0], collectedAt: day(1) });
}, 120_000);

describe('prevalence maintained by ingest', () => {
  it('is identical to a full rebuild', async () => {
    const incremental = await statsRows();
    const { entries } = await rebuildAnalytics(db());
    expect(entries).toBe(incremental.length);
    expect(await statsRows()).toEqual(incremental);
  });

  it('counts hosts now, hosts ever and closes removed entries', async () => {
    const gone = await db().$queryRaw<{ hosts_now: number; hosts_ever: number; last_seen_at: Date | null }[]>`
      SELECT st.hosts_now, st.hosts_ever, st.last_seen_at FROM entry_stats st
      JOIN presences p ON p.entry_id = st.entry_id JOIN hosts h ON h.id = p.host_id
      WHERE h.key = ${hosts[0]} AND p.until_at IS NOT NULL LIMIT 1`;
    expect(gone.length).toBe(1);
    expect(gone[0].hosts_ever).toBeGreaterThanOrEqual(gone[0].hosts_now + 1);
  });

  it('marks baseline entries as not new and post-baseline ones as new', async () => {
    const rows = await db().$queryRaw<{ baseline_new: number; later_new: number }[]>`
      SELECT count(*) FILTER (WHERE p.is_baseline AND st.new_since IS NOT NULL)::int AS baseline_new,
             count(*) FILTER (WHERE NOT p.is_baseline AND st.new_since IS NOT NULL)::int AS later_new
      FROM presences p JOIN entry_stats st ON st.entry_id = p.entry_id JOIN hosts h ON h.id = p.host_id
      WHERE h.key = ANY(${hosts}::text[])`;
    expect(rows[0].later_new).toBeGreaterThan(0);
  });
});

describe('outliers', () => {
  it('ranks the planted entries with explainable parts', async () => {
    const page = await listOutliers(parseOutlierSearchParams({ host: hosts[0], size: '200' }));
    const evil = page.rows.filter((r) => /evil/i.test(r.name));
    expect(evil.length).toBeGreaterThan(0);
    const top = evil[0];
    expect(top.score).toBeGreaterThanOrEqual(page.threshold);
    expect(top.parts.heuristics).toBeGreaterThan(0);
    expect(top.reasons.map((r) => r.text).join(' · ')).toMatch(/on \d+ of \d+ hosts/);
    // Stock entries present on all four hosts are not outliers unless a heuristic fires.
    const common = page.rows.filter((r) => r.hostsNow === hosts.length && r.parts.heuristics === 0);
    expect(common).toEqual([]);
  });

  it('leaves suppressed entries out of the list but keeps them findable', async () => {
    const before = await listOutliers(parseOutlierSearchParams({ host: hosts[0], size: '200' }));
    const target = before.rows.find((r) => /evil/i.test(r.name))!;
    const s = await db().suppression.create({ data: { kind: 'entry', value: String(target.id), reason: 'lab tool', owner: 'test' } });
    try {
      const after = await listOutliers(parseOutlierSearchParams({ host: hosts[0], size: '200' }));
      expect(after.rows.some((r) => r.id === target.id)).toBe(false);
      const shown = await listOutliers(parseOutlierSearchParams({ host: hosts[0], size: '200', suppressed: 'only' }));
      expect(shown.rows.find((r) => r.id === target.id)?.isSuppressed).toBe(true);
    } finally {
      await db().suppression.delete({ where: { id: s.id } });
    }
  });
});
