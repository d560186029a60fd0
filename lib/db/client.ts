import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl, isEmbeddedDb, poolMax } from './env';

/**
 * The one PrismaClient of a process. Kept on globalThis so that dev-mode module reloads do not open new pools.
 * Created lazily: `next build` imports this module without a database.
 */
const globalForDb = globalThis as unknown as { tasklensDb?: PrismaClient; tasklensPool?: pg.Pool };

/**
 * The embedded database's connection pool, shared by Prisma and the ingest queue. PGlite serves every connection
 * through one session, and its socket multiplexer can run another connection's message between the Parse and Bind
 * of an extended-protocol query ("unnamed prepared statement does not exist" once the queue polled alongside the
 * app), so the app uses a single connection there; PGlite runs one statement at a time anyway.
 */
export function embeddedPool(): pg.Pool {
  globalForDb.tasklensPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 1 });
  return globalForDb.tasklensPool;
}

export function db(): PrismaClient {
  if (!globalForDb.tasklensDb) {
    // The scoring query's cost estimate triggers JIT compilation, which added latency to these short dashboard queries.
    const adapter = isEmbeddedDb()
      ? new PrismaPg(embeddedPool())
      : new PrismaPg({ connectionString: databaseUrl(), max: poolMax(), options: '-c jit=off' });
    globalForDb.tasklensDb = new PrismaClient({ adapter });
  }
  return globalForDb.tasklensDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.tasklensDb?.$disconnect();
  globalForDb.tasklensDb = undefined;
  await globalForDb.tasklensPool?.end();
  globalForDb.tasklensPool = undefined;
}
