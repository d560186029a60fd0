import { refreshDirtyEntryStats } from '@/lib/analytics/entry-stats';
import { db } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
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
 * Ingest each host's export as its own upload through the real path (ingestBytes: upload row, detection, parse,
 * normalize, store in one transaction per host), one after the other, as a single collector stream would. The
 * prevalence refresh is coalesced into one pass at the end, as the queue workers do, and is part of the time.
 */
export async function timeIngest(files: BenchFile[], o: { shiftDays?: number; mutate?: (b: Buffer) => Buffer } = {}): Promise<Timed> {
  let records = 0;
  let snapshots = 0;
  let duplicates = 0;
  const inputs = files.map((f) => ({ ...f, bytes: o.mutate ? o.mutate(f.bytes) : f.bytes }));
  const t0 = performance.now();
  for (const f of inputs) {
    const r = await ingestBytes(f.bytes, `${f.host}-autorunsc.csv`, {
      host: f.host,
      collectedAt: new Date(f.collectedAt.getTime() + (o.shiftDays ?? 0) * DAY_MS),
      uploadedBy: 'bench',
      deferStats: true,
    });
    for (const s of r.snapshots) {
      snapshots++;
      records += s.entries;
      if (s.isDuplicate) duplicates++;
    }
  }
  await refreshDirtyEntryStats(db());
  return { ms: performance.now() - t0, records, bytes: totalBytes(inputs), snapshots, duplicates };
}

/**
 * Parse and normalize alone (no database), best of `runs` to keep the floor honest on a shared machine. One
 * untimed run first: with `--quick`'s 8 MB the first pass is mostly JIT warm-up, which a worker that has parsed
 * one upload has already paid. `cpuMs` is the process CPU time per timed run (all threads, so GC included).
 */
export function timeParse(files: BenchFile[], runs = 2): Timed & { cpuMs: number } {
  let best = Infinity;
  let records = parseAndNormalize(files);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    records = parseAndNormalize(files);
    best = Math.min(best, performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: best, records, bytes: totalBytes(files), snapshots: 0, duplicates: 0, cpuMs: (cpu.user + cpu.system) / 1000 / runs };
}
