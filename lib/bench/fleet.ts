import { fleetFiles, generateFleet } from '@/lib/demo';

/** One host's Autoruns export for one day, as a collector would upload it. */
export interface BenchFile {
  host: string;
  day: number;
  collectedAt: Date;
  bytes: Buffer;
}

/** Generate an autoruns-only fleet (all Windows, UTF-16 CSV) in memory, day-major. */
export function* benchFiles(o: { hosts: number; days: number; seed?: number; churn?: number }): Generator<BenchFile> {
  const fleet = generateFleet({ hosts: o.hosts, days: o.days, seed: o.seed ?? 1, formats: ['autoruns'], churn: o.churn ?? 0.005 });
  for (const f of fleetFiles(fleet)) {
    if (!f.host) continue;
    yield { host: f.host, day: f.dayIndex, collectedAt: new Date(f.collectedAt), bytes: f.bytes };
  }
}

/**
 * The same export with `pairs` more byte pairs (default one): trailing UTF-16 CRLFs. The parser yields the same
 * records, but the content hash differs from the stream's last snapshot (whose export had fewer), so the ingest
 * cannot take the duplicate shortcut and must compare against open intervals.
 */
export function withTrailingNewlines(bytes: Buffer, pairs = 1): Buffer {
  return Buffer.concat([bytes, Buffer.from('\r\n'.repeat(pairs), 'utf16le')]);
}

export function totalBytes(files: BenchFile[]): number {
  return files.reduce((n, f) => n + f.bytes.length, 0);
}
