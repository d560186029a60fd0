import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

const LOCK_FILE = 'tasklens.lock';

/** Refuse a second process on the same data folder (PGlite is single-process); reclaim a dead owner's lock. */
function takeLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`the embedded database in ${dataDir} is in use by process ${pid}`);
    }
  }
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Extensions the migrations create (CREATE EXTENSION). PGlite has to load them on every open: without pg_trgm a
 * database migrated with it still opens, but every insert into `variants` (ingest) and every inventory search fails
 * with `could not access file "pg_trgm"`, and the migration itself fails on a fresh one.
 */
const EXTENSIONS = { pg_trgm };

/**
 * Open the embedded database in this process only, holding the folder's lock: for backup and restore, and under
 * the socket server. Every PGlite of the app is created here, so each loads the extensions.
 */
export async function openEmbeddedPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<{ pg: PGlite; releaseLock: () => void }> {
  const pgDir = path.join(dataDir, 'pglite');
  mkdirSync(pgDir, { recursive: true });
  const releaseLock = takeLock(dataDir);
  // A kill -9 can leave postmaster.pid behind; PGlite has no other process to protect against.
  rmSync(path.join(pgDir, 'postmaster.pid'), { force: true });
  try {
    return { pg: await PGlite.create(pgDir, { ...options, extensions: EXTENSIONS }), releaseLock };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/**
 * Embedded PostgreSQL (PGlite) served over the wire protocol on loopback, so the app uses the same
 * adapter-pg code path as with a real server. PGlite replays its WAL on open, so a folder left by kill -9
 * opens again; the lock only stops two live processes from sharing it.
 */
export async function startEmbeddedDb(dataDir: string, port = 0): Promise<EmbeddedDb> {
  const { pg, releaseLock } = await openEmbeddedPglite(dataDir);
  const server = new PGLiteSocketServer({ db: pg, host: '127.0.0.1', port, maxConnections: 16 });
  await server.start();
  const [, actualPort] = server.getServerConn().split(':');
  return {
    url: `postgresql://postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pg.close();
      releaseLock();
    },
  };
}
