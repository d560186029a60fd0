import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl, poolMax } from './env';

/**
 * The one PrismaClient of a process. Kept on globalThis so that dev-mode module reloads do not open new pools.
 * Created lazily: `next build` imports this module without a database.
 */
const globalForDb = globalThis as unknown as { tasklensDb?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForDb.tasklensDb) {
    const adapter = new PrismaPg({ connectionString: databaseUrl(), max: poolMax() });
    globalForDb.tasklensDb = new PrismaClient({ adapter });
  }
  return globalForDb.tasklensDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.tasklensDb?.$disconnect();
  globalForDb.tasklensDb = undefined;
}
