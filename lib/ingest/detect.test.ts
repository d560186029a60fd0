import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '@/lib/testing/samples';
import { detectParser } from './detect';
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
