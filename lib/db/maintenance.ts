import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isEmbeddedDb } from './env';

/** The tables ingest and the prevalence refresh write, the ones whose statistics and visibility pages drift. */
const MAINTAINED_TABLES = ['presences', 'snapshots', 'variants', 'entry_search_values', 'entries', 'hosts', 'host_families', 'entry_stats', 'entry_peer_counts'] as const;
const EVERY_MS = 10 * 60_000;
let lastRun = 0;

/**
 * VACUUM (ANALYZE) the ingest tables of the embedded database, at most every ten minutes, after ingest changed
 * them. PGlite is PostgreSQL in one process, without the autovacuum workers a server runs: left alone its planner
 * never gets statistics (the inventory search walked an index in id order) and updated intervals never become
 * visible-to-all, which the entry page's index-only scans need. A PostgreSQL server does this itself with its
 * default autovacuum. Returns whether it ran.
 */
export async function maintainEmbeddedDb(client: PrismaClient, now = Date.now()): Promise<boolean> {
  if (!isEmbeddedDb() || now - lastRun < EVERY_MS) return false;
  lastRun = now;
  // Table names are constants; VACUUM takes no bind parameters and cannot run inside a transaction.
  for (const table of MAINTAINED_TABLES) await client.$executeRawUnsafe(`VACUUM (ANALYZE) ${table}`);
  return true;
}
