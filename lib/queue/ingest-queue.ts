import { existsSync } from 'node:fs';
import type PgBoss from 'pg-boss';
import { db, withIngestConnections } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { ArchiveError } from '@/lib/ingest/archive';
import { boundHeapGrowth } from '@/lib/ingest/heap-growth';
import type { IngestUploadResult } from '@/lib/ingest/ingest-upload';
import { processUpload, type UploadOptions } from '@/lib/ingest/run-upload';
import { removeSpooled } from '@/lib/ingest/spool';
import { ParseError, type FormatId } from '@/lib/ingest/types';
import { getBoss, INGEST_QUEUE } from './boss';
import { statsRefreshed, whileIngesting } from './stats-refresher';

/** What a queued upload carries: everything processUpload needs, as JSON. */
export interface IngestJob {
  uploadId: number;
  /** The upload's spooled files (TASKLENS_SPOOL_DIR), in the order sent; deleted once ingested or refused. */
  /** `sha256`: the file's hash, taken while spooling it (absent from jobs queued before it was kept). */
  files: { fileName: string; path: string; sha256?: string }[];
  host: string | null;
  collectedAt: string | null;
  labels: Record<string, string>;
  format: FormatId | null;
}

/** Stored by pg-boss as the job's output: the ingest result, or why the file was refused (not retried). */
export type IngestJobOutput =
  | { ok: true; result: IngestUploadResult }
  /** A job run again after its upload was finished (the process stopped before pg-boss recorded the completion). */
  | { ok: true; result: null }
  | { ok: false; message: string; line: number | null };

/** Queue a spooled upload; from here it survives a crash of this process. Returns the job id. */
export async function enqueueUpload(job: IngestJob): Promise<string> {
  const id = await (await getBoss()).send(INGEST_QUEUE, job);
  if (!id) throw new Error('the ingest queue refused the job');
  return id;
}

function optionsOf(job: QueuedJob): UploadOptions {
  return { host: job.host, collectedAt: job.collectedAt ? new Date(job.collectedAt) : null, labels: job.labels, format: job.format, deferStats: true };
}

/** Jobs queued before uploads could hold several files carried one `fileName` and `path`. */
type QueuedJob = IngestJob | (Omit<IngestJob, 'files'> & { fileName: string; path: string });

function filesOf(data: QueuedJob): IngestJob['files'] {
  return 'files' in data ? data.files : [{ fileName: data.fileName, path: data.path }];
}

async function removeAll(files: IngestJob['files']) {
  await Promise.all(files.map((f) => removeSpooled(f.path)));
}

async function waitForDatabase(maxMs = 30 * 60_000): Promise<void> {
  const end = Date.now() + maxMs;
  while (Date.now() < end) {
    try {
      await db().$queryRaw`SELECT 1`;
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

async function runJob(job: PgBoss.JobWithMetadata<QueuedJob>): Promise<IngestJobOutput> {
  const data = job.data;
  const files = filesOf(data);
  if (!files.every((f) => existsSync(f.path))) {
    // Only a finished run deletes the files. If the process stopped between that run's last write and pg-boss
    // recording the job as completed, the job comes back here: the upload is done and must stay so.
    const upload = await db().upload.findUnique({ where: { id: data.uploadId }, select: { status: true, finishedAt: true } });
    if (upload?.finishedAt && upload.status !== 'failed') return { ok: true, result: null };
    await db().upload.update({ where: { id: data.uploadId }, data: { status: 'failed', message: 'the spooled upload is gone', finishedAt: new Date() } });
    return { ok: false, message: 'the spooled upload is gone', line: null };
  }
  try {
    const result = await processUpload(data.uploadId, files, optionsOf(data));
    await removeAll(files);
    return { ok: true, result };
  } catch (err) {
    // A file that cannot be read will not read better on a retry: refuse it once, and keep the reason.
    if (err instanceof ParseError || err instanceof ArchiveError) {
      await removeAll(files);
      return { ok: false, message: err.message, line: err instanceof ParseError ? (err.line ?? null) : null };
    }
    console.error(`ingest queue: upload ${data.uploadId} (attempt ${job.retryCount + 1}) failed:`, err);
    // pg-boss records the failure (and so the retry) in the database: with the database gone it could not, and the
    // job would sit active until it expires, hours later. Wait for the database first.
    if (isDatabaseUnavailable(err)) await waitForDatabase();
    if (job.retryCount < job.retryLimit) {
      await db().upload.update({ where: { id: data.uploadId }, data: { status: 'received', message: `retry ${job.retryCount + 1} of ${job.retryLimit} after an internal error` } });
    }
    throw err;
  }
}

/**
 * Start `concurrency` ingest workers in this process (the Next server, or `tasklens worker`). Each takes one job
 * at a time; pg-boss hands a job to one worker across all processes (SKIP LOCKED).
 */
export async function startIngestWorkers(concurrency: number): Promise<void> {
  boundHeapGrowth();
  const boss = await getBoss();
  for (let i = 0; i < concurrency; i++) {
    let workerId = '';
    workerId = await boss.work<QueuedJob>(INGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
      try {
        return await whileIngesting(() => withIngestConnections(() => runJob(job!)));
      } finally {
        // There was a job, so there may be more: fetch again at once. pg-boss otherwise waits out the polling
        // interval after every job, capping a worker at one upload a second (20 queued crontabs took 10 s).
        boss.notifyWorker(workerId);
      }
    });
  }
}

/**
 * On the embedded database the server's own workers are the only ones (one process owns the folder), so a job
 * still active when the server starts was left by a crash or kill: hand it back to the queue now (a retry, after
 * the retry delay) instead of when it expires hours later. Returns how many were handed back.
 */
export async function retryOrphanedJobs(): Promise<number> {
  const boss = await getBoss();
  const rows = await db().$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = ${INGEST_QUEUE} AND state = 'active'`;
  for (const { id } of rows) await boss.fail(INGEST_QUEUE, id, { message: 'the server stopped during ingest; retried at restart' });
  return rows.length;
}

/** Wait for an upload's job to finish (POST /api/v1/uploads?wait=true); null when it failed for good. */
export async function waitForJob(jobId: string, pollMs = 250): Promise<IngestJobOutput | null> {
  const boss = await getBoss();
  for (;;) {
    const job = await boss.getJobById<IngestJob>(INGEST_QUEUE, jobId, { includeArchive: true });
    if (job?.state === 'completed') {
      // Read-your-writes for API callers: a prevalence refresh that began after the job completed has finished.
      await statsRefreshed();
      return job.output as IngestJobOutput;
    }
    if (!job || job.state === 'failed' || job.state === 'cancelled') return null;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
