import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cronParser, parseCronScript, parseCronText, type CronParseResult } from './cron';
import { ParseError } from './types';
import { readSample } from '@/lib/testing/samples';

const enc = (s: string) => new TextEncoder().encode(s);
const parseSample = (rel: string, fileName: string | null = rel) =>
  cronParser.parse(readSample(`cron/${rel}`), { fileName }) as CronParseResult;
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', name)));

describe('cron samples: user crontabs (spool)', () => {
  it('canadasatellite root: user from spool path, trailing # kept, installed-on header', () => {
    const r = parseSample('host_canadasatellite_34.233.101.120/var/spool/cron/crontabs/root');
    expect(r.records).toHaveLength(3);
    expect(r.warnings).toEqual([]);
    expect(r.collectedAt).toBe('2021-01-25T13:39:59');
    expect(r.env).toEqual([{ name: 'MAILTO', value: '', line: 5 }]);
    expect(new Set(r.records.map((x) => x.runAs))).toEqual(new Set(['root']));
    expect(r.records[0]).toMatchObject({
      family: 'cron',
      kind: 'user_crontab',
      name: 'crontab:root',
      schedule: '10 0,10,15,20 * * *',
      command: '/opt/backup-all-mysql.sh 2>&1 >> /var/log/backups3.log #Backup all databases',
      line: 7,
      enabled: true,
    });
    expect(r.records[0].triggers).toEqual([
      { kind: 'cron', raw: '10 0,10,15,20 * * *', text: 'At 00:10, 10:10, 15:10 and 20:10' },
    ]);
    expect(r.records[1].command).toBe('/opt/magento_session_cleanup.sh');
    expect(r.os).toBe('linux');
  });

  it('canadasatellite www-data: 16 active jobs, commented-out ones skipped', () => {
    const r = parseSample('host_canadasatellite_34.233.101.120/var/spool/cron/crontabs/www-data');
    expect(r.records).toHaveLength(16);
    expect(r.records.every((x) => x.runAs === 'www-data' && x.name === 'crontab:www-data')).toBe(true);
    expect(r.records.filter((x) => x.schedule === '* * * * *')).toHaveLength(3);
    expect(r.records.at(-1)).toMatchObject({ line: 32, schedule: '13 6 * * *' });
    expect(r.collectedAt).toBe('2019-12-05T04:27:06');
  });

  it('JoeKun foo: @reboot macro becomes a reboot trigger', () => {
    const r = parseSample('host_JoeKun_debian/var/spool/cron/crontabs/foo');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ schedule: '@reboot', command: 'screen -d -m -S irc irssi', runAs: 'foo', line: 26 });
    expect(r.records[0].triggers).toEqual([{ kind: 'reboot', raw: '@reboot', text: 'At system startup' }]);
    expect(r.collectedAt).toBe('2013-04-18T23:51:51');
  });

  it('JoeKun root: without a path the user is unknown and the name generic', () => {
    const r = parseSample('host_JoeKun_debian/var/spool/cron/crontabs/root', null);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ name: 'crontab', runAs: null, kind: 'user_crontab', schedule: '0 4 * * *' });
  });

  it('devdaily example: 13 jobs incl. @monthly/@reboot/@yearly and 4/2 steps, 3 env lines', () => {
    const r = parseSample('jc_centos-7.7_user_crontab_devdaily_example', 'var/spool/cron/maverick');
    expect(r.records).toHaveLength(13);
    expect(r.env.map((e) => e.name)).toEqual(['SHELL', 'PATH', 'MAILTO']);
    expect(r.records.map((x) => x.schedule).filter((s) => s?.startsWith('@'))).toEqual(['@monthly', '@reboot', '@yearly']);
    const backups = r.records.find((x) => x.command.endsWith('create-all-backups.sh'));
    expect(backups?.schedule).toBe('30 4/2 * * *');
    expect(r.records.every((x) => x.runAs === 'maverick')).toBe(true);
    expect(r.records.find((x) => x.schedule === '@yearly')?.triggers?.[0].text).toBe(
      'At 00:00, on day 1 of the month, only in January',
    );
  });

  it('OpenWrt /etc/crontabs/root: busybox path keeps % literal', () => {
    const r = parseSample('openwrt_xiaomi_dump_fw_etc_crontabs_root', 'etc/crontabs/root');
    expect(r.records).toHaveLength(5);
    expect(r.records[1].command).toBe('/usr/sbin/startscene_crontab.lua `/bin/date "+%u %H:%M"`');
    expect(r.records[1].description).toBeNull();
    expect(r.records.every((x) => x.runAs === 'root')).toBe(true);
  });

  it('OpenWrt file without a path gets Vixie % semantics (command cut, rest is stdin)', () => {
    const r = parseSample('openwrt_xiaomi_dump_fw_etc_crontabs_root', null);
    expect(r.records[1].command).toBe('/usr/sbin/startscene_crontab.lua `/bin/date "+');
    expect(r.records[1].description).toBe('stdin: u \nH:\nM"`');
  });
});

