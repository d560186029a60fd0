import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDemoArgs, writeDemoFleet } from './demo-generate';

describe('demo-generate command', () => {
  it('writes <day>/<host>/<file> folders and reports counts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tasklens-demo-'));
    try {
      const r = await writeDemoFleet(dir, { hosts: 8, days: 2, seed: 5 });
      expect(r.hosts).toBe(8);
      const days = (await readdir(dir)).sort();
      expect(days).toEqual(['2026-11-01', '2026-11-02']);
      const labels = JSON.parse(await readFile(join(dir, days[0]!, 'labels.json'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(labels)).toHaveLength(8);
      const ws = (await readdir(join(dir, days[0]!))).find((n) => n.startsWith('WS-'))!;
      const csv = await readFile(join(dir, days[0]!, ws, 'autorunsc.csv'));
      expect([csv[0], csv[1]]).toEqual([0xff, 0xfe]);
      expect(r.files).toBeGreaterThan(16);
      expect(r.bytes).toBeGreaterThan(csv.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('parses flags and rejects bad values', () => {
    expect(parseDemoArgs(['out', '--hosts', '50', '--formats', 'autoruns', '--start', '2026-12-01'])).toEqual({
      dir: 'out',
      options: { hosts: 50, formats: ['autoruns'], startDate: new Date(Date.UTC(2026, 11, 1)) },
    });
    expect(() => parseDemoArgs(['--hosts', 'x'])).toThrow(/--hosts/);
    expect(() => parseDemoArgs(['--formats', 'xml'])).toThrow(/unknown format/);
  });
});
