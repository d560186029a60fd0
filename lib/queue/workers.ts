import { isEmbeddedDb } from '@/lib/db/env';
import { retryOrphanedJobs, startIngestWorkers } from './ingest-queue';

/** TASKLENS_WORKERS: ingest jobs a process runs at once (default 2; 0 leaves ingest to `tasklens worker`). */
export function workerConcurrency(override?: number): number {
  const n = override ?? Number(process.env.TASKLENS_WORKERS ?? 2);
  return Number.isInteger(n) && n >= 0 ? n : 2;
}

/** Start this process's workers; a failure is logged rather than stopping the web server from serving pages. */
export async function startWorkersFromEnv(where: 'server' | 'worker', override?: number): Promise<number> {
  const concurrency = workerConcurrency(override);
  if (concurrency === 0) return 0;
  try {
    if (where === 'server' && isEmbeddedDb()) {
      const orphans = await retryOrphanedJobs();
      if (orphans) console.log(`ingest queue: ${orphans} upload(s) interrupted by the last stop queued again`);
    }
    await startIngestWorkers(concurrency);
    console.log(`ingest queue: ${concurrency} worker(s) in this ${where} process`);
  } catch (err) {
    if (where === 'worker') throw err;
    console.error('ingest queue: workers not started:', err);
  }
  return concurrency;
}
