import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl, ingestPoolMax, isEmbeddedDb, poolMax } from './env';

/**
 * The one PrismaClient of a process. Kept on globalThis so that dev-mode module reloads do not open new pools.
 * Created lazily: `next build` imports this module without a database.
 */
const globalForDb = globalThis as unknown as {
  tasklensDb?: PrismaClient;
  tasklensIngestDb?: PrismaClient;
  tasklensPool?: pg.Pool;
  tasklensIngestScope?: AsyncLocalStorage<true>;
};
const ingestScope = (globalForDb.tasklensIngestScope ??= new AsyncLocalStorage<true>());

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
  // Ingest jobs get connections of their own (PostgreSQL only: the embedded database has one connection anyway).
  // Sharing one pool, 200 concurrent page reads queued every ingest statement behind them: a 12-line crontab
  // took 30 s to store under the load test.
  if (ingestScope.getStore() && !isEmbeddedDb()) {
    globalForDb.tasklensIngestDb ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: ingestPoolMax(), options: '-c jit=off' }) });
    return globalForDb.tasklensIngestDb;
  }
  if (!globalForDb.tasklensDb) {
    // The scoring query's cost estimate triggers JIT compilation, which added latency to these short dashboard queries.
    const adapter = isEmbeddedDb()
      ? new PrismaPg(embeddedPool())
      : new PrismaPg({ connectionString: databaseUrl(), max: poolMax(), options: '-c jit=off' });
    globalForDb.tasklensDb = new PrismaClient({ adapter });
  }
  return globalForDb.tasklensDb;
}

/** Run `fn` (an ingest job) with db() answering from the ingest pool, so page reads never queue ahead of it. */
export function withIngestConnections<T>(fn: () => Promise<T>): Promise<T> {
  return ingestScope.run(true, fn);
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.tasklensDb?.$disconnect();
  globalForDb.tasklensDb = undefined;
  await globalForDb.tasklensIngestDb?.$disconnect();
  globalForDb.tasklensIngestDb = undefined;
  await globalForDb.tasklensPool?.end();
  globalForDb.tasklensPool = undefined;
}
