/**
 * False-positive guard on real exports: stock Windows tasks and distro crontabs must stay quiet at high
 * severity, while the planted items in the same files must be caught.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autorunsParser } from '@/lib/ingest/autoruns';
import { cronParser } from '@/lib/ingest/cron';
import { taskXmlParser } from '@/lib/ingest/taskxml';
import type { JobRecord, Parser } from '@/lib/ingest/types';
import { readSample, samplePath } from '@/lib/testing/samples';
import { evaluateHeuristics, heuristicById, toHeuristicInput } from './index';

const parse = (parser: Parser, rel: string): JobRecord[] => parser.parse(readSample(rel), { fileName: rel }).records;
const hitsOf = (rec: JobRecord) => evaluateHeuristics(toHeuristicInput(rec));
const highHits = (rec: JobRecord) => hitsOf(rec).filter((h) => (heuristicById(h.id)?.severity ?? 0) >= 4);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('stock Microsoft entries (autoruns export3)', () => {
  const recs = parse(autorunsParser, 'autoruns/limgreg_autorun_export3_t.csv');

  it('parses a realistic number of entries', () => expect(recs.length).toBeGreaterThan(200));

  it('has almost no severity >= 4 hits on \\Microsoft\\ tasks', () => {
    const ms = recs.filter((r) => /^\\microsoft\\/i.test(r.name));
    expect(ms.length).toBeGreaterThan(50);
    const noisy = ms.filter((r) => highHits(r).length > 0);
    expect(noisy.length / ms.length, noisy.map((r) => `${r.name}: ${JSON.stringify(highHits(r))}`).join('\n')).toBeLessThan(0.02);
  });

  it('keeps the whole export under 3% high-severity entries', () => {
    const noisy = recs.filter((r) => highHits(r).length > 0);
    expect(noisy.length / recs.length).toBeLessThan(0.03);
  });
});

describe('planted c:\\malware\\evil.exe (autorunslab2)', () => {
  const recs = parse(autorunsParser, 'autoruns/limgreg_autorunslab2_banner.csv');
  const evil = recs.filter((r) => /c:\\malware\\evil\.exe/i.test(`${r.command} ${r.imagePath ?? ''}`));

  it('every evil.exe entry has a high-severity hit', () => {
    expect(evil.length).toBeGreaterThanOrEqual(3);
    for (const r of evil) expect(highHits(r).map((h) => h.id), r.name).toContain('TL-MASQ-MS-METADATA');
  });

  it('explains why with the evidence', () => {
    const detail = highHits(evil[0]).find((h) => h.id === 'TL-MASQ-MS-METADATA')?.detail;
    expect(detail).toMatch(/evil\.exe claims "Microsoft Corporation" but runs from c:\\malware\\evil\.exe/);
  });

  it('stock entries in the same file stay mostly quiet', () => {
    const rest = recs.filter((r) => !evil.includes(r));
    expect(rest.filter((r) => highHits(r).length > 0).length / rest.length).toBeLessThan(0.03);
  });
});

describe('DFIR Artifact Museum task folder (APTSimulator VM)', () => {
  const dir = samplePath('taskxml/DFIRArtifactMuseum_ScheduledTasks');
  const recs = walk(dir)
    .filter((p) => !p.endsWith('.md'))
    .flatMap((p) => parse(taskXmlParser, path.relative(samplePath(''), p)));

  it('flags the \\GameOver mimikatz task', () => {
    const game = recs.find((r) => r.name === '\\GameOver');
    expect(game).toBeDefined();
    const ids = hitsOf(game!).map((h) => h.id);
    expect(ids).toContain('TL-CMD-HACKTOOL');
    expect(ids).toContain('TL-PATH-USERWRITABLE-WIN');
    expect(ids).toContain('TL-SCHED-FREQUENT');
  });

  it('raises no high-severity hit on any other task', () => {
    const noisy = recs.filter((r) => r.name !== '\\GameOver' && highHits(r).length > 0);
    expect(noisy.map((r) => r.name)).toEqual([]);
    expect(recs.length).toBeGreaterThan(150);
  });
});

describe('distro crontabs', () => {
  const files = readdirSync(samplePath('cron')).flatMap((n) => {
    const p = samplePath(`cron/${n}`);
    return statSync(p).isDirectory() ? walk(p).map((f) => path.relative(samplePath(''), f)) : [`cron/${n}`];
  });
  const recs = files.flatMap((rel) => {
    try {
      return parse(cronParser, rel);
    } catch {
      return []; // run-parts scripts and other non-crontab files in the sample folders
    }
  });

  it('parses the samples and raises no high-severity hit', () => {
    expect(recs.length).toBeGreaterThan(10);
    expect(recs.filter((r) => highHits(r).length > 0).map((r) => `${r.name}: ${r.command}`)).toEqual([]);
  });
});