describe('cron samples: system crontabs and cron.d', () => {
  it('/etc/crontab (Ubuntu): tab-aligned fields, user column, 4 jobs', () => {
    const r = parseSample('jc_ubuntu-18.04_etc_crontab', 'etc/crontab');
    expect(r.records).toHaveLength(4);
    expect(r.records.map((x) => x.schedule)).toEqual(['17 * * * *', '25 6 * * *', '47 6 * * 7', '52 6 1 * *']);
    expect(r.records[0]).toMatchObject({ kind: 'system_crontab', name: '/etc/crontab', runAs: 'root', command: 'cd / && run-parts --report /etc/cron.hourly' });
    expect(r.env).toHaveLength(2);
  });

  it('detects the user column by content when the path is unknown', () => {
    const r = parseSample('jc_ubuntu-18.04_etc_crontab', null);
    expect(r.records.map((x) => x.runAs)).toEqual(['root', 'root', 'root', 'root']);
    expect(r.records[0].name).toBe('/etc/crontab');
  });

  it('cron.d files: name from the path, or from the "# /etc/cron.d/x" header comment', () => {
    const withPath = parseSample('host_JoeKun_debian/etc/cron.d/zfs_backup');
    expect(withPath.records).toHaveLength(1);
    expect(withPath.records[0]).toMatchObject({ kind: 'cron_d', name: '/etc/cron.d/zfs_backup', runAs: 'root', schedule: '30 3 * * *' });
    expect(withPath.env).toEqual([{ name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin', line: 4 }]);
    const noPath = parseSample('host_JoeKun_debian/etc/cron.d/integrity_check', null);
    expect(noPath.records[0]).toMatchObject({ name: '/etc/cron.d/integrity_check', kind: 'cron_d', runAs: 'root' });
    expect(noPath.records[0].command).toMatch(/^bash -l -c "source ~root.*; integrity_check"$/);
  });

  it('e2scrub_all and cronie 0hourly/dailyjobs as /etc/cron.d files', () => {
    const e2 = parseSample('jc_debian10_cron.d_e2scrub_all', 'etc/cron.d/e2scrub_all');
    expect(e2.records.map((x) => [x.name, x.schedule, x.runAs])).toEqual([
      ['/etc/cron.d/e2scrub_all', '30 3 * * 0', 'root'],
      ['/etc/cron.d/e2scrub_all', '10 3 * * *', 'root'],
    ]);
    expect(e2.records[1].command).toBe('test -e /run/systemd/system || SERVICE_MODE=1 /sbin/e2scrub_all -A -r');
    const hourly = parseSample('cronie_etc_cron.d_0hourly', 'etc/cron.d/0hourly');
    expect(hourly.records).toHaveLength(1);
    expect(hourly.records[0]).toMatchObject({ schedule: '01 * * * *', command: 'run-parts /etc/cron.hourly', name: '/etc/cron.d/0hourly' });
    const daily = parseSample('cronie_etc_cron.d_dailyjobs', 'etc/cron.d/dailyjobs');
    expect(daily.records).toHaveLength(3);
    expect(daily.records[1].triggers?.[0].text).toBe('At 04:22, only on Sunday');
  });

  it('@hourly followed by a user field in a system crontab', () => {
    const r = parseSample('jc_centos-7.7_system_crontab_snippet', null);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({ schedule: '@hourly', runAs: 'root', command: '/usr/local/bin/backup' });
    expect(r.records[0].triggers?.[0]).toEqual({ kind: 'cron', raw: '@hourly', text: 'Every hour' });
  });
});

describe('anacrontab and cron script folders', () => {
  it('cronie anacrontab: 3 jobs, by path and by content', () => {
    for (const fileName of ['etc/anacrontab', null]) {
      const r = parseSample('cronie_etc_anacrontab', fileName);
      expect(r.records.map((x) => [x.name, x.schedule, x.command])).toEqual([
        ['anacrontab:cron.daily', '1', 'nice run-parts /etc/cron.daily'],
        ['anacrontab:cron.weekly', '7', 'nice run-parts /etc/cron.weekly'],
        ['anacrontab:cron.monthly', '@monthly', 'nice run-parts /etc/cron.monthly'],
      ]);
      expect(r.records[2].triggers).toEqual([{ kind: 'anacron', raw: '@monthly 45', text: 'Once a month, 45 min after anacron starts' }]);
      expect(r.records.every((x) => x.kind === 'anacron' && x.runAs === 'root')).toBe(true);
      expect(r.env.map((e) => e.name)).toEqual(['SHELL', 'PATH', 'MAILTO', 'RANDOM_DELAY', 'START_HOURS_RANGE']);
    }
  });

  it('cron.hourly/0anacron script: one root job described by its first comment', () => {
    const r = parseCronScript(readSample('cron/cronie_etc_cron.hourly_0anacron'), 'etc/cron.hourly/0anacron');
    expect(r.warnings).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      family: 'cron',
      kind: 'cron_script',
      name: '/etc/cron.hourly/0anacron',
      command: '/etc/cron.hourly/0anacron',
      schedule: 'hourly',
      runAs: 'root',
      description: 'Check whether 0anacron was run today already',
    });
  });

  it('scripts that run-parts ignores (dot or ~ in the name) give a warning, not a job', () => {
    for (const name of ['backup.sh', 'logrotate~', 'apt.dpkg-old']) {
      const r = parseCronScript(enc('#!/bin/sh\necho hi\n'), `/etc/cron.daily/${name}`);
      expect(r.records).toEqual([]);
      expect(r.warnings[0].message).toContain(`/etc/cron.daily/${name} is ignored by run-parts`);
    }
    expect(parseCronScript(enc('#!/bin/sh\n'), '/etc/cron.weekly/man-db').records[0].schedule).toBe('weekly');
  });

  it('a shell script fed to the crontab parser is rejected', () => {
    expect(() => parseSample('cronie_etc_cron.hourly_0anacron', null)).toThrow(ParseError);
  });
});

describe('cron grammar fixture', () => {
  const r = cronParser.parse(fixture('cron-mixed.crontab'), { fileName: '/var/spool/cron/crontabs/alice' }) as CronParseResult;

  it('keeps env lines (quotes stripped) apart from jobs', () => {
    expect(r.env).toEqual([
      { name: 'SHELL', value: '/bin/bash', line: 2 },
      { name: 'MAILTO', value: 'ops@example.com', line: 3 },
      { name: 'CRON_TZ', value: 'Europe/Paris', line: 4 },
    ]);
  });

  it('parses macros, %, \\% and names', () => {
    expect(r.records.map((x) => x.line)).toEqual([5, 6, 7, 8, 9, 14, 15]);
    expect(r.records[0].triggers?.[0].text).toBe('At 00:00');
    expect(r.records[1].triggers?.[0].text).toBe('At 00:00');
    expect(r.records[2].schedule).toBe('@annually');
    expect(r.records[3]).toMatchObject({ command: 'mail -s "standup" team', description: 'stdin: Time for standup\n-- cron' });
    expect(r.records[4]).toMatchObject({ command: 'date +%Y-%m-%d > /tmp/stamp', description: null });
    expect(r.records[5]).toMatchObject({
      schedule: '*/5 * * JAN,jul mon-fri',
      command: '/opt/job.sh # trailing text is part of the command',
    });
    expect(r.records[6]).toMatchObject({ schedule: '*/10 * * * *', command: '/usr/bin/quiet' });
    expect(r.records.every((x) => x.runAs === 'alice' && x.name === 'crontab:alice')).toBe(true);
  });

  it('reports malformed lines with their numbers and keeps going', () => {
    expect(r.warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [10, 'missing command'],
      [11, 'bad minute "61"'],
      [12, 'missing command'],
      [13, 'unknown macro @every5m'],
    ]);
  });
});

