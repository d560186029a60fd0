import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSample } from '@/lib/testing/samples';
import { decodeBytes } from './decode';
import { osqueryParser } from './osquery';
import { detectTable, epochToIso } from './osquery-tables';
import { ParseError } from './types';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'osquery', name)));
const bytes = (s: string) => new TextEncoder().encode(s);
const sniff = (s: string) => osqueryParser.sniff(s, {});

describe('osquery result log (JSON lines)', () => {
  const result = osqueryParser.parse(fixture('result-log.jsonl'), { fileName: 'osqueryd.results.log' });
  const byName = (n: string) => result.records.find((r) => r.name === n);

  it('maps snapshot scheduled_tasks rows', () => {
    const sync = byName('\\Microsoft\\Windows\\Time Synchronization\\SynchronizeTime');
    expect(sync).toMatchObject({
      family: 'windows_task',
      command: '%windir%\\system32\\sc.exe start w32time task_started',
      enabled: true,
      hidden: null, // equal to enabled: osquery copies enabled into hidden
      lastRunAt: '2024-05-15T00:00:00.000Z',
      nextRunAt: '2024-05-22T00:00:00.000Z',
      host: 'WIN-SQL01',
      line: 1,
    });
    const upd = byName('\\GoogleUpdaterX');
    expect(upd).toMatchObject({ enabled: false, hidden: true, lastRunAt: null, nextRunAt: null });
    expect(upd?.command).toBe('C:\\ProgramData C:\\ProgramData\\upd\\updater.exe /silent,C:\\Windows\\System32\\cmd.exe /c del C:\\ProgramData\\upd\\log.txt');
    expect(byName('\\Microsoft\\Windows\\Chkdsk\\ProactiveScan')).toMatchObject({ command: '', hidden: false });
  });

  it('maps crontab rows with the cron parser naming and skips removed rows', () => {
    const cron = result.records.filter((r) => r.family === 'cron');
    expect(cron.map((r) => r.name)).toEqual(['/etc/crontab', '/etc/cron.d/e2scrub_all', 'crontab:deploy']);
    expect(cron[0]).toMatchObject({
      kind: 'system_crontab',
      runAs: 'root',
      command: 'cd / && run-parts --report /etc/cron.hourly',
      schedule: '17 * * * *',
      host: 'web-01',
      line: 3,
    });
    expect(cron[0].triggers).toEqual([{ kind: 'cron', raw: '17 * * * *', text: 'At 17 minutes past the hour' }]);
    expect(cron[1]).toMatchObject({ kind: 'cron_d', runAs: 'root', schedule: '@reboot', triggers: [{ kind: 'reboot', raw: '@reboot', text: 'At system startup' }] });
    expect(cron[2]).toMatchObject({
      kind: 'user_crontab',
      runAs: 'deploy',
      schedule: '*/15 2 * * 1-5',
      command: '/home/deploy/bin/sync.sh >> /tmp/sync.log 2>&1 #nightly',
    });
    expect(result.records.some((r) => r.command.includes('198.51.100.7'))).toBe(false);
  });

  it('keeps only .timer units from systemd_units', () => {
    const timers = result.records.filter((r) => r.family === 'systemd_timer');
    expect(timers.map((r) => [r.name, r.enabled])).toEqual([
      ['apt-daily-upgrade.timer', true],
      ['fstrim.timer', false],
    ]);
    expect(timers[0].description).toBe('Daily apt upgrade and clean activities');
  });

  it('reads batch diffResults (added only) including numeric values', () => {
    const clam = byName('com.selvansoft.clamav-scan');
    expect(clam).toMatchObject({
      family: 'launchd',
      kind: 'launch_daemon',
      command: '/usr/local/bin/clamav-scan.sh --quiet',
      imagePath: '/usr/local/bin/clamav-scan.sh',
      runAs: 'root',
      enabled: true,
      schedule: 'StartInterval=3600',
      host: 'mbp-jdoe',
    });
    expect(clam?.triggers).toEqual([{ kind: 'interval', raw: 'StartInterval=3600', text: 'Every 3600 seconds' }]);
    expect(byName('com.old.job')).toBeUndefined();
  });

  it('counts, warnings, hosts and collection time', () => {
    expect(result.format).toBe('osquery');
    expect(result.records).toHaveLength(9);
    expect(result.host).toBeNull(); // three hosts in one file
    expect(result.os).toBeNull();
    expect(result.collectedAt).toBe('2024-05-15T09:00:00.000Z');
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatchObject({ line: 9 });
    expect(result.warnings[0].message).toMatch(/Invalid JSON/);
    expect(result.warnings[1].message).toBe('Skipped rows from queries that are not job tables: pack_linux_os_version (1)');
  });
});

