import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from '../../lib/db/backup';
import { DATA_DIR } from './database';

function stamp(): string {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 14);
}

/** `tasklens backup [--out FILE]`: pg_dump for DATABASE_URL, an archive of the embedded database otherwise. */
export async function runBackup(argv: string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const url = process.env.DATABASE_URL;
  const file = outAt >= 0 ? argv[outAt + 1] : path.join('backups', `tasklens-${stamp()}.${url ? 'dump' : 'tar.gz'}`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (url) await backupPostgres(url, file);
  else await backupEmbedded(DATA_DIR, file);
  console.log(`backup written to ${file}`);
  return 0;
}

/** `tasklens restore FILE`: the inverse of backup, into DATABASE_URL or the embedded database (server stopped). */
export async function runRestore(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file) {
    console.error('usage: tasklens restore <backup file>');
    return 2;
  }
  if (process.env.DATABASE_URL) {
    await restorePostgres(process.env.DATABASE_URL, file);
    console.log('restored into DATABASE_URL');
  } else {
    const aside = await restoreEmbedded(DATA_DIR, file);
    console.log(`restored into ${DATA_DIR}/pglite${aside ? `; the previous database is kept in ${aside}` : ''}`);
  }
  return 0;
}
