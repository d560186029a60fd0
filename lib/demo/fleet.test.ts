import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { build, SMALL } from './demo-test-helpers';
import { DEMO_DEFAULTS, PLANTED, PLANTED_DEFS, generateFleet, hostLabels } from './index';

function digest(files: { path: string; bytes: Buffer }[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(f.path).update(f.bytes);
  return h.digest('hex');
}

describe('demo fleet: determinism and shape', () => {
  const { fleet, files } = build();

  it('produces the same bytes for the same seed and different bytes for another seed', () => {
    expect(digest(build().files)).toBe(digest(files));
    expect(digest(build({ ...SMALL, seed: 8 }).files)).not.toBe(digest(files));
  });

  it('lays files out as <day>/<host>/<file> with a labels.json per day covering every host', () => {
    for (const f of files) {
      expect(f.path.startsWith(`${f.day}/`)).toBe(true);
      if (f.host) expect(f.path.startsWith(`${f.day}/${f.host}/`)).toBe(true);
    }
    const labelFiles = files.filter((f) => f.format === 'labels');
    expect(labelFiles.map((f) => f.day)).toEqual(fleet.days);
    const labels = JSON.parse(labelFiles[0]!.bytes.toString('utf8')) as Record<string, { role: string; site: string }>;
    expect(Object.keys(labels).sort()).toEqual(fleet.hosts.map((h) => h.name).sort());
    for (const h of fleet.hosts) {
      expect(labels[h.name]).toEqual(hostLabels(fleet, h.name));
      expect(['workstation', 'server', 'dc', 'web', 'db', 'build']).toContain(labels[h.name]!.role);
    }
  });

  it('mixes Windows, Linux and macOS hosts, and every host reports every day', () => {
    const os = new Set(fleet.hosts.map((h) => h.os));
    expect([...os].sort()).toEqual(['linux', 'macos', 'windows']);
    expect(fleet.hosts.filter((h) => h.os === 'windows').length).toBeGreaterThan(fleet.hosts.length / 2);
    for (let d = 0; d < fleet.days.length; d++) {
      const reporting = new Set(files.filter((f) => f.dayIndex === d && f.host).map((f) => f.host));
      expect(reporting.size).toBe(fleet.hosts.length);
    }
  });

  it('marks unchanged files, and they are byte-identical to the previous day', () => {
    const prev = new Map(files.map((f) => [`${f.dayIndex}|${f.path.slice(11)}`, f.bytes]));
    const unchanged = files.filter((f) => f.unchanged && f.host);
    expect(unchanged.length).toBeGreaterThan(0);
    for (const f of unchanged) expect(prev.get(`${f.dayIndex - 1}|${f.path.slice(11)}`)?.equals(f.bytes)).toBe(true);
  });

  it('emits autoruns only, for an all-Windows fleet, when asked (the benchmark fleet)', () => {
    const only = build({ hosts: 12, days: 2, seed: 3, formats: ['autoruns'] });
    expect(only.fleet.hosts.every((h) => h.os === 'windows')).toBe(true);
    expect(new Set(only.files.map((f) => f.format))).toEqual(new Set(['labels', 'autoruns']));
  });

  it('applies daily churn to vendor packages at the requested rate', () => {
    const churny = generateFleet({ hosts: 400, days: 5, seed: 2, churn: 0.05 });
    const perDay = churny.events.slice(1).map((e) => e.length);
    for (const n of perDay) expect(n).toBeGreaterThanOrEqual(19);
    for (const n of perDay) expect(n).toBeLessThanOrEqual(21);
    expect(churny.events[0]).toEqual([]);
  });

  it('exports ground truth for the default demo fleet covering every planted scenario', () => {
    const fleetDefault = generateFleet(DEMO_DEFAULTS);
    expect(PLANTED).toEqual(fleetDefault.planted);
    expect(new Set(PLANTED.map((p) => p.group))).toEqual(new Set(PLANTED_DEFS.map((d) => d.group)));
    expect(PLANTED.filter((p) => p.group === 'lateral-burst').length).toBe(15);
    expect(new Set(PLANTED.map((p) => p.id)).size).toBe(PLANTED.length);
  });
});
