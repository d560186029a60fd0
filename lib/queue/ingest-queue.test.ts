import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchFiles } from '@/lib/bench/fleet';
import { db } from '@/lib/db/client';
import { queueBytes } from '@/lib/testing/queue-upload';
import { getBoss, INGEST_QUEUE, stopBoss } from './boss';
import { enqueueUpload, startIngestWorkers, waitForJob } from './ingest-queue';
import { settleStatsRefresh } from './stats-refresher';

describe('ingest queue (pg-boss on PostgreSQL)', () => {
  beforeAll(async () => {
    process.env.TASKLENS_SPOOL_DIR = mkdtempSync(path.join(tmpdir(), 'tasklens-spool-'));
    await startIngestWorkers(2);
  });
  afterAll(async () => {
    await stopBoss();
    await settleStatsRefresh();
  });

  it('ingests an acknowledged upload, refreshes prevalence and deletes the spooled file', async () => {
    const [f] = [...benchFiles({ hosts: 1, days: 1, seed: 11 })];
    const q = await queueBytes(f!.bytes, 'QUEUE-A-autorunsc.csv', { host: 'QUEUE-A', collectedAt: f!.collectedAt });
    const out = await waitForJob(q.jobId);
    expect(out?.ok).toBe(true);
    const result = out?.ok ? out.result : null;
    expect(result).not.toBeNull();
    expect(result!.snapshots).toHaveLength(1);
    expect(result!.snapshots[0]!.entries).toBeGreaterThan(200);
    const upload = await db().upload.findUniqueOrThrow({ where: { id: q.uploadId } });
    expect(upload.status).toBe('done');
    expect(existsSync(q.path)).toBe(false);
    const [{ dirty, stats }] = await db().$queryRaw<{ dirty: number; stats: number }[]>`
      SELECT (SELECT count(*)::int FROM entry_stats_dirty) AS dirty,
             (SELECT count(*)::int FROM entry_stats st JOIN presences p ON p.entry_id = st.entry_id
               JOIN hosts h ON h.id = p.host_id WHERE h.key = 'queue-a' AND st.hosts_now >= 1) AS stats`;
    expect(dirty).toBe(0);
    expect(stats).toBe(result!.snapshots[0]!.entries);

    // The process stopped after the run's last write but before pg-boss recorded the job as completed: the job
    // comes back with its spooled file gone. The upload is finished and must stay so.
    const rerun = await enqueueUpload({ uploadId: q.uploadId, files: [{ fileName: 'QUEUE-A-autorunsc.csv', path: q.path }], host: null, collectedAt: null, labels: {}, format: null });
    expect(await waitForJob(rerun)).toEqual({ ok: true, result: null });
    expect((await db().upload.findUniqueOrThrow({ where: { id: q.uploadId } })).status).toBe('done');
  });

  it('refuses an unreadable file once, without retrying it', async () => {
    const q = await queueBytes(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 9]), 'garbage.bin', { host: 'QUEUE-B' });
    const out = await waitForJob(q.jobId);
    expect(out).toMatchObject({ ok: false });
    const job = await (await getBoss()).getJobById(INGEST_QUEUE, q.jobId, { includeArchive: true });
    expect(job?.retryCount).toBe(0);
    expect((await db().upload.findUniqueOrThrow({ where: { id: q.uploadId } })).status).toBe('failed');
    expect(existsSync(q.path)).toBe(false);
  });

  it('runs queued uploads of different hosts side by side and loses none', async () => {
    const files = [...benchFiles({ hosts: 4, days: 1, seed: 12 })];
    const queued = await Promise.all(files.map((f) => queueBytes(f.bytes, `${f.host}-autorunsc.csv`, { host: `Q4-${f.host}`, collectedAt: f.collectedAt })));
    const outs = await Promise.all(queued.map((q) => waitForJob(q.jobId)));
    expect(outs.every((o) => o?.ok)).toBe(true);
    const snapshots = await db().snapshot.count({ where: { uploadId: { in: queued.map((q) => q.uploadId) } } });
    expect(snapshots).toBe(4);
  });
});
