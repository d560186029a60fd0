import 'server-only';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/** Tables an ingest fills; the COPY floor re-loads exactly their rows. */
export const INGEST_TABLES = ['hosts', 'host_labels', 'uploads', 'snapshots', 'entries', 'variants', 'variant_hits', 'entry_search_values', 'presences', 'entry_stats', 'host_families'] as const;

export interface CopyFloor {
  rows: number;
  bytes: number;
  ms: number;
  perTable: { table: string; rows: number; ms: number }[];
}

async function dump(client: pg.Client, table: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) });
  await pipeline(client.query(copyTo(`COPY ${table} TO STDOUT (FORMAT binary)`)), sink);
  return chunks;
}

async function load(client: pg.Client, table: string, chunks: Buffer[]): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`));
  await pipeline(async function* () {
    yield* chunks;
  }, stream);
  return stream.rowCount ?? 0;
}

/**
 * PostgreSQL's own floor for the rows an ingest left behind: dump each table (binary COPY, untimed), then time
 * `COPY ... FROM STDIN` of those rows into an empty copy of the table with the same indexes, defaults and
 * unique/check constraints (not foreign keys, which COPY would only check), in one transaction.
 */
export async function measureCopyFloor(url: string): Promise<CopyFloor> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const dumps = new Map<string, Buffer[]>();
    for (const t of INGEST_TABLES) {
      await client.query(`DROP TABLE IF EXISTS bench_copy_${t}`);
      await client.query(`CREATE TABLE bench_copy_${t} (LIKE ${t} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
      dumps.set(t, await dump(client, t));
    }
    const perTable: CopyFloor['perTable'] = [];
    let rows = 0;
    let bytes = 0;
    const t0 = performance.now();
    await client.query('BEGIN');
    for (const t of INGEST_TABLES) {
      const start = performance.now();
      const n = await load(client, `bench_copy_${t}`, dumps.get(t)!);
      perTable.push({ table: t, rows: n, ms: performance.now() - start });
      rows += n;
      bytes += dumps.get(t)!.reduce((s, c) => s + c.length, 0);
    }
    await client.query('COMMIT');
    const ms = performance.now() - t0;
    for (const t of INGEST_TABLES) await client.query(`DROP TABLE bench_copy_${t}`);
    return { rows, bytes, ms, perTable };
  } finally {
    await client.end();
  }
}

/** Size of the current database, for the large fleet's report. */
export async function databaseSize(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n');
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}
