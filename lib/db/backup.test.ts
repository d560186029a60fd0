import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/test-database';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from './backup';
import { startEmbeddedDb } from './embedded';
import { applyMigrations } from './migrations';

const dir = mkdtempSync(path.join(tmpdir(), 'tasklens-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('backup and restore', () => {
  // Without a PostgreSQL server the harness falls back to PGlite, which pg_dump cannot read from a socket here.
  it.skipIf(!process.env.DATABASE_URL || process.env.DATABASE_URL.includes('sslmode=disable'))('round-trips a PostgreSQL database through pg_dump / pg_restore', async () => {
    const source = await createTestDatabase('backup_src');
    const target = await createTestDatabase('backup_dst');
    try {
      await query(source.url, "INSERT INTO hosts (key, name) VALUES ('bk-1', 'BK-1'), ('bk-2', 'BK-2')");
      const file = path.join(dir, 'pg.dump');
      await backupPostgres(source.url, file);
      await query(target.url, "INSERT INTO hosts (key, name) VALUES ('only-in-target', 'x')");
      await restorePostgres(target.url, file);
      const rows = await query<{ key: string }>(target.url, 'SELECT key FROM hosts ORDER BY key');
      expect(rows.map((r) => r.key)).toEqual(['bk-1', 'bk-2']);
      const migrations = await query<{ n: number }>(target.url, 'SELECT count(*)::int AS n FROM _prisma_migrations');
      expect(migrations[0].n).toBeGreaterThan(0);
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 120_000);

  it('round-trips the embedded database and keeps the replaced folder aside', async () => {
    const dataDir = path.join(dir, 'embedded');
    const db = await startEmbeddedDb(dataDir);
    await applyMigrations(db.url);
    await query(db.url, "INSERT INTO hosts (key, name) VALUES ('emb-1', 'EMB-1')");
    await db.stop();
    const file = path.join(dir, 'embedded.tar.gz');
    await backupEmbedded(dataDir, file);

    const again = await startEmbeddedDb(dataDir);
    await query(again.url, "INSERT INTO hosts (key, name) VALUES ('after-backup', 'x')");
    await again.stop();

    const aside = await restoreEmbedded(dataDir, file);
    expect(aside).toMatch(/pglite\.before-restore-\d+$/);
    const restored = await startEmbeddedDb(dataDir);
    try {
      const rows = await query<{ key: string }>(restored.url, 'SELECT key FROM hosts ORDER BY key');
      expect(rows.map((r) => r.key)).toEqual(['emb-1']);
    } finally {
      await restored.stop();
    }
  }, 120_000);
});
