import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atParser } from './at';
import { cronParser } from './cron';
import { decodeBytes } from './decode';
import { launchdParser, sniffBytes } from './launchd';
import { systemdParser } from './systemd';
import type { FormatId } from './types';
import { readSample, samplePath } from '@/lib/testing/samples';

function walk(dir: string): string[] {
  return readdirSync(samplePath(dir)).flatMap((f) =>
    statSync(samplePath(`${dir}/${f}`)).isDirectory() ? walk(`${dir}/${f}`) : [`${dir}/${f}`],
  );
}

/** Which of the Unix parsers should claim each real sample; everything else (Windows, logs, docs) expects none. */
function expected(rel: string): FormatId | null {
  if (rel.startsWith('cron/')) return rel.includes('cron.hourly_0anacron') ? null : 'cron';
  if (rel.startsWith('at/')) return 'at';
  if (rel.startsWith('systemd/')) return /list-timers|units\//.test(rel) ? 'systemd' : null;
  if (rel.startsWith('launchd/')) return rel.includes('NOT_launchd') ? null : 'launchd';
  return null;
}

describe('content sniffing across every real sample', () => {
  const files = walk('.').filter((f) => !f.endsWith('SOURCES.md')).map((f) => f.replace(/^\.\//, ''));

  it('covers the whole corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s', (rel) => {
    const bytes = readSample(rel);
    const text = decodeBytes(bytes).text;
    const scores: Record<string, number> = {
      cron: cronParser.sniff(text, {}),
      at: atParser.sniff(text, {}),
      systemd: systemdParser.sniff(text, {}),
      launchd: sniffBytes(bytes),
    };
    const want = expected(rel);
    for (const [format, score] of Object.entries(scores)) {
      if (format === want) expect(score, format).toBeGreaterThanOrEqual(0.85);
      else expect(score, format).toBeLessThanOrEqual(0.1);
    }
    if (want !== 'launchd' && !text.startsWith('bplist00')) expect(launchdParser.sniff(text, {})).toBe(0);
  });
});
