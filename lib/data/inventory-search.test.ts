import { beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { readSample } from '@/lib/testing/samples';
import { parseInventorySearchParams } from '@/lib/validation/inventory';
import { entriesMatchingSql, listInventory, queryWithTrigramIndexes } from './inventory';

// Its own database: the expected matches are computed over every row, which other files' ingests would move.
useOwnDatabase('inventory_search');

let hash = '';

beforeAll(async () => {
  await ingestBytes(readSample('autoruns/limgreg_autorunslab2_banner.csv'), 'lab2.csv', { host: 'search-a' });
  await ingestBytes(readSample('autoruns/limgreg_autorun_export3_t.csv'), 'export3.csv', { host: 'search-b' });
  const [row] = await db().$queryRaw<{ h: string }[]>`SELECT sha256 AS h FROM variants WHERE sha256 IS NOT NULL ORDER BY id LIMIT 1`;
  hash = row!.h;
});

/** The search's answer computed in JavaScript from every row: independent of the SQL, its plan and its indexes. */
async function expectedIds(q: string): Promise<number[]> {
  const needle = q.toLowerCase();
  const has = (...values: (string | null)[]) => values.some((v) => v?.toLowerCase().includes(needle));
  const entries = await db().entry.findMany({ select: { id: true, name: true, command: true, normCommand: true } });
  const variants = await db().variant.findMany({ select: { entryId: true, imagePath: true, signer: true, sha256: true, sha1: true, md5: true, description: true } });
  const ids = new Set(entries.filter((e) => has(e.name, e.command, e.normCommand)).map((e) => e.id));
  for (const v of variants) if (has(v.imagePath, v.signer, v.sha256, v.sha1, v.md5, v.description)) ids.add(v.entryId);
  return [...ids].sort((a, b) => a - b);
}

async function foundIds(q: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const found = await listInventory(parseInventorySearchParams({ q, size: '200', page: String(page) }));
    ids.push(...found.rows.map((r) => r.id));
    if (ids.length >= found.total || found.rows.length === 0) return ids.sort((a, b) => a - b);
  }
}

describe('inventory search with trigram indexes', () => {
  it('finds exactly the entries a substring match over every row finds, for short, long, mixed-case and hash queries', async () => {
    const queries = ['e', 'ev', 'EVIL.exe', 'microsoft', 'update', hash.toLowerCase(), hash.slice(20, 36), 'no-such-thing-anywhere', '\\', '50%'];
    for (const q of queries) expect({ q, ids: await foundIds(q) }).toEqual({ q, ids: await expectedIds(q) });
    expect((await foundIds(hash.slice(20, 36))).length).toBeGreaterThan(0);
  });

  it('is served by the trigram index of every searched column, as the search runs it', async () => {
    const plan = await queryWithTrigramIndexes<{ 'QUERY PLAN': string }>(Prisma.sql`EXPLAIN ${entriesMatchingSql('update')}`);
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).not.toMatch(/Seq Scan/);
    const indexes = [...text.matchAll(/Bitmap Index Scan on (\w+)/g)].map((m) => m[1]).sort();
    expect(indexes).toEqual([
      'entries_command_trgm_idx', 'entries_name_trgm_idx', 'entries_norm_command_trgm_idx',
      'entry_search_values_value_trgm_idx', 'variants_md5_trgm_idx', 'variants_sha1_trgm_idx', 'variants_sha256_trgm_idx',
    ]);
  });
});
