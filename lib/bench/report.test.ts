import { describe, expect, it } from 'vitest';
import type { CopyFloor } from '@/lib/data/bench-floor';
import type { Timed } from './ingest-phases';
import { formatReport, medianRun, type BenchResults } from './report';

const timed = (ms: number): Timed => ({ ms, records: 250_000, bytes: 313e6, snapshots: 1000, duplicates: 0 });
const floor = (ms: number): CopyFloor => ({ rows: 269_000, bytes: 1e8, ms, perTable: [{ table: 'presences', rows: 250_000, ms: ms / 2 }] });

describe('medianRun', () => {
  it('takes the run with the middle ratio, whatever the order run', () => {
    const runs = [{ r: 3.4 }, { r: 2.1 }, { r: 2.8 }];
    expect(medianRun(runs, (x) => x.r)).toEqual({ median: runs[2], ratios: [3.4, 2.1, 2.8] });
  });

  it('takes the lower middle run of an even count, and the only run of one', () => {
    expect(medianRun([{ r: 4 }, { r: 1 }, { r: 3 }, { r: 2 }], (x) => x.r).median).toEqual({ r: 2 });
    expect(medianRun([{ r: 9 }], (x) => x.r)).toEqual({ median: { r: 9 }, ratios: [9] });
  });

  it('refuses no runs', () => {
    expect(() => medianRun([], () => 1)).toThrow('no runs');
  });
});

describe('formatReport', () => {
  // Re-snapshots as [ingest, parse] ms.
  const results = (firsts: [number, number][], resnapshots: [number, number][]): BenchResults => ({
    hosts: 1000,
    parse: { ...timed(3000), cpuMs: 3000 },
    firsts: firsts.map(([ingest, copy]) => ({ ingest: timed(ingest), copy: floor(copy) })),
    dedup: timed(2400),
    resnapshots: resnapshots.map(([ingest, parse]) => ({ ingest: timed(ingest), parse: timed(parse) })),
    archive: null,
  });
  const line = (report: string, phase: string) => report.split('\n').find((l) => l.startsWith(`| ${phase}`))!;

  it('judges (a) and the one-byte (b) by their median runs and shows every run', () => {
    // (a) ratios 3.5x, 2.5x, 2.9x: the median run is the third (8.7 s against 3.0 s).
    // One-byte ratios 1.30x, 1.10x, 1.17x against the parse timed before each: the median run is the third.
    const report = formatReport(results([[7000, 2000], [7500, 3000], [8700, 3000]], [[3900, 3000], [3300, 3000], [3500, 3000]]), 'npx tasklens bench');
    expect(line(report, '(a)')).toContain('| 8.7 s |');
    expect(line(report, '(a)')).toContain('2.90x COPY (269000 rows in 3.0 s, median of 3 runs: 3.50x, 2.50x, 2.90x)');
    expect(line(report, '(a)')).toContain('≤ 3x COPY: met');
    expect(line(report, '(b) unchanged re-snapshot, one byte')).toContain('| 3.5 s |');
    expect(line(report, '(b) unchanged re-snapshot, one byte')).toContain('1.17x parse (3.0 s, median of 3 runs: 1.30x, 1.10x, 1.17x)');
    expect(line(report, '(b) unchanged re-snapshot, one byte')).toContain('≤ 1.2x parse: met');
    expect(report).toContain('COPY floor per table (rows, ms), of the median run: presences 250000 / 1500');
  });

  it('misses when the median run misses, even if one run meets', () => {
    // 3.01x: shown with two decimals, so that a miss never reads as "3.0x".
    const report = formatReport(results([[6000, 3000], [9030, 3000], [9600, 3000]], [[3000, 3000], [3700, 3000], [3800, 3000]]), 'npx tasklens bench');
    expect(line(report, '(a)')).toContain('3.01x COPY');
    expect(line(report, '(a)')).toContain('≤ 3x COPY: **missed**');
    expect(line(report, '(b) unchanged re-snapshot, one byte')).toContain('≤ 1.2x parse: **missed**');
  });

  it('compares each one-byte re-snapshot with the parse timed just before it, not the first parse', () => {
    // Against the first parse (3.0 s) all three would be 1.10x; against their own they are 1.65x, 1.57x, 1.10x.
    const report = formatReport(results([[6000, 3000]], [[3300, 2000], [3300, 2100], [3300, 3000]]), 'npx tasklens bench');
    expect(line(report, '(b) unchanged re-snapshot, one byte')).toContain('1.57x parse (2.1 s, median of 3 runs: 1.65x, 1.57x, 1.10x)');
    expect(line(report, '(b) unchanged re-snapshot, one byte')).toContain('≤ 1.2x parse: **missed**');
  });

  it('shows a single run without a median', () => {
    const report = formatReport(results([[6000, 2000]], [[3000, 3000]]), 'npx tasklens bench');
    expect(line(report, '(a)')).toContain('3.00x COPY (269000 rows in 2.0 s) | ≤ 3x COPY: met');
  });
});
