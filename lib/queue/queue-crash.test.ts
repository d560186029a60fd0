import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchFiles } from '@/lib/bench/fleet';
import { db } from '@/lib/db/client';
import { queueBytes } from '@/lib/testing/queue-upload';
import { stopBoss } from './boss';
import { waitForJob } from './ingest-queue';

const HOSTS = 8;
const children: ChildProcess[] = [];

/** A separate `tasklens worker` process on the test database. */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/cli.ts', 'worker', '--concurrency', '1'], {
    env: { ...process.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function snapshotsOf(uploadId: number) {
  return db().$queryRaw<{ id: number; entry_count: number; opened: number }[]>`
    SELECT s.id, s.entry_count, (SELECT count(*)::int FROM presences p WHERE p.first_snapshot_id = s.id) AS opened
    FROM snapshots s WHERE s.upload_id = ${uploadId}`;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ingest queue after a worker crash', () => {
  beforeAll(() => {
    process.env.TASKLENS_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), 'tasklens-spool-'));
    // A killed worker's job expires in seconds instead of hours, so the restarted worker can take it over. It must
    // stay above the time the whole upload takes: pg-boss also fails a live job that runs past it.
    process.env.TASKLENS_QUEUE_EXPIRE_SECONDS = '20';
    process.env.TASKLENS_QUEUE_MAINTENANCE_SECONDS = '1';
    // Two hosts per transaction: the upload is still under way after its first batch commits.
    process.env.TASKLENS_INGEST_BATCH_HOSTS = '2';
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await stopBoss();
  });

  it('completes an acknowledged upload after SIGKILL mid-ingest, with no partial snapshot ever visible', async () => {
    const files = [...benchFiles({ hosts: HOSTS, days: 1, seed: 21 })];
    // Host names of this run only: another test file in the same database may have ingested the generator's WS-0001,
    // and a host's second snapshot opens only what changed, which would read as a partial snapshot here.
    const run = `crash${Date.now().toString(36)}`;
    const zip = zipSync(Object.fromEntries(files.map((f) => [`${run}-${f.host}/autorunsc.csv`, new Uint8Array(f.bytes)])));
    const q = await queueBytes(zip, 'crash-fleet.zip', { collectedAt: new Date('2026-11-20T06:00:00Z') });

    const first = startWorker();
    await until(async () => (await snapshotsOf(q.uploadId)).length >= 2, 120_000);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    expect(existsSync(q.path)).toBe(true);
    const afterCrash = await snapshotsOf(q.uploadId);
    expect(afterCrash.length).toBeLessThan(HOSTS);
    for (const s of afterCrash) expect(s.opened).toBe(s.entry_count);

    startWorker();
    const out = await waitForJob(q.jobId);
    expect(out?.ok).toBe(true);
    const upload = await db().upload.findUniqueOrThrow({ where: { id: q.uploadId } });
    expect(upload.status).toBe('done');
    expect(existsSync(q.path)).toBe(false);
    const done = await snapshotsOf(q.uploadId);
    expect(done).toHaveLength(HOSTS);
    for (const s of done) expect(s.opened).toBe(s.entry_count);
    expect(await db().host.count({ where: { key: { in: files.map((f) => `${run}-${f.host}`.toLowerCase()) } } })).toBe(HOSTS);
  }, 150_000);
});
