import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export interface PresenceInput {
  hostId: number;
  source: string;
  collectedAt: Date;
  snapshotId: number;
  variantKeys: string[];
  /** false when adding to a stream the same upload already wrote: nothing gets closed. */
  closeMissing?: boolean;
  /**
   * The stream's snapshot before this one (null: this is its first), when the caller already knows it; looked
   * up otherwise.
   */
  prevSnapshotId?: number | null;
}

/**
 * Compare a snapshot's (entry, variant) pairs with its stream's open intervals: close the ones that are gone,
 * open the new ones, and mark the entries whose prevalence may have changed dirty for the coalesced entry_stats
 * refresh (what markEntryStatsDirty does, lib/analytics/entry-stats.ts). One statement: the sub-statements of a
 * WITH query all see the table as it was before it, which is what the comparison needs (the closed and the
 * opened pairs are disjoint). Returns the touched entries.
 */
export async function updatePresence(tx: Tx, input: PresenceInput): Promise<{ added: number; removed: number; touchedEntryIds: number[] }> {
  const prevId =
    input.prevSnapshotId !== undefined
      ? input.prevSnapshotId
      : ((
          await tx.snapshot.findFirst({
            where: { hostId: input.hostId, source: input.source, id: { not: input.snapshotId }, collectedAt: { lte: input.collectedAt } },
            orderBy: [{ collectedAt: 'desc' }, { id: 'desc' }],
            select: { id: true },
          })
        )?.id ?? null);
  const close = input.closeMissing !== false;
  // The first snapshot of a stream is the host's baseline: what it already had is not news.
  const isBaseline = prevId === null;
  const [r] = await tx.$queryRaw<{ added: number; removed: number; touched: number[] }[]>`
    WITH cur AS (
      SELECT v.entry_id, v.id AS variant_id FROM variants v WHERE v.key = ANY(${input.variantKeys}::text[])
    ), closed AS (
      UPDATE presences p SET until_at = ${input.collectedAt}, last_snapshot_id = ${prevId}::int
      WHERE ${close}::boolean AND p.host_id = ${input.hostId} AND p.source = ${input.source} AND p.until_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM cur c WHERE c.entry_id = p.entry_id AND c.variant_id = p.variant_id)
      RETURNING p.entry_id
    ), added AS (
      INSERT INTO presences (host_id, source, entry_id, variant_id, first_snapshot_id, from_at, is_baseline)
      SELECT ${input.hostId}, ${input.source}, c.entry_id, c.variant_id, ${input.snapshotId}, ${input.collectedAt}, ${isBaseline}
      FROM cur c
      WHERE NOT EXISTS (SELECT 1 FROM presences p WHERE p.host_id = ${input.hostId} AND p.source = ${input.source}
                          AND p.until_at IS NULL AND p.entry_id = c.entry_id AND p.variant_id = c.variant_id)
      RETURNING entry_id
    ), touched AS (
      SELECT entry_id FROM closed UNION SELECT entry_id FROM added
    ), dirty AS (
      INSERT INTO entry_stats_dirty (entry_id) SELECT entry_id FROM touched ORDER BY entry_id ON CONFLICT DO NOTHING
    )
    SELECT (SELECT count(*)::int FROM added) AS added, (SELECT count(*)::int FROM closed) AS removed,
           COALESCE((SELECT array_agg(entry_id ORDER BY entry_id) FROM touched), '{}'::int[]) AS touched`;
  return { added: r.added, removed: r.removed, touchedEntryIds: r.touched };
}
