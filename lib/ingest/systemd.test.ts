import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSystemdUnits, systemdParser } from './systemd';
import { listTimerDuration } from './systemd-list-timers';
import { describeCalendar, parseUnitText } from './systemd-units';
import { ParseError } from './types';
import { readSample, samplePath } from '@/lib/testing/samples';

const enc = (s: string) => new TextEncoder().encode(s);
const timers = (f: string) => systemdParser.parse(readSample(`systemd/${f}`), {});
/** Sample unit files carry a `<project>_` prefix; the installed unit name is what follows it. */
const unitSamples = () =>
  readdirSync(samplePath('systemd/units')).map((f) => ({ name: f.replace(/^[^_]+_/, ''), bytes: readSample(`systemd/units/${f}`) }));

describe('systemctl list-timers samples', () => {
  it('2026 new format without header: 7 rows, week-long LEFT, footer mismatch flagged', () => {
    const r = timers('list-timers_2026_new-format_week-left.txt');
    expect(r.records).toHaveLength(7);
    expect(r.records.map((x) => x.name)).toContain('zfs-scrub.timer');
    expect(r.records[5]).toMatchObject({
      family: 'systemd_timer',
      kind: 'list_timers',
      name: 'zfs-snapshot-monthly.timer',
      command: 'zfs-snapshot-monthly.service',
      nextRunAt: '2026-05-01T00:00:00',
      lastRunAt: '2026-04-01T10:07:51',
      line: 6,
    });
    expect(r.warnings).toEqual([{ line: null, message: 'footer says 11 timers listed, 7 rows found (excerpt?)' }]);
    expect(r.collectedAt).toBe('2026-04-20T15:12:22');
    expect(r.os).toBe('linux');
  });

  it('fr locale 2016: no UNIT/ACTIVATES columns, unit from the command line, localized weekday', () => {
    const r = timers('list-timers_fr-locale_2016_no-ACTIVATES.txt');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      name: 'apt-daily.timer',
      command: 'apt-daily.service',
      nextRunAt: '2016-11-26T14:02:49',
      lastRunAt: '2016-11-25T21:06:54',
      line: 3,
    });
    expect(r.warnings.map((w) => w.message)).toEqual([
      'no UNIT column: taken from the command line (apt-daily.timer)',
      'no ACTIVATES column: assumed apt-daily.service',
    ]);
    expect(r.collectedAt).toBe('2016-11-26T11:32:49');
  });

  it('raspi 2020: 6 timers incl. an n/a row (never fires again) and 46ms ago', () => {
    const r = timers('list-timers_raspi_2020_system.txt');
    expect(r.warnings).toEqual([]);
    expect(r.records.map((x) => x.name)).toEqual([
      'logrotate.timer',
      'man-db.timer',
      'apt-daily-upgrade.timer',
      'apt-daily.timer',
      'systemd-tmpfiles-clean.timer',
      'raspi-timelapse.timer',
    ]);
    expect(r.records[5]).toMatchObject({ command: 'raspi-timelapse.service', nextRunAt: null, enabled: false, lastRunAt: '2020-08-31T21:26:53' });
    expect(r.records[3]).toMatchObject({ nextRunAt: '2020-09-01T17:25:47', enabled: null });
    expect(r.collectedAt).toBe('2020-08-31T21:26:53');
  });

  it('user timers 2022: ellipsized ACTIVATES is recovered from the unit name; UTC keeps its offset', () => {
    const r = timers('list-timers_user_2022_ellipsis.txt');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ name: 'renouvcertif.timer', command: 'renouvcertif.service', nextRunAt: '2022-05-07T11:31:41Z' });
    expect(r.warnings).toEqual([{ line: 2, message: 'ACTIVATES looks truncated: "renouvcert>", assumed renouvcertif.service' }]);
    expect(r.collectedAt).toBe('2022-05-06T11:31:49Z');
  });

  it('fixture: Turkish-cased header, truncated unit, "-" values, numeric zone', () => {
    const bytes = new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'list-timers-tr-truncated.txt')));
    const r = systemdParser.parse(bytes, {});
    expect(r.records.map((x) => [x.name, x.command, x.nextRunAt, x.lastRunAt])).toEqual([
      ['logrotate.timer', 'logrotate.service', '2025-01-16T00:00:00+03:00', '2025-01-15T00:00:04+03:00'],
      ['systemd-tmpfiles-clean.t', 'systemd-tmpfiles-clea>', '2025-01-16T10:12:40+03:00', null],
      ['backup-now.timer', 'backup-now.service', null, '2025-01-15T18:57:58+03:00'],
    ]);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [3, 'unit name looks truncated: "systemd-tmpfiles-clean.t"'],
      [3, 'ACTIVATES looks truncated: "systemd-tmpfiles-clea>"'],
    ]);
    expect(r.collectedAt).toBe('2025-01-15T18:58:00+03:00');
  });

  it('humanized durations', () => {
    expect(listTimerDuration('1 week 3 days')).toBe(10 * 86_400_000);
    expect(listTimerDuration('2h 33min left')).toBe((2 * 60 + 33) * 60_000);
    expect(listTimerDuration('46ms ago')).toBe(46);
    expect(listTimerDuration('n/a')).toBeNull();
  });
});

