import { rebuildAnalytics } from '../../lib/analytics/entry-stats';
import { db, disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { openDatabase } from './database';

/** `tasklens analytics rebuild`: recompute every derived prevalence row from presences. */
export async function runAnalytics(argv: string[]): Promise<number> {
  if (argv[0] !== 'rebuild') {
    console.error('usage: tasklens analytics rebuild');
    return 2;
  }
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    const r = await rebuildAnalytics(db());
    console.log(`rebuilt prevalence for ${r.entries} entries`);
    return 0;
  } finally {
    await disconnectDb();
    await database.close();
  }
}
