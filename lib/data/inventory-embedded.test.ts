import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { backupEmbedded, restoreEmbedded } from '@/lib/db/backup';
import { db, disconnectDb } from '@/lib/db/client';
import { startEmbeddedDb, type EmbeddedDb } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrations';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { readSample } from '@/lib/testing/samples';
import { parseInventorySearchParams } from '@/lib/validation/inventory';
import { entriesMatchingSql, listInventory, queryWithTrigramIndexes } from './inventory';

// The migrations create the pg_trgm extension; PGlite has to load it on every open (lib/db/embedded.ts).
describe('inventory search on the embedded database (PGlite)', () => {
  let dir: string;
  let embedded: EmbeddedDb | null = null;
  let previousUrl: string | undefined;

  async function open() {
    embedded = await startEmbeddedDb(dir);
    process.env.DATABASE_URL = embedded.url;
  }
  async function close() {
    await disconnectDb();
    await embedded?.stop();
    embedded = null;
  }
  async function search(q: string) {
    return (await listInventory(parseInventorySearchParams({ q, size: '200' }))).rows.map((r) => r.id).sort((a, b) => a - b);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tasklens-search-pglite-'));
    await disconnectDb();
    previousUrl = process.env.DATABASE_URL;
    process.env.TASKLENS_EMBEDDED_DB = '1';
    await open();
    await applyMigrations(embedded!.url);
  }, 120_000);

  afterAll(async () => {
    await close();
    process.env.DATABASE_URL = previousUrl;
    delete process.env.TASKLENS_EMBEDDED_DB;
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, searches through the trigram indexes, and reopens after a backup and restore', async () => {
    await ingestBytes(readSample('autoruns/limgreg_autorunslab2_banner.csv'), 'lab2.csv', { host: 'pglite-search' });
    const found = await search('evil.exe');
    expect(found.length).toBeGreaterThan(0);
    const plan = await queryWithTrigramIndexes<{ 'QUERY PLAN': string }>(Prisma.sql`EXPLAIN ${entriesMatchingSql('evil.exe')}`);
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on entry_search_values_value_trgm_idx/);

    await close();
    const file = path.join(dir, 'backup.tar.gz');
    await backupEmbedded(dir, file);
    await restoreEmbedded(dir, file);
    await open();
    expect(await search('evil.exe')).toEqual(found);
    expect(await search('ev')).toEqual(expect.arrayContaining(found));
  }, 120_000);
});
