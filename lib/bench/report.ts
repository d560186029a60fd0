import os from 'node:os';
import type { CopyFloor } from '@/lib/data/bench-floor';
import type { ArchiveRun } from './archive';
import type { Timed } from './ingest-phases';

/** One first snapshot on a fresh database, and the COPY floor of the rows it left. */
export interface FirstRun {
  ingest: Timed;
  copy: CopyFloor;
}

/** One one-byte re-snapshot, and the parse of the same bytes timed just before it. */
export interface Resnapshot {
  ingest: Timed;
  parse: Timed;
}

export interface BenchResults {
  hosts: number;
  parse: Timed & { cpuMs: number };
  /** In the order run; the report takes the median by ratio. */
  firsts: FirstRun[];
  dedup: Timed;
  /** One-byte re-snapshots, one day apart, in the order run; the report takes the median by ratio. */
  resnapshots: Resnapshot[];
  archive: (ArchiveRun & { bytes: number; size: number; members: number }) | null;
}

const mb = (b: number) => b / 1e6;
const perS = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/**
 * The run with the median of `ratio` (the lower middle one of an even count), and every run's ratio in the order
 * run. One run's ratio moved by ±30 % on these shared machines, where the floor and the ingest drift apart within
 * a minute; the median of paired runs is what a repeat of the bench would most likely show.
 */
export function medianRun<T>(runs: T[], ratio: (r: T) => number): { median: T; ratios: number[] } {
  if (runs.length === 0) throw new Error('no runs');
  const ratios = runs.map(ratio);
  const order = runs.map((_, i) => i).sort((a, b) => ratios[a]! - ratios[b]!);
  return { median: runs[order[(runs.length - 1) >> 1]!]!, ratios };
}

const spread = (ratios: number[]) =>
  ratios.length === 1 ? '' : `, median of ${ratios.length} runs: ${ratios.map((x) => `${x.toFixed(2)}x`).join(', ')}`;

function row(name: string, t: Timed, floor: string, target: string): string {
  return `| ${name} | ${mb(t.bytes).toFixed(0)} MB, ${t.records} records | ${secs(t.ms)} | ${perS(t.records, t.ms)} | ${(mb(t.bytes) / (t.ms / 1000)).toFixed(1)} | ${floor} | ${target} |`;
}

/** The results as the Markdown table docs/benchmarks.md keeps, with the machine and load it ran under. */
export function formatReport(r: BenchResults, command: string): string {
  const cpu = os.cpus();
  const first = medianRun(r.firsts, (f) => f.ingest.ms / f.copy.ms);
  const { ingest, copy } = first.median;
  const copyRatio = ingest.ms / copy.ms;
  const dedupRatio = r.dedup.ms / r.parse.ms;
  const re = medianRun(r.resnapshots, (x) => x.ingest.ms / x.parse.ms);
  const reRatio = re.median.ingest.ms / re.median.parse.ms;
  const parseMbS = mb(r.parse.bytes) / (r.parse.ms / 1000);
  const lines = [
    `- date ${new Date().toISOString()}, command \`${command}\``,
    `- machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    '',
    '| phase | input | time | records/s | MB/s | against the floor | target |',
    '|---|---|---|---|---|---|---|',
    row(`(a) first snapshot, ${r.hosts} hosts`, ingest, `${copyRatio.toFixed(2)}x COPY (${copy.rows} rows in ${secs(copy.ms)}${spread(first.ratios)})`, `≤ 3x COPY: ${verdict(copyRatio <= 3)}`),
    row('(b) unchanged re-snapshot, same bytes (dedup)', r.dedup, `${dedupRatio.toFixed(2)}x parse`, `≤ 1.2x parse: ${verdict(dedupRatio <= 1.2)}`),
    row('(b) unchanged re-snapshot, one byte differs, new time', re.median.ingest, `${reRatio.toFixed(2)}x parse (${secs(re.median.parse.ms)}${spread(re.ratios)})`, `≤ 1.2x parse: ${verdict(reRatio <= 1.2)}`),
    row('(c) parse + normalize, one thread', r.parse, `${(mb(r.parse.bytes) / (r.parse.cpuMs / 1000)).toFixed(1)} MB/s of CPU time`, `≥ 50 MB/s: ${verdict(parseMbS >= 50)}`),
  ];
  if (r.archive) {
    const a = r.archive;
    lines.push(
      `| (d) archive ingest, tar.gz ${mb(a.size).toFixed(0)} MB holding ${a.members} exports | ${mb(a.bytes).toFixed(0)} MB | ${secs(a.ms)} | ${perS(a.snapshots * 250, a.ms)} | ${(mb(a.bytes) / (a.ms / 1000)).toFixed(1)} | peak RSS ${a.peakRssMb.toFixed(0)} MB (sampled ${a.sampledPeakRssMb.toFixed(0)} MB) | ≤ 500 MB: ${verdict(a.peakRssMb <= 500)} |`,
    );
  }
  lines.push('', 'COPY floor per table (rows, ms), of the median run: ' + copy.perTable.map((t) => `${t.table} ${t.rows} / ${t.ms.toFixed(0)}`).join(', '));
  return lines.join('\n');
}
