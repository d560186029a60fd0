import { describe, expect, it } from 'vitest';
import { parseSystemdUnits } from '@/lib/ingest/systemd';
import { build, parse } from './demo-test-helpers';
import { fleetFiles } from './files';
import { generateFleet } from './fleet';

describe('demo fleet: every file parses with the real parsers', () => {
  const { fleet, files } = build();

  it('parses every generated file with zero warnings (user unit files parsed alone warn about their pair)', () => {
    for (const f of files) {
      if (f.format === 'labels') continue;
      const r = parse(f);
      expect(r.records.length, f.path).toBeGreaterThan(0);
      const expected = f.path.includes('/.config/systemd/user/') ? /not among the files|service without a timer/ : null;
      for (const w of r.warnings) expect(expected && expected.test(w.message), `${f.path}: ${w.message}`).toBe(true);
    }
  });

  it('writes Autoruns CSV as UTF-16LE with BOM, CRLF, the -s -h header and 17-field group rows', () => {
    const f = files.find((x) => x.format === 'autoruns')!;
    expect([f.bytes[0], f.bytes[1]]).toEqual([0xff, 0xfe]);
    const text = f.bytes.subarray(2).toString('utf16le');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String,MD5,SHA-1,PESHA-1,PESHA-256,SHA-256,IMP');
    expect(lines).toContain(',Task Scheduler,,,"Tasks",System-wide,,,,,,,,,,,');
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
    const r = parse(f);
    expect(r.records.some((x) => x.command.startsWith('HKCR\\CLSID\\{') && x.imagePath?.endsWith('.dll'))).toBe(true);
    expect(r.records.every((x) => !x.sha256 || /^[0-9A-F]{64}$/.test(x.sha256))).toBe(true);
  });

  it('sizes Windows hosts at about entriesPerHost Autoruns rows', () => {
    for (const f of files.filter((x) => x.format === 'autoruns')) {
      const n = parse(f).records.length;
      expect(n).toBeGreaterThan(225);
      expect(n).toBeLessThan(275);
    }
    const small = generateFleet({ hosts: 6, days: 1, seed: 1, entriesPerHost: 120, formats: ['autoruns'] });
    for (const f of fleetFiles(small)) {
      if (f.format !== 'autoruns') continue;
      const n = parse(f).records.length;
      expect(n).toBeGreaterThan(105);
      expect(n).toBeLessThan(135);
    }
  });

  it('pairs the planted user timer with its service when both unit files are parsed together', () => {
    const units = files.filter((f) => f.path.includes('/.config/systemd/user/') && f.dayIndex === fleet.days.length - 1);
    expect(units).toHaveLength(2);
    const r = parseSystemdUnits(units.map((u) => ({ name: u.path, bytes: u.bytes })));
    expect(r.warnings).toEqual([]);
    expect(r.records[0]!.command).toContain('/home/deploy/.cache/.dbus/dbus-update.sh');
  });

  it('gives Linux hosts distro cron, spool crontabs with their user, and list-timers with the stock timers', () => {
    const web = fleet.hosts.find((h) => h.role === 'web')!;
    const mine = files.filter((f) => f.host === web.name && f.dayIndex === 0);
    const timers = parse(mine.find((f) => f.path.endsWith('list-timers.txt'))!).records.map((r) => r.name);
    expect(timers).toEqual(expect.arrayContaining(['apt-daily.timer', 'logrotate.timer', 'fstrim.timer', 'man-db.timer', 'systemd-tmpfiles-clean.timer']));
    const etc = parse(mine.find((f) => f.path.endsWith('etc/crontab'))!);
    expect(etc.records.every((r) => r.runAs === 'root')).toBe(true);
    const spool = mine.filter((f) => f.path.includes('/var/spool/cron/crontabs/'));
    for (const s of spool) expect(parse(s).records.every((r) => r.runAs === s.path.split('/').pop())).toBe(true);
  });
});