describe('cron edge cases and sniffing', () => {
  it('CRLF files parse but are flagged; missing final newline is flagged', () => {
    const r = parseCronText('0 1 * * * /bin/a\r\n0 2 * * * /bin/b', {});
    expect(r.records.map((x) => x.command)).toEqual(['/bin/a', '/bin/b']);
    expect(r.warnings.map((w) => w.line)).toEqual([null, 2]);
  });

  it('"no crontab for bob" yields no jobs and no error', () => {
    const r = parseCronText('no crontab for bob\n', {});
    expect(r.records).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('rejects JSON and CSV', () => {
    expect(() => parseCronText('{"name": "x", "calendarTime": "y"}\n', {})).toThrow(ParseError);
    expect(() => parseCronText('"HostName","TaskName","Next Run Time"\n"PC1","\\A","N/A"\n', {})).toThrow(/not a crontab/);
  });

  it('sniff: high for crontabs, ~0 for Windows CSV/XML, JSON and unit files', () => {
    const text = (rel: string) => new TextDecoder().decode(readSample(rel));
    expect(cronParser.sniff(text('cron/jc_ubuntu-18.04_etc_crontab'), {})).toBeGreaterThan(0.9);
    expect(cronParser.sniff(text('cron/cronie_etc_anacrontab'), {})).toBeGreaterThan(0.9);
    expect(cronParser.sniff('Time,Entry Location,Entry,Enabled,Category\n,HKLM\\Run,,,\n', {})).toBeLessThan(0.05);
    expect(cronParser.sniff('<?xml version="1.0"?><Task></Task>', {})).toBe(0);
    expect(cronParser.sniff('{"a":1}', {})).toBe(0);
    expect(cronParser.sniff(text('systemd/units/logrotate_logrotate.service'), {})).toBeLessThan(0.05);
    expect(cronParser.sniff(text('cron/cronie_etc_cron.hourly_0anacron'), {})).toBeLessThan(0.05);
  });
});
