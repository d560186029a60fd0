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
}

/**
 * Compare a snapshot's (entry, variant) pairs with its stream's open intervals: close the ones that are gone,
 * open the new ones. Returns the entries whose prevalence may have changed.
 */
export async function updatePresence(tx: Tx, input: PresenceInput): Promise<{ added: number; removed: number; touchedEntryIds: number[] }> {
  await tx.$executeRaw`CREATE TEMP TABLE IF NOT EXISTS tl_current (entry_id int, variant_id int) ON COMMIT DROP`;
  await tx.$executeRaw`TRUNCATE tl_current`;
  await tx.$executeRaw`
    INSERT INTO tl_current SELECT v.entry_id, v.id FROM variants v WHERE v.key = ANY(${input.variantKeys}::text[])`;
  const prev = await tx.snapshot.findFirst({
    where: { hostId: input.hostId, source: input.source, id: { not: input.snapshotId }, collectedAt: { lte: input.collectedAt } },
    orderBy: [{ collectedAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  const removed =
    input.closeMissing === false
      ? []
      : await tx.$queryRaw<{ entry_id: number }[]>`
          UPDATE presences p SET until_at = ${input.collectedAt}, last_snapshot_id = ${prev?.id ?? null}::int
          WHERE p.host_id = ${input.hostId} AND p.source = ${input.source} AND p.until_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM tl_current c WHERE c.entry_id = p.entry_id AND c.variant_id = p.variant_id)
          RETURNING p.entry_id`;
  // The first snapshot of a stream is the host's baseline: what it already had is not news.
  const isBaseline = prev === null;
  const added = await tx.$queryRaw<{ entry_id: number }[]>`
    INSERT INTO presences (host_id, source, entry_id, variant_id, first_snapshot_id, from_at, is_baseline)
    SELECT ${input.hostId}, ${input.source}, c.entry_id, c.variant_id, ${input.snapshotId}, ${input.collectedAt}, ${isBaseline}
    FROM tl_current c
    WHERE NOT EXISTS (SELECT 1 FROM presences p WHERE p.host_id = ${input.hostId} AND p.source = ${input.source}
                        AND p.until_at IS NULL AND p.entry_id = c.entry_id AND p.variant_id = c.variant_id)
    RETURNING entry_id`;
  const touched = new Set([...removed, ...added].map((r) => r.entry_id));
  return { added: added.length, removed: removed.length, touchedEntryIds: [...touched] };
}
