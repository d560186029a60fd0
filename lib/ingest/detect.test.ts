import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '@/lib/testing/samples';
import { decodeBytes, sniffHead } from './decode';
import { detectParser, PARSERS } from './detect';
import { sniffBytes as launchdSniffBytes } from './launchd';
import { parseMember } from './parse-member';
import { ParseError, type FormatId } from './types';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Expected format per sample folder; files that are notes, references or not exports are listed apart. */
const FOLDER_FORMAT: Record<string, FormatId> = { autoruns: 'autoruns', schtasks: 'schtasks', taskxml: 'taskxml', cron: 'cron', at: 'at', launchd: 'launchd', systemd: 'systemd' };
const NOT_AN_EXPORT = /\.evtx$|jc_generic_binary_plist_alltypes_NOT_launchd|list-unit|list-units/;
const OTHER_FORMAT: Record<string, FormatId> = { 'Michaelunkai_GetScheduledTask_Select_ExportCsv.csv': 'scheduledtask_csv' };

describe('format detection by content on every real sample', () => {
  // Markdown notes quote fragments of several formats; .in files are build templates, not units.
  const files = walk(SAMPLES_DIR).filter((f) => !/\.(md|in)$/.test(f));
  for (const file of files) {
    const rel = path.relative(SAMPLES_DIR, file);
    const expected = OTHER_FORMAT[path.basename(file)] ?? FOLDER_FORMAT[rel.split(path.sep)[0]];
    it(rel, () => {
      const bytes = new Uint8Array(readFileSync(file));
      // Sample names would give the answer away: detection must not look at them.
      const ctx = { fileName: 'upload.bin' };
      if (NOT_AN_EXPORT.test(rel)) {
        expect(() => {
          const p = detectParser(bytes, ctx);
          p.parse(bytes, ctx);
        }).toThrow(ParseError);
        return;
      }
      if (/units\//.test(rel) || /cron\.hourly/.test(rel)) {
        // Folder-shaped inputs are routed by their archive path (unit files, cron.{hourly,...} scripts).
        const member = parseMember(rel.replace('cronie_etc_cron.hourly_', 'etc/cron.hourly/'), bytes, null);
        expect(member.kind === 'unit' || member.result.format === 'cron').toBe(true);
        return;
      }
      expect(detectParser(bytes, ctx).format).toBe(expected);
    });
  }
});

describe('sniff ceilings (detection skips a parser whose maxConfidence cannot beat the best score)', () => {
  const fixtures = path.join(__dirname, 'fixtures');
  const headText = (bytes: Uint8Array) => decodeBytes(sniffHead(bytes, 64 * 1024)).text.slice(0, 64 * 1024);
  const files = [...walk(SAMPLES_DIR).filter((f) => !/\.(md|in)$/.test(f)), ...walk(fixtures).filter((f) => !f.endsWith('.json'))];
  const inputs = files.map((f) => ({ name: path.relative(path.dirname(SAMPLES_DIR), f), bytes: new Uint8Array(readFileSync(f)) }));
  // Each format's strongest signature, so that every ceiling is also reached, not only respected.
  for (const [name, text] of [
    ['at spool', '#!/bin/sh\n# atrun uid=0 gid=0\n# mail root 0\numask 22\necho hi\n'],
    ['Get-ScheduledTask CSV', '#TYPE Microsoft.Management.Infrastructure.CimInstance#Root/Microsoft/Windows/TaskScheduler/MSFT_ScheduledTask\n"TaskPath","TaskName","State"\n'],
  ]) {
    inputs.push({ name: name!, bytes: new TextEncoder().encode(text) });
  }

  it('no sniffer scores above its declared ceiling, and each ceiling is reached by some input', () => {
    for (const parser of PARSERS) {
      const scores = inputs.map((i) => ({ name: i.name, score: parser.sniff(headText(i.bytes), { fileName: 'upload.bin' }) }));
      const over = scores.filter((s) => s.score > (parser.maxConfidence ?? 1));
      expect(over, parser.format).toEqual([]);
      expect(Math.max(...scores.map((s) => s.score)), parser.format).toBe(parser.maxConfidence ?? 1);
    }
  });

  it('picks what sniffing every parser would pick', () => {
    let compared = 0;
    for (const input of inputs) {
      let picked: string;
      try {
        picked = detectParser(input.bytes, { fileName: 'upload.bin' }).format;
      } catch {
        continue; // binary or unrecognised: decided before or after the sniffers, the same either way
      }
      if (picked === 'launchd' && launchdSniffBytes(input.bytes) >= 0.9) continue; // binary plists skip the sniffers
      const scores = PARSERS.map((p) => p.sniff(headText(input.bytes), { fileName: 'upload.bin' }));
      expect(picked, input.name).toBe(PARSERS[scores.indexOf(Math.max(...scores))]!.format);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
