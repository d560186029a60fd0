import os from 'node:os';
import type { CopyFloor } from '@/lib/data/bench-floor';
import type { ArchiveRun } from './archive';
import type { Timed } from './ingest-phases';

export interface BenchResults {
  hosts: number;
  parse: Timed & { cpuMs: number };
  first: Timed;
  copy: CopyFloor;
  dedup: Timed;
  resnapshot: Timed;
  archive: (ArchiveRun & { bytes: number; size: number; members: number }) | null;
}

const mb = (b: number) => b / 1e6;
const perS = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function row(name: string, t: Timed, floor: string, target: string): string {
  return `| ${name} | ${mb(t.bytes).toFixed(0)} MB, ${t.records} records | ${secs(t.ms)} | ${perS(t.records, t.ms)} | ${(mb(t.bytes) / (t.ms / 1000)).toFixed(1)} | ${floor} | ${target} |`;
}

/** The results as the Markdown table docs/benchmarks.md keeps, with the machine and load it ran under. */
export function formatReport(r: BenchResults, command: string): string {
  const cpu = os.cpus();
  const copyRatio = r.first.ms / r.copy.ms;
  const dedupRatio = r.dedup.ms / r.parse.ms;
  const reRatio = r.resnapshot.ms / r.parse.ms;
  const parseMbS = mb(r.parse.bytes) / (r.parse.ms / 1000);
  const lines = [
    `- date ${new Date().toISOString()}, command \`${command}\``,
    `- machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    '',
    '| phase | input | time | records/s | MB/s | against the floor | target |',
    '|---|---|---|---|---|---|---|',
    row(`(a) first snapshot, ${r.hosts} hosts`, r.first, `${copyRatio.toFixed(1)}x COPY (${r.copy.rows} rows in ${secs(r.copy.ms)})`, `≤ 3x COPY: ${verdict(copyRatio <= 3)}`),
    row('(b) unchanged re-snapshot, same bytes (dedup)', r.dedup, `${dedupRatio.toFixed(2)}x parse`, `≤ 1.2x parse: ${verdict(dedupRatio <= 1.2)}`),
    row('(b) unchanged re-snapshot, one byte differs, new time', r.resnapshot, `${reRatio.toFixed(2)}x parse`, `≤ 1.2x parse: ${verdict(reRatio <= 1.2)}`),
    row('(c) parse + normalize, one thread', r.parse, `${(mb(r.parse.bytes) / (r.parse.cpuMs / 1000)).toFixed(1)} MB/s of CPU time`, `≥ 50 MB/s: ${verdict(parseMbS >= 50)}`),
  ];
  if (r.archive) {
    const a = r.archive;
    lines.push(
      `| (d) archive ingest, tar.gz ${mb(a.size).toFixed(0)} MB holding ${a.members} exports | ${mb(a.bytes).toFixed(0)} MB | ${secs(a.ms)} | ${perS(a.snapshots * 250, a.ms)} | ${(mb(a.bytes) / (a.ms / 1000)).toFixed(1)} | peak RSS ${a.peakRssMb.toFixed(0)} MB (sampled ${a.sampledPeakRssMb.toFixed(0)} MB) | ≤ 500 MB: ${verdict(a.peakRssMb <= 500)} |`,
    );
  }
  lines.push('', 'COPY floor per table (rows, ms): ' + r.copy.perTable.map((t) => `${t.table} ${t.rows} / ${t.ms.toFixed(0)}`).join(', '));
  return lines.join('\n');
}
