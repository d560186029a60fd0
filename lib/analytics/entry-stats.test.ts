import { beforeAll, describe, expect, it } from 'vitest';
import { benchFiles } from '@/lib/bench/fleet';
import { db } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { readSample } from '@/lib/testing/samples';
import { rebuildAnalytics } from './entry-stats';

useOwnDatabase('entry-stats');

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const group = m.get(k);
    if (group) group.push(x);
    else m.set(k, [x]);
  }
  return m;
}

interface Presence { entry_id: number; host_id: number; variant_id: number; from_at: Date; until_at: Date | null; is_baseline: boolean }

/**
 * entry_stats as its columns are defined, computed here from the rows they summarize, one entry at a time: the
 * oracle for the one statement that both the ingest's refresh and the rebuild run.
 */
async function expectedStats() {
  const presences = await db().$queryRaw<Presence[]>`SELECT entry_id, host_id, variant_id, from_at, until_at, is_baseline FROM presences`;
  const variants = await db().$queryRaw<{ id: number; enabled: boolean | null }[]>`SELECT id, enabled FROM variants`;
  const hits = await db().$queryRaw<{ variant_id: number; heuristic_id: string; severity: number }[]>`SELECT variant_id, heuristic_id, severity FROM variant_hits`;
  const enabled = new Map(variants.map((v) => [v.id, v.enabled]));
  const hitsOf = groupBy(hits, (h) => h.variant_id);
  const count = (ps: Presence[]) => new Set(ps.map((p) => p.host_id)).size;
  const out = [];
  for (const [entryId, ps] of groupBy(presences, (p) => p.entry_id)) {
    const open = ps.filter((p) => p.until_at === null);
    const times = (xs: (Date | null)[]) => xs.filter((t): t is Date => t !== null).map((t) => t.getTime());
    const newSince = ps.some((p) => p.is_baseline) ? null : Math.min(...times(ps.map((p) => p.from_at)));
    const openVariants = [...new Set(open.map((p) => p.variant_id))];
    const totals = new Map(openVariants.filter((v) => hitsOf.has(v)).map((v) => [v, hitsOf.get(v)!.reduce((n, h) => n + h.severity, 0)]));
    const score = totals.size === 0 ? 0 : Math.max(...totals.values());
    out.push({
      entry_id: entryId,
      hosts_now: count(open),
      hosts_ever: count(ps),
      variants_now: openVariants.length,
      first_seen_at: new Date(Math.min(...times(ps.map((p) => p.from_at)))),
      last_seen_at: open.length > 0 ? null : new Date(Math.max(...times(ps.map((p) => p.until_at)))),
      new_since: newSince === null ? null : new Date(newSince),
      burst_hosts: newSince === null ? 0 : count(ps.filter((p) => !p.is_baseline && p.from_at.getTime() < newSince + 3_600_000)),
      heuristic_score: score,
      heuristic_ids: [...new Set([...totals.keys()].flatMap((v) => hitsOf.get(v)!.map((h) => h.heuristic_id)))].sort(),
      hit_hosts: count(open.filter((p) => totals.size > 0 && totals.get(p.variant_id) === score)),
      disabled_hosts: count(open.filter((p) => enabled.get(p.variant_id) === false)),
    });
  }
  return out.sort((a, b) => a.entry_id - b.entry_id);
}

async function storedStats() {
  return db().$queryRaw<unknown[]>`
    SELECT entry_id, hosts_now, hosts_ever, variants_now, first_seen_at, last_seen_at, new_since, burst_hosts,
           heuristic_score, heuristic_ids, hit_hosts, disabled_hosts FROM entry_stats ORDER BY entry_id`;
}

beforeAll(async () => {
  // Three days of a fleet with planted entries (heuristic hits, a task disabled on one host) and churn: entries
  // come and go, so intervals close and entries appear after their hosts' baselines. Each export keeps its own
  // collection time, hours apart within a day, so some new entries spread within an hour and some do not.
  for (const f of benchFiles({ hosts: 30, days: 3, seed: 7, churn: 0.08 })) {
    await ingestBytes(f.bytes, 'autorunsc.csv', { host: f.host, collectedAt: f.collectedAt });
  }
  // Two lab machines with the same real export of planted entries. The next day one exports what a later real
  // export of that machine holds (some planted entries dropped or changed) and the other a stock machine's: the
  // planted entries' intervals close on one and stay open on the other, or close on both.
  const day = (d: number) => new Date(Date.UTC(2025, 6, 1 + d, 6));
  for (const host of ['lab', 'lab-twin']) await ingestBytes(readSample('autoruns/limgreg_autorunslab2_banner.csv'), 'lab2.csv', { host, collectedAt: day(0) });
  await ingestBytes(readSample('autoruns/limgreg_autorunslab3_banner.csv'), 'lab3.csv', { host: 'lab', collectedAt: day(1) });
  await ingestBytes(readSample('autoruns/limgreg_autorun_export3_t.csv'), 'export3.csv', { host: 'lab-twin', collectedAt: day(1) });
}, 300_000);

describe('entry_stats', () => {
  it('is what its definitions give, as the ingest left it and after a rebuild', async () => {
    const expected = await expectedStats();
    // The data exercises every column, or the comparison would prove little.
    expect(expected.some((e) => e.last_seen_at !== null)).toBe(true);
    expect(expected.some((e) => e.hosts_ever > e.hosts_now && e.hosts_now > 0)).toBe(true);
    expect(expected.some((e) => e.variants_now > 1)).toBe(true);
    expect(expected.some((e) => e.burst_hosts > 1)).toBe(true);
    expect(expected.some((e) => e.new_since !== null && e.burst_hosts < e.hosts_ever)).toBe(true);
    expect(expected.some((e) => e.heuristic_score > 0 && e.hit_hosts > 0)).toBe(true);
    expect(expected.some((e) => e.disabled_hosts > 0 && e.disabled_hosts < e.hosts_now)).toBe(true);
    expect(await storedStats()).toEqual(expected);
    await rebuildAnalytics(db());
    expect(await storedStats()).toEqual(expected);
  });
});
