import type { IngestUploadResult } from '@/lib/ingest/ingest-upload';
import { createUpload, processUpload, uploadName } from '@/lib/ingest/run-upload';
import { clearParseCaches, warmParseThreads } from '@/lib/ingest/parse-pool';
import { sha256Hex } from '@/lib/ingest/store-snapshot';
import { PUSH_BATCH_FILES } from '@/lib/push/push-to-server';
import { settleStatsRefresh, whileIngesting } from '@/lib/queue/stats-refresher';
import { workerConcurrency } from '@/lib/queue/workers';
import { totalBytes, type BenchFile } from './fleet';
import { parseAndNormalize } from './parse-only';

export interface Timed {
  ms: number;
  records: number;
  bytes: number;
  snapshots: number;
  duplicates: number;
}

const DAY_MS = 86_400_000;

/**
 * Ingest exports as one upload, the way `tasklens push --server` sends a batch of them: upload row, detection,
 * parse, normalize, hosts stored in batched transactions, upload row finished. One collection time for the upload
 * (the form's), the first export's.
 */
export async function ingestAsUpload(batch: BenchFile[], o: { shiftDays?: number } = {}): Promise<IngestUploadResult> {
  // Each part hashed as the API hashes it while spooling; the upload's hash is the hash of the parts' hashes.
  const parts = batch.map((f) => ({ fileName: `${f.host}-autorunsc.csv`, bytes: f.bytes, sha256: sha256Hex(f.bytes) }));
  const sha256 = sha256Hex(new TextEncoder().encode(parts.map((p) => p.sha256).join('\n')));
  const uploadId = await createUpload({ fileName: uploadName(parts.map((p) => p.fileName)), sha256, size: totalBytes(batch), files: parts.length, uploadedBy: 'bench' });
  return processUpload(uploadId, parts, { collectedAt: new Date(batch[0]!.collectedAt.getTime() + (o.shiftDays ?? 0) * DAY_MS), deferStats: true });
}

/**
 * Ingest the fleet through the real path in uploads of PUSH_BATCH_FILES exports, taken `workerConcurrency()` at a
 * time (2 by default), as the server's queue workers take queued uploads: one upload is parsed while the other's
 * batch is written. Prevalence is refreshed as the server's refresher does it (lib/queue/stats-refresher.ts), and
 * the time runs until its last pass has ended.
 */
export async function timeIngest(
  files: BenchFile[],
  o: { shiftDays?: number; mutate?: (b: Buffer) => Buffer; coldCaches?: boolean } = {},
): Promise<Timed> {
  let records = 0;
  let snapshots = 0;
  let duplicates = 0;
  const inputs = files.map((f) => ({ ...f, bytes: o.mutate ? o.mutate(f.bytes) : f.bytes }));
  let next = 0;
  const worker = async () => {
    for (let i = next; i < inputs.length; i = next) {
      next += PUSH_BATCH_FILES;
      // As a queue worker runs a job (lib/queue/ingest-queue.ts), asking for a refresh when it ends.
      const r = await whileIngesting(() => ingestAsUpload(inputs.slice(i, i + PUSH_BATCH_FILES), o));
      for (const s of r.snapshots) {
        snapshots++;
        records += s.entries;
        if (s.isDuplicate) duplicates++;
      }
    }
  };
  await warmParseThreads(inputs.slice(0, 20).map((f) => ({ path: `${f.host}-autorunsc.csv`, bytes: f.bytes })));
  // A first snapshot of a fleet: no row of it keyed before, whatever warmed the threads' code.
  if (o.coldCaches) clearParseCaches();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, workerConcurrency()) }, worker));
  await settleStatsRefresh();
  return { ms: performance.now() - t0, records, bytes: totalBytes(inputs), snapshots, duplicates };
}

/**
 * Parse and normalize alone (no database), best of `runs` to keep the floor honest on a shared machine. One
 * untimed run first: with `--quick`'s 8 MB the first pass is mostly JIT warm-up, which a worker that has parsed
 * one upload has already paid. `cpuMs` is the least process CPU time of a timed run (all threads, so GC included):
 * a run in one of the machine's slow spells took half again as much CPU time as the other.
 */
export function timeParse(files: BenchFile[], runs = 2): Timed & { cpuMs: number } {
  let best = Infinity;
  let cpuMs = Infinity;
  let records = parseAndNormalize(files);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    records = parseAndNormalize(files);
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, performance.now() - t0);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
  }
  return { ms: best, records, bytes: totalBytes(files), snapshots: 0, duplicates: 0, cpuMs };
}
