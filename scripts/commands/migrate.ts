import { applyMigrations } from '../../lib/db/migrations';
import { openDatabase } from './database';

export async function runMigrate(): Promise<number> {
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
    return 0;
  } finally {
    await database.close();
  }
}