describe('osqueryi --json and fleetctl', () => {
  it('parses an osqueryi array without envelope', () => {
    const r = osqueryParser.parse(fixture('osqueryi-scheduled-tasks.json'), {});
    expect(r.records.map((x) => x.name)).toEqual(['\\GameOver', '\\falshupdate22']);
    expect(r.records[0]).toMatchObject({ lastRunAt: '2021-05-27T06:15:00.000Z', host: null, line: 1 });
    // 1999-11-30 is Task Scheduler's "never ran" date.
    expect(r.records[1]).toMatchObject({ lastRunAt: null, command: 'powershell.exe -WindowStyle Hidden -nop -c ""' });
    expect(r).toMatchObject({ host: null, collectedAt: null, os: 'windows', warnings: [] });
  });

  it('parses fleetctl query output with the host key', () => {
    const r = osqueryParser.parse(fixture('fleetctl-launchd.jsonl'), {});
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({
      name: 'com.apple.mDNSResponder',
      command: '/usr/sbin/mDNSResponder',
      runAs: '_mdnsresponder',
      kind: 'launch_daemon',
      triggers: [{ kind: 'boot', raw: 'RunAtLoad' }],
      host: 'mbp-jdoe',
    });
    expect(r.records[1]).toMatchObject({ kind: 'launch_agent', enabled: false, runAs: null, triggers: [{ kind: 'logon' }] });
    expect(r.host).toBe('mbp-jdoe');
    expect(r.os).toBe('macos');
    expect(r.warnings).toEqual([{ line: 2, message: 'Fleet reported an error for host mac-build-02: no such table: launchd_x' }]);
  });

  it('uses host_hostname when an array row carries it', () => {
    const rows = [{ id: 'logrotate.timer', load_state: 'loaded', active_state: 'active', unit_file_state: 'static', host_hostname: 'db-7' }];
    const r = osqueryParser.parse(bytes(JSON.stringify(rows)), {});
    expect(r.records[0]).toMatchObject({ name: 'logrotate.timer', family: 'systemd_timer', enabled: null, host: 'db-7' });
  });

  it('accepts UTF-16LE with BOM (PowerShell redirect)', () => {
    const text = '\uFEFF' + readFileSync(path.join(__dirname, 'fixtures', 'osquery', 'osqueryi-scheduled-tasks.json'), 'utf8');
    const r = osqueryParser.parse(new Uint8Array(Buffer.from(text, 'utf16le')), {});
    expect(r.records).toHaveLength(2);
  });
});

describe('failures', () => {
  it('throws when no line is usable', () => {
    expect(() => osqueryParser.parse(bytes('not json\nstill not\n'), {})).toThrow(ParseError);
    expect(() => osqueryParser.parse(bytes(''), {})).toThrow(/No usable osquery results/);
  });

  it('throws with a reason for status-only and unsupported-only logs', () => {
    const status = '{"severity":1,"filename":"x.cpp","line":3,"message":"hi","hostIdentifier":"h"}\n';
    expect(() => osqueryParser.parse(bytes(status), {})).toThrow(/only osquery status log lines/);
    const other = '{"name":"pack_x_users","hostIdentifier":"h","columns":{"uid":"0","username":"root"},"action":"added"}\n';
    expect(() => osqueryParser.parse(bytes(other), {})).toThrow(/no scheduled_tasks, crontab/);
  });

  it('a removed-only differential log is valid and yields no records', () => {
    const removed = '{"name":"pack_linux_crontab","hostIdentifier":"h","unixTime":1,"columns":{"minute":"1","hour":"*","day_of_month":"*","month":"*","day_of_week":"*","command":"x","path":"/etc/crontab"},"action":"removed"}\n';
    const r = osqueryParser.parse(bytes(removed), {});
    expect(r.records).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});

describe('table detection and epochs', () => {
  it('detects by query name, then by columns', () => {
    expect(detectTable('pack_x_scheduled_tasks', [])).toBe('scheduled_tasks');
    expect(detectTable('pack_mac_launchd_overrides', ['label', 'key', 'value'])).toBeNull();
    expect(detectTable(null, ['label', 'program', 'run_at_load'])).toBe('launchd');
    expect(detectTable('adhoc', ['event', 'minute', 'hour', 'day_of_month', 'month', 'day_of_week', 'command', 'path'])).toBe('crontab');
  });

  it('treats never-run epochs as null', () => {
    expect(epochToIso('0')).toBeNull();
    expect(epochToIso('-2209161600')).toBeNull();
    expect(epochToIso('943920000')).toBeNull();
    expect(epochToIso('N/A')).toBeNull();
    expect(epochToIso('1715731200')).toBe('2024-05-15T00:00:00.000Z');
  });
});

describe('sniff', () => {
  it('is confident on osquery shapes', () => {
    expect(sniff(readFileSync(path.join(__dirname, 'fixtures', 'osquery', 'result-log.jsonl'), 'utf8'))).toBeGreaterThan(0.9);
    expect(sniff(readFileSync(path.join(__dirname, 'fixtures', 'osquery', 'osqueryi-scheduled-tasks.json'), 'utf8'))).toBeGreaterThan(0.7);
    expect(sniff(readFileSync(path.join(__dirname, 'fixtures', 'osquery', 'fleetctl-launchd.jsonl'), 'utf8'))).toBeGreaterThan(0.9);
  });

  it('is ~0 for other formats', () => {
    expect(sniff('Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String\n')).toBe(0);
    expect(sniff(decodeBytes(readSample('schtasks/resticprofile_schtasks_fo_csv_v_enGB_2rows_same_task.csv')).text)).toBe(0);
    expect(sniff(decodeBytes(readSample('cron/jc_ubuntu-18.04_etc_crontab')).text)).toBe(0);
    expect(sniff(decodeBytes(readSample('taskxml/atomicredteam_T1053_005_WMI.xml')).text)).toBe(0);
    expect(sniff('{"Timestamp":"2021-01-27 03:15:12.000 +00:00","Computer":"RE-Dev","Channel":"Sec","EventID":4698}\n')).toBeLessThan(0.1);
    expect(sniff('{"some":"json"}')).toBeLessThan(0.1);
  });
});
