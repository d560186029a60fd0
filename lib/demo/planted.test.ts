import { describe, expect, it } from 'vitest';
import type { JobRecord } from '@/lib/ingest/types';
import { build, fileOf, parse } from './demo-test-helpers';
import type { FleetFile } from './files';
import type { PlantedItem } from './planted';
import { APPRAISER_TASK, DEFENDER_SCAN_TASK } from './windows-stock-extra';

const { fleet, files } = build();

const parsed = new Map<string, JobRecord[]>();
function hostRecords(host: string, day: number): JobRecord[] {
  const key = `${host}|${day}`;
  if (!parsed.has(key)) parsed.set(key, records(host, day));
  return parsed.get(key)!;
}
function records(host: string, day: number): JobRecord[] {
  return files.filter((f: FleetFile) => f.host === host && f.dayIndex === day && f.format !== 'labels').flatMap((f) => parse(f).records);
}

/** The planted variant, not just the name: a hijack keeps a stock name, so presence means "with the bad command". */
function isPlanted(p: PlantedItem, r: JobRecord): boolean {
  if (r.name !== p.entryName) return false;
  switch (p.group) {
    case 'uo-hijack':
      return r.command.includes('-w hidden -enc ');
    case 'defender-scan-disabled':
      return r.enabled === false;
    case 'cron-curl-sh':
      return r.command.includes('| sh');
    case 'cron-reboot-revshell':
      return r.schedule === '@reboot' && r.command.includes('/dev/tcp/');
    case 'systemd-user-timer':
      return true;
    case 'launchd-tmp-agent':
      return r.command.startsWith('/tmp/');
    default:
      return true;
  }
}

describe('demo fleet: planted outliers (ground truth)', () => {
  it('places every scenario the fleet can host, on a day after the first', () => {
    expect(new Set(fleet.planted.map((p) => p.group)).size).toBe(11);
    for (const p of fleet.planted) {
      expect(p.dayIndex).toBeGreaterThan(0);
      expect(fleet.days[p.dayIndex]).toBe(p.day);
      expect(fleet.hosts.some((h) => h.name === p.host)).toBe(true);
    }
  });

  it('shows each planted item on its host from its day on, and not the day before', () => {
    for (const p of fleet.planted) {
      expect(hostRecords(p.host, p.dayIndex).some((r) => isPlanted(p, r)), `${p.id} on ${p.day}`).toBe(true);
      expect(hostRecords(p.host, p.dayIndex - 1).some((r) => isPlanted(p, r)), `${p.id} before ${p.day}`).toBe(false);
      for (let d = p.dayIndex + 1; d < fleet.days.length; d++) expect(hostRecords(p.host, d).some((r) => isPlanted(p, r))).toBe(true);
    }
  });

  it('keeps planted entries off every other host (except the burst, which shares one task)', () => {
    const last = fleet.days.length - 1;
    for (const p of fleet.planted.filter((x) => x.group !== 'lateral-burst' && x.source === 'autoruns')) {
      const others = fleet.hosts.filter((h) => h.os === 'windows' && h.name !== p.host);
      for (const h of others) expect(hostRecords(h.name, last).some((r) => isPlanted(p, r)), `${p.id} on ${h.name}`).toBe(false);
    }
    const burst = fleet.planted.filter((x) => x.group === 'lateral-burst');
    expect(new Set(burst.map((b) => b.day)).size).toBe(1);
    expect(burst.length).toBeGreaterThanOrEqual(3);
  });

  it('writes the homoglyph task name with a Cyrillic letter', () => {
    const p = fleet.planted.find((x) => x.group === 'homoglyph-task')!;
    expect(/[\u0400-\u04ff]/.test(p.entryName)).toBe(true);
    expect(hostRecords(p.host, p.dayIndex).some((r) => r.name === p.entryName)).toBe(true);
  });
});

describe('demo fleet: patch Tuesday wave', () => {
  const windows = fleet.hosts.filter((h) => h.os === 'windows');
  const bytes = (host: string, d: number) => fileOf(files, host, d, 'autorunsc.csv')!.bytes;

  it('lands on the second Tuesday and changes most Windows hosts at once', () => {
    expect(fleet.patchDays).toEqual([1]);
    expect(fleet.days[1]).toBe('2026-11-10');
    const changed = windows.filter((h) => !bytes(h.name, 0).equals(bytes(h.name, 1)));
    expect(changed.length).toBeGreaterThanOrEqual(Math.ceil(windows.length * 0.7));
    const after = windows.filter((h) => !bytes(h.name, 1).equals(bytes(h.name, 2)));
    expect(after.length).toBeLessThan(changed.length);
  });

  it('changes the same Microsoft task commands and hashes on every patched host', () => {
    const patched = windows.filter((h) => fleet.patchInstallDay[h.index]![0] === 1);
    const commands = new Set<string>();
    for (const h of patched) {
      const before = parse(fileOf(files, h.name, 0, 'autorunsc.csv')!).records;
      const after = parse(fileOf(files, h.name, 1, 'autorunsc.csv')!).records;
      const cmd = (rs: JobRecord[], n: string) => rs.find((r) => r.name === n)?.command;
      expect(cmd(after, DEFENDER_SCAN_TASK)).not.toBe(cmd(before, DEFENDER_SCAN_TASK));
      expect(cmd(after, APPRAISER_TASK)).toContain('appraiser.dll,DoScheduledTelemetryRun');
      expect(after.some((r) => r.name.endsWith('\\PowerGridForecastTask'))).toBe(true);
      commands.add(cmd(after, DEFENDER_SCAN_TASK)!);
      const hashChanged = after.filter((r) => r.family === 'windows_task' && before.find((b) => b.name === r.name)?.sha256 !== r.sha256);
      expect(hashChanged.length).toBeGreaterThan(20);
    }
    expect(commands.size).toBe(1);
  });
});
