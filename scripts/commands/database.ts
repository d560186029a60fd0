import path from 'node:path';
import { startEmbeddedDb, type EmbeddedDb } from '../../lib/db/embedded';

export const DATA_DIR = path.resolve(process.env.TASKLENS_DATA_DIR ?? 'data');

/**
 * The database a command works on: DATABASE_URL when set, else the embedded one in ./data
 * (started in this process; `close` stops it cleanly).
 */
export async function openDatabase(port = 0): Promise<{ url: string; embedded: EmbeddedDb | null; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null, close: async () => {} };
  const embedded = await startEmbeddedDb(DATA_DIR, port);
  process.env.DATABASE_URL = embedded.url;
  process.env.TASKLENS_DB_POOL_MAX ??= '4';
  process.env.TASKLENS_EMBEDDED_DB = '1';
  return { url: embedded.url, embedded, close: () => embedded.stop() };
}
