import type { PrismaClient } from '@/lib/generated/prisma/client';
import { refreshPeerCounts } from './peer-counts';
import { lockStats, type Tx } from './stats-lock';
const BURST_WINDOW = '1 hour';

/**
 * Recompute prevalence and signals for the given entries (all entries when `entryIds` is null) from presences and
 * heuristic hits. Ingest calls it for the entries a snapshot touched; `tasklens analytics rebuild` for all. Both
 * run this one statement, so an incremental result that differs from a rebuild means a missed entry, not drift.
 */
export async function refreshEntryStats(tx: Tx, entryIds: number[] | null): Promise<void> {
  if (entryIds && entryIds.length === 0) return;
  await lockStats(tx);
  const scope = entryIds;
  await tx.$executeRaw`
    WITH p AS (
      SELECT pr.* FROM presences pr WHERE ${scope}::int[] IS NULL OR pr.entry_id = ANY(${scope}::int[])
    ), agg AS (
      SELECT entry_id,
             count(DISTINCT host_id) FILTER (WHERE until_at IS NULL)::int AS hosts_now,
             count(DISTINCT host_id)::int AS hosts_ever,
             count(DISTINCT variant_id) FILTER (WHERE until_at IS NULL)::int AS variants_now,
             min(from_at) AS first_seen_at,
             CASE WHEN bool_or(until_at IS NULL) THEN NULL ELSE max(until_at) END AS last_seen_at,
             CASE WHEN bool_or(is_baseline) THEN NULL ELSE min(from_at) END AS new_since
      FROM p GROUP BY entry_id
    ), burst AS (
      SELECT p.entry_id, count(DISTINCT p.host_id)::int AS burst_hosts
      FROM p JOIN agg a ON a.entry_id = p.entry_id
      WHERE NOT p.is_baseline AND a.new_since IS NOT NULL AND p.from_at < a.new_since + ${BURST_WINDOW}::interval
      GROUP BY p.entry_id
    ), variant_totals AS (
      SELECT v.entry_id, v.id, sum(h.severity)::int AS total, array_agg(h.heuristic_id) AS ids
      FROM variants v JOIN variant_hits h ON h.variant_id = v.id
      WHERE EXISTS (SELECT 1 FROM p WHERE p.variant_id = v.id AND p.until_at IS NULL)
      GROUP BY v.entry_id, v.id
    ), hits AS (
      SELECT vt.entry_id, max(vt.total)::int AS heuristic_score, array_agg(DISTINCT hid ORDER BY hid) AS heuristic_ids
      FROM variant_totals vt, unnest(vt.ids) AS hid
      GROUP BY vt.entry_id
    ), state AS (
      -- Where the flagged variant is and where the entry is disabled: a common entry in a rare state
      -- (Defender's scan task disabled on one host of 4,000) is as telling as a rare entry.
      SELECT p.entry_id,
             count(DISTINCT p.host_id) FILTER (WHERE vt.total = h.heuristic_score)::int AS hit_hosts,
             count(DISTINCT p.host_id) FILTER (WHERE v.enabled = false)::int AS disabled_hosts
      FROM p JOIN variants v ON v.id = p.variant_id
      LEFT JOIN variant_totals vt ON vt.id = p.variant_id LEFT JOIN hits h ON h.entry_id = p.entry_id
      WHERE p.until_at IS NULL GROUP BY p.entry_id
    )
    INSERT INTO entry_stats (entry_id, hosts_now, hosts_ever, variants_now, first_seen_at, last_seen_at, new_since,
                             burst_hosts, heuristic_score, heuristic_ids, hit_hosts, disabled_hosts)
    SELECT a.entry_id, a.hosts_now, a.hosts_ever, a.variants_now, a.first_seen_at, a.last_seen_at, a.new_since,
           COALESCE(b.burst_hosts, 0), COALESCE(h.heuristic_score, 0), COALESCE(h.heuristic_ids, '{}'),
           COALESCE(s.hit_hosts, 0), COALESCE(s.disabled_hosts, 0)
    FROM agg a LEFT JOIN burst b ON b.entry_id = a.entry_id LEFT JOIN hits h ON h.entry_id = a.entry_id
    LEFT JOIN state s ON s.entry_id = a.entry_id
    ON CONFLICT (entry_id) DO UPDATE SET
      hosts_now = EXCLUDED.hosts_now, hosts_ever = EXCLUDED.hosts_ever, variants_now = EXCLUDED.variants_now,
      first_seen_at = EXCLUDED.first_seen_at, last_seen_at = EXCLUDED.last_seen_at, new_since = EXCLUDED.new_since,
      burst_hosts = EXCLUDED.burst_hosts, heuristic_score = EXCLUDED.heuristic_score, heuristic_ids = EXCLUDED.heuristic_ids,
      hit_hosts = EXCLUDED.hit_hosts, disabled_hosts = EXCLUDED.disabled_hosts`;
  await refreshPeerCounts(tx, scope);
}

/**
 * Mark entries whose prevalence a snapshot changed, inside its transaction. Sorted so that concurrent ingests
 * take the keys in one order (no deadlock); the refresh itself is coalesced in refreshDirtyEntryStats.
 */
export async function markEntryStatsDirty(tx: Tx, entryIds: number[]): Promise<void> {
  if (entryIds.length === 0) return;
  const sorted = [...entryIds].sort((a, b) => a - b);
  await tx.$executeRaw`
    INSERT INTO entry_stats_dirty (entry_id) SELECT unnest(${sorted}::int[]) ON CONFLICT DO NOTHING`;
}

/**
 * Refresh every entry that committed snapshots marked dirty, in one transaction. One refresh after a batch of
 * snapshots costs one pass over each touched entry's presences instead of one pass per snapshot, which made
 * per-snapshot refreshes quadratic in fleet size for the entries every host has. Returns the entries refreshed.
 */
export async function refreshDirtyEntryStats(client: PrismaClient): Promise<number> {
  return client.$transaction(
    async (tx) => {
      await lockStats(tx);
      const rows = await tx.$queryRaw<{ entry_id: number }[]>`DELETE FROM entry_stats_dirty RETURNING entry_id`;
      await refreshEntryStats(tx, rows.map((r) => r.entry_id));
      return rows.length;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

/** Drop every derived row and recompute it from presences and variants (`tasklens analytics rebuild`). */
export async function rebuildAnalytics(client: PrismaClient): Promise<{ entries: number }> {
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM entry_stats`;
      await tx.$executeRaw`DELETE FROM entry_peer_counts`;
      await refreshEntryStats(tx, null);
      const [{ n }] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM entry_stats`;
      return { entries: n };
    },
    { timeout: 60 * 60_000 },
  );
}
