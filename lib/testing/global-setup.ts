import { createTestDatabase } from './test-database';

/** Vitest global setup: every run gets its own fresh database, dropped afterwards. */
export default async function setup() {
  const database = await createTestDatabase('unit');
  process.env.DATABASE_URL = database.url;
  if (database.kind === 'pglite') {
    process.env.TASKLENS_DB_POOL_MAX = '2';
    process.env.TASKLENS_EMBEDDED_DB = '1';
  }
  console.log(`integration tests run on ${database.kind === 'postgresql' ? 'PostgreSQL' : 'embedded PGlite (no PostgreSQL server answered)'}`);
  return async () => {
    await database.drop();
  };
}
