import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { benchFiles } from '@/lib/bench/fleet';
import { startEmbeddedDb } from '@/lib/db/embedded';
import { createToken, startServer, type RunningServer, type ServerOptions } from './support/server';
import { emptyDatabase, getUploadJson, postUpload, snapshotsOfUpload, withClient, type UploadJson } from './support/uploads';

// Enough hosts (one snapshot transaction each) that the kill lands with some stored and some not.
const HOSTS = 12;
const servers: RunningServer[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const s of servers) await s.kill();
  for (const c of cleanups) await c();
});

function fleetZip(seed: number) {
  const files = [...benchFiles({ hosts: HOSTS, days: 1, seed })];
  return { hosts: files.map((f) => f.host.toLowerCase()).sort(), zip: zipSync(Object.fromEntries(files.map((f) => [`${f.host}/autorunsc.csv`, new Uint8Array(f.bytes)]))) };
}

async function start(o: ServerOptions): Promise<RunningServer> {
  const s = await startServer(o);
  servers.push(s);
  return s;
}

/** Poll the upload until `done` says so; every answer on the way must show whole snapshots only. */
async function pollUpload(s: RunningServer, token: string, id: number, done: (u: UploadJson) => boolean, timeoutMs: number): Promise<UploadJson> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await getUploadJson(s.url, token, id);
    expect(status).toBe(200);
    for (const snap of body.snapshots) expect(snap.entries).toBeGreaterThan(0);
    if (done(body)) return body;
    if (Date.now() > end) throw new Error(`upload ${id} stuck at ${JSON.stringify({ status: body.status, snapshots: body.snapshots.length })}\n${s.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Upload a fleet archive with wait=false, SIGKILL the server's process group once some hosts are stored, check the
 * database holds only whole snapshots, start the server again on the same data, and check the upload completes once.
 * `inspect` runs SQL against the server's database while no server runs (the embedded one has a single owner).
 */
async function crashAndRecover(o: ServerOptions, inspect: <T>(fn: (c: pg.Client) => Promise<T>) => Promise<T>) {
  const token = createToken(o, 'ingest');
  const { hosts, zip } = fleetZip(31);
  const first = await start(o);
  const posted = await postUpload(first.url, token, zip, 'crash-fleet.zip', '?wait=false', { collectedAt: '2026-11-20T06:00:00Z' });
  expect(posted.status).toBe(202);
  expect(posted.body.status).toBe('queued');
  const id = posted.body.id;

  const seen = await pollUpload(first, token, id, (u) => u.snapshots.length >= 2 || u.status === 'done', 180_000);
  await first.kill();
  expect(seen.status, 'ingest finished before the kill: raise HOSTS').not.toBe('done');

  const afterCrash = await inspect(async (c) => ({
    snapshots: await snapshotsOfUpload(c, id),
    status: (await c.query<{ status: string }>('SELECT status FROM uploads WHERE id = $1', [id])).rows[0]?.status,
  }));
  expect(afterCrash.status).not.toBe('done');
  expect(afterCrash.snapshots.length).toBeGreaterThanOrEqual(2);
  expect(afterCrash.snapshots.length).toBeLessThan(HOSTS);
  for (const s of afterCrash.snapshots) expect(s.opened, `snapshot ${s.id} of ${s.host}`).toBe(s.entry_count);
  expect(readdirSync(path.join(o.dataDir, 'spool')).length).toBeGreaterThan(0);

  const second = await start(o);
  const done = await pollUpload(second, token, id, (u) => u.status === 'done' || u.status === 'failed', 240_000);
  expect(done.status).toBe('done');
  expect(done.outcome).toBe('ingested');
  expect(done.snapshots.map((s) => s.host.toLowerCase()).sort()).toEqual(hosts);
  await second.stop();

  const final = await inspect(async (c) => ({
    snapshots: await snapshotsOfUpload(c, id),
    total: (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM snapshots')).rows[0]!.n,
    uploads: (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads')).rows[0]!.n,
    jobs: (await c.query<{ state: string }>("SELECT state::text FROM pgboss.job WHERE name = 'ingest' UNION ALL SELECT state::text FROM pgboss.archive WHERE name = 'ingest'")).rows,
  }));
  // Exactly once: one snapshot per host, none duplicated by the retried run, one upload, one job.
  expect(final.snapshots.map((s) => s.host)).toEqual(hosts);
  expect(final.total).toBe(HOSTS);
  expect(final.uploads).toBe(1);
  for (const s of final.snapshots) expect(s.opened, `snapshot ${s.id} of ${s.host}`).toBe(s.entry_count);
  // pg-boss records a job as completed after the job's last write, so a stop right after the upload reads done can
  // leave the job active; the next start then runs it again as a no-op that leaves the upload done (proved in
  // lib/queue/ingest-queue.test.ts). Either way there is one job, and nothing was ingested twice.
  expect(final.jobs).toHaveLength(1);
  expect(['completed', 'active']).toContain(final.jobs[0]!.state);
  expect(readdirSync(path.join(o.dataDir, 'spool'))).toEqual([]);
}

describe('tasklens start killed with SIGKILL mid-ingest', () => {
  it('on the embedded database: the acknowledged upload completes once after a restart, no partial snapshot', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tasklens-crash-embedded-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const o: ServerOptions = { dataDir, env: { TASKLENS_WORKERS: '1', TASKLENS_INGEST_BATCH_HOSTS: '2' } };
    await crashAndRecover(o, async (fn) => {
      const embedded = await startEmbeddedDb(dataDir);
      try {
        return await withClient(embedded.url, fn);
      } finally {
        await embedded.stop();
      }
    });
    expect(existsSync(path.join(dataDir, 'tasklens.lock'))).toBe(false);
  });

  it('on PostgreSQL: the same, the killed job taken over when it expires', async (ctx) => {
    const database = await emptyDatabase('crash');
    if (!database) return ctx.skip('no PostgreSQL answers on the test server');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tasklens-crash-pg-'));
    cleanups.push(async () => {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    // Other instances may share a PostgreSQL queue, so a dead worker's job only comes back when it expires:
    // seconds here instead of hours, still above the time the whole upload takes.
    const env = { TASKLENS_WORKERS: '1', TASKLENS_INGEST_BATCH_HOSTS: '2', TASKLENS_QUEUE_EXPIRE_SECONDS: '45', TASKLENS_QUEUE_MAINTENANCE_SECONDS: '1' };
    await crashAndRecover({ dataDir, databaseUrl: database.url, env }, (fn) => withClient(database.url, fn));
  });
});
