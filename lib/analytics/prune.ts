import type { PrismaClient } from '@/lib/generated/prisma/client';
import { rebuildAnalytics } from './entry-stats';

/**
 * Delete closed presence intervals that ended more than `retentionDays` before the fleet's latest collection,
 * then rebuild the derived stats (hosts ever, first seen, newness change with the history). Measured from the
 * latest collection rather than the wall clock, so a fleet that stopped reporting keeps its last picture.
 * Open intervals (what hosts have now) are never pruned.
 */
export async function prunePresences(client: PrismaClient, retentionDays: number): Promise<{ deleted: number; entries: number }> {
  const deleted = await client.$executeRaw`
    DELETE FROM presences
    WHERE until_at IS NOT NULL
      AND until_at < (SELECT max(collected_at) FROM snapshots) - make_interval(days => ${retentionDays})`;
  const { entries } = await rebuildAnalytics(client);
  return { deleted, entries };
}