describe('systemd unit files', () => {
  it('joins the 4 sample timers to their services', () => {
    const r = parseSystemdUnits(unitSamples());
    expect(r.records.map((x) => [x.name, x.command, x.runAs, x.schedule])).toEqual([
      ['apt-daily.timer', '/usr/lib/apt/apt.systemd.daily update', 'root', 'OnCalendar=*-*-* 6:00,18:00'],
      ['logrotate.timer', '/usr/sbin/logrotate /etc/logrotate.conf', 'root', 'OnCalendar=daily'],
      ['systemd-tmpfiles-clean.timer', '@rootbindir@/systemd-tmpfiles --clean', 'root', 'OnBootSec=15min; OnUnitActiveSec=1d'],
      ['fstrim.timer', '', 'root', 'OnCalendar=weekly'],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'systemd-tmpfiles-clean.service: ExecStart has a build placeholder (@rootbindir@): source template, not an installed unit',
      'fstrim.timer: activated unit fstrim.service not among the files, command unknown',
    ]);
    const apt = r.records[0];
    expect(apt).toMatchObject({ family: 'systemd_timer', kind: 'timer', imagePath: '/usr/lib/apt/apt.systemd.daily', arguments: 'update', description: 'Daily apt activities', line: 5 });
    expect(apt.triggers).toEqual([{ kind: 'calendar', raw: 'OnCalendar=*-*-* 6:00,18:00', text: 'Every day at 6:00, 18:00' }]);
    expect(Object.keys(apt.raw as Record<string, string>)).toEqual(['apt-daily.timer', 'apt-daily.service']);
    expect(r.records[2].triggers).toEqual([
      { kind: 'boot', raw: 'OnBootSec=15min', text: '15min after boot' },
      { kind: 'interval', raw: 'OnUnitActiveSec=1d', text: 'Every 1d after the unit last started' },
    ]);
    expect(r.records[3].triggers?.[0].text).toBe('Every Monday at 00:00');
  });

  it('lone files through the Parser: a timer gets an empty command, a service yields itself', () => {
    const timer = systemdParser.parse(readSample('systemd/units/logrotate_logrotate.timer'), { fileName: '/lib/systemd/system/logrotate.timer' });
    expect(timer.records).toHaveLength(1);
    expect(timer.records[0]).toMatchObject({ name: 'logrotate.timer', command: '', schedule: 'OnCalendar=daily' });
    expect(timer.warnings[0].message).toBe('logrotate.timer: activated unit logrotate.service not among the files, command unknown');
    const svc = systemdParser.parse(readSample('systemd/units/debian-apt_apt-daily.service'), { fileName: 'apt-daily.service' });
    expect(svc.records[0]).toMatchObject({ kind: 'service', name: 'apt-daily.service', command: '/usr/lib/apt/apt.systemd.daily update', triggers: [] });
  });

  it('Unit=, User=, ExecStart prefixes, empty reset, continuation lines, template instances, user units', () => {
    const r = parseSystemdUnits([
      { name: 'report.timer', bytes: enc('[Timer]\nOnCalendar=hourly\nOnCalendar=\nOnCalendar=Mon..Fri 09:00 Europe/Berlin\nUnit=job.service\n') },
      { name: 'job.service', bytes: enc('[Service]\nUser=svc\nExecStart=-/usr/bin/report \\\n  --all\nExecStart=+/usr/bin/notify\n') },
      { name: 'snap@daily.timer', bytes: enc('[Timer]\nOnUnitInactiveSec=6h\n') },
      { name: 'snap@.service', bytes: enc('[Service]\nExecStart=/usr/bin/snap %i\n') },
      { name: '/home/ann/.config/systemd/user/sync.timer', bytes: enc('[Timer]\nOnStartupSec=5m\n') },
      { name: '/home/ann/.config/systemd/user/sync.service', bytes: enc('[Service]\nExecStart=/usr/bin/rsync -a a b\n') },
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.records.map((x) => [x.name, x.command, x.runAs, x.schedule])).toEqual([
      ['report.timer', '/usr/bin/report --all ; /usr/bin/notify', 'svc', 'OnCalendar=Mon..Fri 09:00 Europe/Berlin'],
      ['snap@daily.timer', '/usr/bin/snap %i', 'root', 'OnUnitInactiveSec=6h'],
      ['sync.timer', '/usr/bin/rsync -a a b', null, 'OnStartupSec=5m'],
    ]);
    expect(r.records[0].triggers?.[0].text).toBe('On Mon-Fri at 09:00 Europe/Berlin');
  });

  it('INI details and calendar text', () => {
    const entries = parseUnitText('# c\n; c\n[Timer]\nOnCalendar = daily\n');
    expect(entries).toEqual([{ section: 'Timer', key: 'OnCalendar', value: 'daily', line: 4 }]);
    expect(describeCalendar('*-*-01 04:00:00')).toBe('On *-*-01 at 04:00:00');
    expect(describeCalendar('Sat *-*-1..7 18:00:00')).toBe('Calendar: Sat *-*-1..7 18:00:00');
  });
});

describe('systemd sniff and rejection', () => {
  it('sniffs unit files and list-timers, not other formats', () => {
    const text = (rel: string) => new TextDecoder().decode(readSample(rel));
    expect(systemdParser.sniff(text('systemd/units/util-linux_fstrim.timer'), {})).toBeGreaterThan(0.9);
    expect(systemdParser.sniff(text('systemd/list-timers_raspi_2020_system.txt'), {})).toBeGreaterThan(0.9);
    expect(systemdParser.sniff(text('systemd/list-timers_2026_new-format_week-left.txt'), {})).toBeGreaterThan(0.8);
    expect(systemdParser.sniff(text('cron/jc_ubuntu-18.04_etc_crontab'), {})).toBe(0);
    expect(systemdParser.sniff('{"hostIdentifier":"x"}', {})).toBe(0);
    expect(systemdParser.sniff('"HostName","TaskName"\n"a","b"\n', {})).toBe(0);
    expect(systemdParser.sniff('<?xml version="1.0"?><Task/>', {})).toBe(0);
    // The list-timers header in any case, a whole word: ı and İ after PASSED continue the word (as I would).
    expect(systemdParser.sniff('next  left  last  passed  unit  activates\n', {})).toBe(0.95);
    expect(systemdParser.sniff('NEXT LEFT LAST PASSEDı UNIT\n', {})).toBe(0);
    expect(systemdParser.sniff('NEXT LEFT LAST PASSEDİ\n', {})).toBe(0);
    expect(systemdParser.sniff('NEXT LEFT LAST PASSED\u00e9 UNIT\n', {})).toBe(0.95);
  });

  it('throws on text that is neither', () => {
    expect(() => systemdParser.parse(enc('hello world\n'), {})).toThrow(ParseError);
  });
});
