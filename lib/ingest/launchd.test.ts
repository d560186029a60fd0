import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinArgs, launchdParser, sniffBytes } from './launchd';
import { ParseError } from './types';
import { readSample } from '@/lib/testing/samples';

const enc = (s: string) => new TextEncoder().encode(s);
const sample = (f: string, fileName: string | null = null) => launchdParser.parse(readSample(`launchd/${f}`), { fileName });
const xmlPlist = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n${body}\n</dict>\n</plist>\n`;

describe('launchd samples', () => {
  it('clamav-scan: array StartCalendarInterval on Mondays, daemon runs as root', () => {
    const r = sample('aselvan_com.selvansoft.clamav-scan.plist', '/Library/LaunchDaemons/com.selvansoft.clamav-scan.plist');
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toEqual([]);
    expect(r.os).toBe('macos');
    expect(r.records[0]).toMatchObject({
      family: 'launchd',
      kind: 'daemon',
      name: 'com.selvansoft.clamav-scan',
      command: '/opt/homebrew/opt/aselvan-scripts/security/clamscan.sh -m replace_this_with_email',
      imagePath: '/opt/homebrew/opt/aselvan-scripts/security/clamscan.sh',
      arguments: '-m replace_this_with_email',
      runAs: 'root',
      enabled: true,
      schedule: 'StartCalendarInterval Weekday=1 Hour=2 Minute=1',
      line: 1,
    });
    expect(r.records[0].triggers).toEqual([
      { kind: 'calendar', raw: 'StartCalendarInterval Weekday=1 Hour=2 Minute=1', text: 'At 02:01, only on Monday' },
    ]);
    expect(r.records[0].raw).toContain('<string>com.selvansoft.clamav-scan</string>');
  });

  it('locate-updatedb: Hour 12 Minute 1 (noon, whatever the comment says) plus RunAtLoad', () => {
    const r = sample('aselvan_com.selvansoft.locate-updatedb.plist', '/Users/arul/Library/LaunchAgents/com.selvansoft.locate-updatedb.plist');
    expect(r.records[0].triggers?.map((t) => [t.kind, t.text])).toEqual([
      ['calendar', 'At 12:01'],
      ['load', 'When loaded (at boot or login)'],
    ]);
    expect(r.records[0]).toMatchObject({ kind: 'agent', runAs: 'arul', command: '/Users/arul/src/scripts.github/macos/locate_updatedb.sh' });
  });

  it('mDNSResponder: UserName wins, OnDemand=false and Sockets/MachServices are triggers, no schedule', () => {
    const r = sample('apple_mDNSResponder_LaunchDaemonInfo.plist', '/System/Library/LaunchDaemons/com.apple.mDNSResponder.plist');
    expect(r.records[0]).toMatchObject({ name: 'com.apple.mDNSResponder', runAs: '_mdnsresponder', command: '/usr/sbin/mDNSResponder -launchd' });
    expect(r.records[0].triggers?.map((t) => t.kind)).toEqual(['keepalive', 'demand']);
    expect(r.records[0].triggers?.[1].raw).toBe('Sockets,MachServices');
  });

  it('atomic red team agent/daemon: RunAtLoad and KeepAlive persistence; unknown path -> runAs null', () => {
    const agent = sample('atomicredteam_T1543_001_LaunchAgent.plist');
    expect(agent.records[0]).toMatchObject({
      name: 'com.atomicredteam.t1543_001',
      command: 'touch /tmp/T1543_001_atomicredteam.txt',
      runAs: null,
      kind: null,
      schedule: 'RunAtLoad=true',
    });
    const daemon = sample('atomicredteam_T1543_004_LaunchDaemon.plist', '/Library/LaunchDaemons/com.atomicredteam.t1543_004.plist');
    expect(daemon.records[0]).toMatchObject({ runAs: 'root', kind: 'daemon', schedule: 'KeepAlive=true' });
    expect(daemon.records[0].triggers?.[0].text).toBe('Kept running: restarted whenever it exits');
  });

  it('binary plist that is not a launchd job is rejected with a clear message', () => {
    expect(() => sample('jc_generic_binary_plist_alltypes_NOT_launchd.plist')).toThrow(ParseError);
    expect(() => sample('jc_generic_binary_plist_alltypes_NOT_launchd.plist')).toThrow(
      'not a launchd job: property list has no Label key (top-level keys: aDate, aDict, aFloat, aList, aString, anInt, someData, someMoreData)',
    );
    expect(sniffBytes(readSample('launchd/jc_generic_binary_plist_alltypes_NOT_launchd.plist'))).toBe(0.1);
  });
});

describe('launchd fixtures', () => {
  const binary = new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'launchd-binary-agent.plist')));

  it('binary plist job: Disabled, StartInterval, WatchPaths, quoted argument with a space', () => {
    const r = launchdParser.parse(binary, { fileName: '/Library/LaunchAgents/com.example.backup.plist' });
    expect(r.records[0]).toMatchObject({
      name: 'com.example.backup',
      command: '/usr/local/bin/backup --dest "/Volumes/Backup Disk"',
      enabled: false,
      kind: 'agent',
      runAs: null,
    });
    expect(r.records[0].triggers).toEqual([
      { kind: 'interval', raw: 'StartInterval=3600', text: 'Every hour' },
      { kind: 'watch', raw: 'WatchPaths=/etc/backup.conf', text: 'When /etc/backup.conf changes' },
    ]);
    expect(r.records[0].raw).toContain('<key>Label</key>');
    expect(sniffBytes(binary)).toBe(0.95);
  });

  it('Program + ProgramArguments: Program is the executable, argv[0] dropped; dict calendar without Minute', () => {
    const xml = xmlPlist(
      '<key>Label</key><string>x.y</string><key>Program</key><string>/bin/sh</string>' +
        '<key>ProgramArguments</key><array><string>sh</string><string>-c</string><string>echo "hi"</string></array>' +
        '<key>StartCalendarInterval</key><dict><key>Hour</key><integer>3</integer></dict><key>UserName</key><string>nobody</string>',
    );
    const r = launchdParser.parse(enc(xml), {});
    expect(r.records[0]).toMatchObject({ command: '/bin/sh -c "echo \\"hi\\""', imagePath: '/bin/sh', runAs: 'nobody' });
    expect(r.records[0].triggers?.[0]).toEqual({ kind: 'calendar', raw: 'StartCalendarInterval Hour=3', text: 'Every minute, between 03:00 and 03:59' });
  });

  it('comment before the XML declaration is tolerated with a warning', () => {
    const xml = `<!-- generated -->\n${xmlPlist('<key>Label</key><string>a.b</string><key>Program</key><string>/bin/true</string>')}`;
    const r = launchdParser.parse(enc(xml), {});
    expect(r.records[0].command).toBe('/bin/true');
    expect(r.warnings[0].message).toMatch(/not well-formed as written/);
  });

  it('invalid XML and non-plists are ParseErrors', () => {
    expect(() => launchdParser.parse(enc('<plist version="1.0"><dict><key>Label</key>\n</plist>'), {})).toThrow(/invalid XML property list/);
    expect(() => launchdParser.parse(enc('{"Label": "x"}'), {})).toThrow(/not a property list/);
    expect(() => launchdParser.parse(enc(xmlPlist('<key>Program</key><string>/bin/true</string>')), {})).toThrow(/no Label key/);
  });

  it('a Label with no program still yields the job, with a warning', () => {
    const r = launchdParser.parse(enc(xmlPlist('<key>Label</key><string>only.label</string>')), {});
    expect(r.records[0]).toMatchObject({ name: 'only.label', command: '', imagePath: null });
    expect(r.warnings).toEqual([{ line: null, message: 'only.label: no Program or ProgramArguments' }]);
  });

  it('joinArgs quotes spaces, quotes and empty args', () => {
    expect(joinArgs(['/a b/c', '', "it's", 'plain'])).toBe('"/a b/c" "" "it\'s" plain');
  });

  it('sniff: plists with Label high; Task XML, JSON, CSV and crontabs ~0', () => {
    const text = new TextDecoder().decode(readSample('launchd/atomicredteam_T1543_001_LaunchAgent.plist'));
    expect(launchdParser.sniff(text, {})).toBe(0.95);
    expect(launchdParser.sniff('<?xml version="1.0" encoding="UTF-16"?><Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"/>', {})).toBe(0);
    expect(launchdParser.sniff('{"Label":"x"}', {})).toBe(0);
    expect(launchdParser.sniff('"Label","Program"\n', {})).toBe(0);
    expect(launchdParser.sniff('0 1 * * * /bin/true\n', {})).toBe(0);
    expect(sniffBytes(enc(text))).toBe(0.95);
  });
});
