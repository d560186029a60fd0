import { afterAll, beforeAll } from 'vitest';
import { disconnectDb } from '@/lib/db/client';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * Give one test file a database of its own, for tests whose results depend on the whole fleet (scores against
 * "the fleet's latest collection", prevalence denominators) and would otherwise see other files' data.
 * Call at the top of the file: db() connects lazily, so it picks up the URL set here.
 */
export function useOwnDatabase(label: string): void {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    await disconnectDb();
    database = await createTestDatabase(label);
    process.env.DATABASE_URL = database.url;
  }, 120_000);
  afterAll(async () => {
    await disconnectDb();
    await database?.drop();
  });
}
