import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

export type Tx = Prisma.TransactionClient | PrismaClient;

/** Serializes stats refreshes of concurrent ingests and label edits, so each one counts what the other committed. */
export const STATS_LOCK = 74_210_001;

/** Take the stats lock until the end of the transaction. */
export async function lockStats(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STATS_LOCK})`;
}
