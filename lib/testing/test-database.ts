import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDb } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrations';

export interface TestDatabase {
  url: string;
  kind: 'postgresql' | 'pglite';
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.TASKLENS_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function isLocal(url: string): boolean {
  const host = new URL(url).hostname;
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
}

function canConnect(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * A fresh, migrated database for one test run: a new database on the local PostgreSQL server when one answers,
 * otherwise an embedded PGlite in a temporary folder. Refuses non-local servers so tests never touch real data.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  if (!isLocal(ADMIN_URL)) throw new Error(`refusing to create test databases on a non-local server: ${ADMIN_URL}`);
  if (await canConnect(ADMIN_URL)) {
    const name = `tasklens_${label}_${Date.now()}_${process.pid}`;
    const admin = new pg.Client(ADMIN_URL);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    return {
      url: url.toString(),
      kind: 'postgresql',
      async drop() {
        const c = new pg.Client(ADMIN_URL);
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `tasklens-${label}-`));
  const embedded = await startEmbeddedDb(dir);
  await applyMigrations(embedded.url);
  return {
    url: embedded.url,
    kind: 'pglite',
    async drop() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
