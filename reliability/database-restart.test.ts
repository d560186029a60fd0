import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { benchFiles } from '@/lib/bench/fleet';
import { hasPostgresBinaries, startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { createToken, startServer, type RunningServer } from './support/server';
import { crontab, getUploadJson, postUpload, snapshotsOfUpload, withClient } from './support/uploads';

const HOSTS = 10;
let postgres: PrivatePostgres | null = null;
let server: RunningServer | null = null;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tasklens-db-restart-'));

afterAll(async () => {
  await server?.kill();
  postgres?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A request that must answer (not hang) while the database is down; a bounded wait proves it. */
async function answer(url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000), redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
}

async function until<T>(what: string, fn: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`${what}: not reached in time\n${server?.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function fleetZip(hosts: number) {
  const files = [...benchFiles({ hosts, days: 1, seed: 42 })];
  return zipSync(Object.fromEntries(files.map((f) => [`${f.host}/autorunsc.csv`, new Uint8Array(f.bytes)])));
}

describe.skipIf(!hasPostgresBinaries())('PostgreSQL restarted under the running app', () => {
  it('fails requests cleanly while it is down, serves again without an app restart, and the interrupted ingest retries', async () => {
    postgres = await startPrivatePostgres();
    const o = { dataDir, databaseUrl: postgres.url, env: { TASKLENS_WORKERS: '1', TASKLENS_INGEST_BATCH_HOSTS: '2' } };
    const ingest = createToken(o, 'ingest');
    const read = createToken(o, 'read');
    server = await startServer(o);
    const s = server;
    const auth = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

    const before = await postUpload(s.url, ingest, crontab('before'), 'before.crontab', '', { host: 'before' });
    expect(before.status).toBe(201);
    expect((await answer(`${s.url}/api/v1/hosts`, auth(read))).status).toBe(200);

    // A large upload in flight when the database goes away.
    const big = await postUpload(s.url, ingest, fleetZip(HOSTS), 'fleet.zip', '?wait=false');
    expect(big.status).toBe(202);
    await until('ingest under way', async () => ((await getUploadJson(s.url, ingest, big.body.id)).body.snapshots.length >= 1 ? true : null), 120_000);
    postgres.stop();

    const down = [
      await answer(`${s.url}/api/v1/hosts`, auth(read)),
      await answer(`${s.url}/api/v1/outliers`, auth(read)),
      await answer(`${s.url}/api/v1/uploads/${big.body.id}`, auth(ingest)),
    ];
    for (const r of down) {
      expect(r.status, r.text).toBe(503);
      expect(r.contentType).toContain('application/json');
      expect(JSON.parse(r.text)).toMatchObject({ error: 'unavailable' });
    }
    const refused = await postUpload(s.url, ingest, crontab('during'), 'during.crontab', '', { host: 'during' });
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('unavailable');
    // A page: the error page, not a hung or dropped connection.
    // A page answers in full too: its shell streams first (200), then React marks the failed part as errored with
    // a digest ($RX), which the browser shows as app/error.tsx ("This page could not be loaded", Try again).
    const page = await answer(`${s.url}/setup`);
    expect([200, 500, 503]).toContain(page.status);
    if (page.status === 200) expect(page.text).toMatch(/\$RX\("[^"]+","\d+"\)/);

    postgres.start();
    await until('API answers again', async () => ((await answer(`${s.url}/api/v1/hosts`, auth(read))).status === 200 ? true : null), 60_000);
    const done = await until('interrupted upload finished', async () => {
      const u = (await getUploadJson(s.url, ingest, big.body.id)).body;
      return u.status === 'done' || u.status === 'failed' ? u : null;
    }, 240_000);
    expect(done.status).toBe('done');
    expect(done.snapshots).toHaveLength(HOSTS);
    const after = await postUpload(s.url, ingest, crontab('after'), 'after.crontab', '', { host: 'after' });
    expect(after.status).toBe(201);

    await withClient(postgres.url, async (c) => {
      const snaps = await snapshotsOfUpload(c, big.body.id);
      expect(new Set(snaps.map((x) => x.host)).size).toBe(HOSTS);
      expect(snaps).toHaveLength(HOSTS);
      for (const x of snaps) expect(x.opened, `snapshot ${x.id}`).toBe(x.entry_count);
      // It was interrupted and retried, not finished before the stop.
      const job = await c.query<{ retry_count: number }>(
        "SELECT retry_count FROM pgboss.job WHERE name = 'ingest' AND (data->>'uploadId')::int = $1 UNION ALL SELECT retry_count FROM pgboss.archive WHERE name = 'ingest' AND (data->>'uploadId')::int = $1",
        [big.body.id],
      );
      expect(job.rows).toHaveLength(1);
      expect(job.rows[0]!.retry_count).toBeGreaterThanOrEqual(1);
      // The refused upload left no row behind it and no spooled file.
      expect((await c.query('SELECT file_name FROM uploads ORDER BY id')).rows.map((r) => r.file_name)).toEqual(['before.crontab', 'fleet.zip', 'after.crontab']);
    });
    expect(readdirSync(path.join(dataDir, 'spool'))).toEqual([]);
    await s.stop();
  });
});
