import { intArrayLiteral } from '@/lib/db/int-array';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** One snapshot of a stream (host + source) whose open intervals are compared with its contents. */
export interface PresenceInput {
  hostId: number;
  source: string;
  collectedAt: Date;
  snapshotId: number;
  /** Ids of the snapshot's variants (distinct). */
  variantIds: number[];
  /** The entry of each of variantIds, in the same order. */
  entryIds: number[];
  /** false when adding to a stream the same upload already wrote: nothing gets closed. */
  closeMissing: boolean;
  /** The stream's snapshot before this one; null: this is its first, the host's baseline. */
  prevSnapshotId: number | null;
}

export interface PresenceChange {
  added: number;
  removed: number;
  touchedEntryIds: number[];
}

/**
 * Compare each snapshot's (entry, variant) pairs with its stream's open intervals: close the ones that are gone,
 * open the new ones, and mark the entries whose prevalence may have changed dirty for the coalesced entry_stats
 * refresh (what markEntryStatsDirty does, lib/analytics/entry-stats.ts). One statement for the whole batch: the
 * sub-statements of a WITH query all see the table as it was before it, which is what the comparison needs (the
 * closed and the opened pairs are disjoint). The streams of a batch must differ. Returns the change per snapshot.
 *
 * A variant id determines its entry, so pairs compare by variant id, each stream's against an int array of the
 * other side's: a linear scan of a few hundred ints per row, whatever the planner believes. An anti-join against
 * the batch's pairs was planned as a nested loop whenever presences' statistics were stale (right after a large
 * first ingest): 78 million comparisons and 17 s for 50 hosts.
 *
 * A stream's first snapshot (no earlier one, so no open interval: they are never pruned) skips the comparison:
 * its pairs go straight in (`fresh`), and its counts are known here. Through the comparison, with each row
 * returned, counted and sorted, the statement took 119-160 ms per 50 first snapshots against 82-101 ms
 * (docs/benchmarks.md, eleventh round). A stream that has open intervals all the same is compared.
 */
export async function updatePresences(tx: Tx, inputs: PresenceInput[]): Promise<Map<number, PresenceChange>> {
  const out = new Map<number, PresenceChange>(inputs.map((s) => [s.snapshotId, { added: 0, removed: 0, touchedEntryIds: [] }]));
  if (inputs.length === 0) return out;
  const pairSnapshot = inputs.flatMap((s) => s.variantIds.map(() => s.snapshotId));
  const pairVariant = inputs.flatMap((s) => s.variantIds);
  const pairEntry = inputs.flatMap((s) => s.entryIds);
  const rows = await tx.$queryRaw<{ sid: number; added: number; removed: number; touched: number[] | null; fresh: boolean }[]>`
    WITH s AS (
      SELECT s.*, s.prev_id IS NOT NULL
                  OR EXISTS (SELECT 1 FROM presences p WHERE p.host_id = s.host_id AND p.source = s.source AND p.until_at IS NULL) AS compare
      FROM unnest(${inputs.map((s) => s.snapshotId)}::int[], ${inputs.map((s) => s.hostId)}::int[], ${inputs.map((s) => s.source)}::text[],
                  ${inputs.map((s) => s.collectedAt)}::timestamptz[], ${inputs.map((s) => s.prevSnapshotId)}::int[],
                  ${inputs.map((s) => s.closeMissing)}::boolean[])
        AS s(sid, host_id, source, at, prev_id, close)
    ), pairs AS (
      SELECT s.sid, s.host_id, s.source, s.at, s.prev_id IS NULL AS baseline, s.compare, t.entry_id, t.variant_id
      FROM unnest(${intArrayLiteral(pairSnapshot)}::int[], ${intArrayLiteral(pairVariant)}::int[], ${intArrayLiteral(pairEntry)}::int[])
        AS t(sid, variant_id, entry_id)
      JOIN s ON s.sid = t.sid
    ), fresh AS (
      INSERT INTO presences (host_id, source, entry_id, variant_id, first_snapshot_id, from_at, is_baseline)
      SELECT host_id, source, entry_id, variant_id, sid, at, true FROM pairs WHERE NOT compare
    ), cur AS (
      SELECT * FROM pairs WHERE compare
    ), cur_ids AS (
      SELECT sid, array_agg(variant_id) AS ids FROM cur GROUP BY sid
    ), open_ids AS (
      SELECT s.sid, array_agg(p.variant_id) AS ids
      FROM s JOIN presences p ON p.host_id = s.host_id AND p.source = s.source AND p.until_at IS NULL WHERE s.compare GROUP BY s.sid
    ), closed AS (
      UPDATE presences p SET until_at = s.at, last_snapshot_id = s.prev_id
      FROM s LEFT JOIN cur_ids ci ON ci.sid = s.sid
      WHERE s.compare AND s.close AND p.host_id = s.host_id AND p.source = s.source AND p.until_at IS NULL
        AND p.variant_id <> ALL(COALESCE(ci.ids, '{}'))
      RETURNING s.sid, p.entry_id
    ), added AS (
      INSERT INTO presences (host_id, source, entry_id, variant_id, first_snapshot_id, from_at, is_baseline)
      SELECT c.host_id, c.source, c.entry_id, c.variant_id, c.sid, c.at, c.baseline
      FROM cur c LEFT JOIN open_ids o ON o.sid = c.sid
      WHERE c.variant_id <> ALL(COALESCE(o.ids, '{}'))
      RETURNING first_snapshot_id AS sid, entry_id
    ), changed AS (
      SELECT sid, entry_id, false AS is_added FROM closed UNION ALL SELECT sid, entry_id, true FROM added
    ), dirty AS (
      INSERT INTO entry_stats_dirty (entry_id)
      SELECT entry_id FROM changed UNION SELECT entry_id FROM pairs WHERE NOT compare ORDER BY entry_id ON CONFLICT DO NOTHING
    )
    -- touched as json, which the driver reads with JSON.parse; it parses an int[] character by character.
    SELECT sid, (count(*) FILTER (WHERE is_added))::int AS added, (count(*) FILTER (WHERE NOT is_added))::int AS removed,
           to_json(array_agg(DISTINCT entry_id ORDER BY entry_id)) AS touched, false AS fresh
    FROM changed GROUP BY sid
    UNION ALL
    SELECT sid, 0, 0, NULL, true FROM s WHERE NOT compare`;
  const bySnapshot = new Map(inputs.map((s) => [s.snapshotId, s]));
  for (const r of rows) {
    if (!r.fresh) out.set(r.sid, { added: r.added, removed: r.removed, touchedEntryIds: r.touched! });
    else {
      const s = bySnapshot.get(r.sid)!;
      out.set(r.sid, { added: s.variantIds.length, removed: 0, touchedEntryIds: [...new Set(s.entryIds)].sort((a, b) => a - b) });
    }
  }
  return out;
}
