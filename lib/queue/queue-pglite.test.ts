import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchFiles } from '@/lib/bench/fleet';
import { db, disconnectDb } from '@/lib/db/client';
import { startEmbeddedDb, type EmbeddedDb } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrations';
import { queueBytes } from '@/lib/testing/queue-upload';
import { getBoss, INGEST_QUEUE, stopBoss } from './boss';
import { startIngestWorkers, waitForJob } from './ingest-queue';
import { settleStatsRefresh } from './stats-refresher';

// The embedded database serves one process: there the in-process workers (the Next server's) are the only ones.
describe('ingest queue on the embedded database (PGlite)', () => {
  let dir: string;
  let embedded: EmbeddedDb;
  let previousUrl: string | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tasklens-queue-pglite-'));
    embedded = await startEmbeddedDb(dir);
    await applyMigrations(embedded.url);
    await disconnectDb();
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = embedded.url;
    process.env.TASKLENS_DB_POOL_MAX = '2';
    process.env.TASKLENS_EMBEDDED_DB = '1';
    process.env.TASKLENS_SPOOL_DIR = path.join(dir, 'spool');
    await startIngestWorkers(2);
  }, 120_000);

  afterAll(async () => {
    await stopBoss();
    await settleStatsRefresh();
    await disconnectDb();
    process.env.DATABASE_URL = previousUrl;
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues, ingests and reports uploads through pg-boss on PGlite', async () => {
    const files = [...benchFiles({ hosts: 2, days: 1, seed: 13 })];
    const queued = [];
    for (const f of files) queued.push(await queueBytes(f.bytes, `${f.host}-autorunsc.csv`, { host: f.host, collectedAt: f.collectedAt }));
    const outs = await Promise.all(queued.map((q) => waitForJob(q.jobId)));
    expect(outs.map((o) => o?.ok)).toEqual([true, true]);
    const uploads = await db().upload.findMany({ where: { id: { in: queued.map((q) => q.uploadId) } }, select: { status: true } });
    expect(uploads.map((u) => u.status)).toEqual(['done', 'done']);
    const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM entry_stats WHERE hosts_now = 2`;
    expect(n).toBeGreaterThan(100);
    // A retry here would mean a statement failed on the shared session (the multiplexer hazard in lib/db/client.ts).
    const boss = await getBoss();
    const jobs = await Promise.all(queued.map((q) => boss.getJobById(INGEST_QUEUE, q.jobId, { includeArchive: true })));
    expect(jobs.map((j) => j?.retryCount)).toEqual([0, 0]);
    // PGlite has no autovacuum: the refresher vacuums and analyzes what ingest wrote (lib/db/maintenance.ts).
    await settleStatsRefresh();
    const [stats] = await db().$queryRaw<{ vacuumed: number; analyzed: number; rows: number }[]>`
      SELECT vacuum_count::int AS vacuumed, analyze_count::int AS analyzed, n_live_tup::int AS rows FROM pg_stat_user_tables WHERE relname = 'presences'`;
    expect(stats).toMatchObject({ vacuumed: 1, analyzed: 1 });
    expect(stats!.rows).toBeGreaterThan(400);
  }, 120_000);
});
