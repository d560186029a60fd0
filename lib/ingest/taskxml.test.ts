import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSample, samplePath } from '../testing/samples';
import { nameFromFileName, taskXmlParser } from './taskxml';
import { formatDuration } from './taskxml-triggers';
import { ParseError, type JobRecord } from './types';

const MUSEUM = 'taskxml/DFIRArtifactMuseum_ScheduledTasks';
const WIN10 = `${MUSEUM}/Win10/APTSimulatorVM`;
const parseSample = (rel: string) => taskXmlParser.parse(readSample(rel), { fileName: rel });
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p) : f === 'README.md' ? [] : [p];
  });
}

describe('DFIRArtifactMuseum task folder (real C:\\Windows\\System32\\Tasks copy)', () => {
  const files = listFiles(samplePath(MUSEUM)).map((p) => path.relative(samplePath(''), p));
  const records: JobRecord[] = files.flatMap((rel) => parseSample(rel).records);
  const byName = (name: string) => records.find((r) => r.name === name)!;

  it('parses every file without throwing, one record each', () => {
    // SOURCES.md counts 204 tasks incl. 2 Server 2022 files; only the 202 Win10 files are present in this copy.
    expect(files).toHaveLength(202);
    expect(records).toHaveLength(202);
    expect(records.every((r) => r.family === 'windows_task' && r.name.startsWith('\\'))).toBe(true);
  });

  it('counts ComHandler vs Exec primary actions, hidden tasks and trigger kinds', () => {
    expect(records.filter((r) => r.kind === 'com_handler')).toHaveLength(112);
    expect(records.filter((r) => r.kind === 'exec')).toHaveLength(90);
    expect(records.filter((r) => r.hidden)).toHaveLength(54);
    const kinds: Record<string, number> = {};
    for (const t of records.flatMap((r) => r.triggers ?? [])) kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
    expect(kinds).toEqual({ time: 29, logon: 28, daily: 11, idle: 4, wnf: 110, boot: 12, session_state: 7, registration: 6, event: 15 });
    expect(records.every((r) => r.kind !== 'com_handler' || /^HKCR\\CLSID\\\{[0-9A-F-]{36}\}$/i.test(r.command))).toBe(true);
  });

  it('decodes &gt; in \\GameOver and shows mimikatz every 5 minutes', () => {
    const r = parseSample(`${WIN10}/GameOver`);
    expect(r.format).toBe('taskxml');
    expect(r.os).toBe('windows');
    const [t] = r.records;
    expect(t.name).toBe('\\GameOver');
    expect(t.command).toBe('"C:\\TMP\\mim.exe" sekurlsa::LogonPasswords > C:\\TMP\\o.txt');
    expect(t.imagePath).toBe('C:\\TMP\\mim.exe');
    expect(t.arguments).toBe('sekurlsa::LogonPasswords > C:\\TMP\\o.txt');
    expect(t.runAs).toBe('DESKTOP-TMKU40H\\TestUser');
    expect(t.runLevel).toBe('LeastPrivilege');
    expect(t.schedule).toBe('One time at 2022-03-10 15:59, repeating every 5 minutes indefinitely');
    expect(t.registeredAt).toBe('2022-03-10T15:59:03');
    expect(t.enabled).toBe(true);
    expect(t.hidden).toBe(false);
    expect(t.line).toBe(2);
    expect(t.raw).toMatch(/^<Task version="1.2"[\s\S]*&gt; C:\\TMP\\o.txt<\/Arguments>[\s\S]*<\/Task>$/);
  });

  it('adds the missing leading backslash to URIs and maps well-known SIDs', () => {
    const ngen = byName('\\Microsoft\\Windows\\.NET Framework\\.NET Framework NGEN v4.0.30319 Critical');
    expect(ngen).toMatchObject({ kind: 'com_handler', command: 'HKCR\\CLSID\\{DE434264-8FE9-4C0B-A83B-89EBEEBFF78E}',
      enabled: false, hidden: true, runAs: 'SYSTEM', registeredAt: '2010-09-30T14:53:37.951', schedule: 'When the computer is idle' });
    expect(byName('\\Microsoft\\Windows\\Maps\\MapsUpdateTask').runAs).toBe('NETWORK SERVICE');
    expect(byName('\\Microsoft\\Windows\\Time Synchronization\\SynchronizeTime')).toMatchObject({
      runAs: 'LOCAL SERVICE', command: '"%windir%\\system32\\sc.exe" start w32time task_started', triggers: [] });
    expect(byName('\\Microsoft\\Windows\\Workplace Join\\Recovery-Check')).toMatchObject({ runAs: 'INTERACTIVE',
      schedule: 'At logon of any user; On workstation lock of any user' });
  });

  it('renders session, WNF and time triggers with trigger-level Enabled', () => {
    const t = byName('\\Microsoft\\Windows\\WindowsUpdate\\Scheduled Start');
    expect(t.runAs).toBe('SYSTEM'); // written as NT AUTHORITY\SYSTEM
    expect(t.triggers!.map((x) => [x.kind, x.text, x.enabled])).toEqual([
      ['time', 'One time at 2022-03-10 22:31 UTC, random delay up to 1 minute', true],
      ['session_state', 'On local disconnect from a user session of any user', true],
      ['session_state', 'On remote disconnect from a user session of any user', true],
      ['wnf', 'On WNF state change 7508BCA3380C960C (data 01)', false],
    ]);
    expect(t.triggers![3].raw).toBe('<WnfStateChangeTrigger><Enabled>false</Enabled><StateName>7508BCA3380C960C</StateName><Data>01</Data><DataOffset>0</DataOffset></WnfStateChangeTrigger>');
  });

  it('sniffs the UTF-16 task files', () => {
    const text = iconv.decode(Buffer.from(readSample(`${WIN10}/GameOver`)), 'utf-16le');
    expect(taskXmlParser.sniff(text, {})).toBeGreaterThan(0.9);
  });
});

describe('other real task XML samples', () => {
  it('reads a GroupId principal (Users) and a LogonTrigger', () => {
    const [t] = parseSample('taskxml/atomicredteam_T1053_005_WMI.xml').records;
    expect(t).toMatchObject({ name: '\\T1053_005_WMI', command: '"notepad.exe"', runAs: 'Users', schedule: 'At logon of any user' });
  });

  it('ignores a UTF-16 declaration on UTF-8 bytes and renders weekly calendar triggers', () => {
    const [t] = parseSample('taskxml/resticprofile_self_backup_utf8_declares_utf16_2triggers.xml').records;
    expect(t.name).toBe('\\resticprofile backup\\self backup');
    expect(t.command).toBe('"R:\\Temp\\go-build2628570706\\b001\\exe\\resticprofile.exe" --no-ansi --config examples/windows.yaml run-schedule backup@self');
    expect(t.runAs).toBe('S-1-5-21-3622340250-3004114779-3108145013-1002');
    expect(t.triggers!.map((x) => x.text)).toEqual([
      'Every week on Monday, Tuesday, Wednesday, Thursday, Friday at 22:15, repeating every 15 minutes for 23 hours 45 minutes',
      'Every week on Sunday, Saturday at 00:00, repeating every 12 hours for 12 hours',
    ]);
  });

  it('keeps all 24 calendar triggers of one task', () => {
    const [t] = parseSample('taskxml/resticprofile_every_hour_in_january_24_calendar_triggers.xml').records;
    expect(t.triggers).toHaveLength(24);
    expect(t.triggers![0].text).toBe('Every day of January at 00:04');
    expect(t.triggers![23].text).toBe('Every day of January at 23:04');
    expect(t.command).toBe('"echo" hello there');
  });
});

describe('task XML fixtures', () => {
  const bytes = new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', 'taskxml-query-xml-one.xml')));

  it('splits `schtasks /query /xml ONE` into tasks named by URI or the preceding comment', () => {
    const r = taskXmlParser.parse(bytes, { fileName: 'query.xml' });
    expect(r.warnings).toEqual([]);
    expect(r.records.map((x) => [x.name, x.line])).toEqual([['\\Contoso\\Report', 5], ['\\Contoso\\Sub\\Notify', 50]]);
    const [report, notify] = r.records;
    expect(report).toMatchObject({
      kind: 'exec', command: '"C:\\Program Files\\Contoso\\report.exe" --out "C:\\Reports\\<month>.pdf"',
      imagePath: 'C:\\Program Files\\Contoso\\report.exe', runAs: 'Administrators', runLevel: 'HighestAvailable',
      hidden: true, enabled: true, description: 'Monthly report & cleanup', registeredAt: '2024-05-01T08:00:00.123+02:00',
    });
    expect(report.raw).toContain('<ComHandler>');
    expect(report.triggers!.map((x) => [x.kind, x.text, x.enabled])).toEqual([
      ['monthly', 'On the first, last Monday of March, June at 06:30, until 2030-01-01 00:00', true],
      ['event', 'On event 42 from Microsoft-Windows-Kernel-Power in System', false],
      ['future', 'FutureTrigger (unrecognized trigger kind), delayed by 30 seconds', true],
    ]);
    expect(notify).toMatchObject({ kind: 'com_handler', command: 'HKCR\\CLSID\\{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}',
      arguments: 'boot', enabled: false, runAs: 'LOCAL SERVICE', schedule: 'At system startup, delayed by 2 minutes' });
  });

  it('reads concatenated documents (schtasks /query /xml without ONE) from UTF-16LE bytes', () => {
    const text = new TextDecoder().decode(bytes).replace(/<\/?Tasks>\n?/g, '');
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    expect(taskXmlParser.parse(utf16, {}).records.map((x) => x.name)).toEqual(['\\Contoso\\Report', '\\Contoso\\Sub\\Notify']);
  });

  it('names a task without URI from the path after a Tasks folder', () => {
    const xml = '<Task xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task"><Actions><Exec><Command>a.exe</Command></Exec></Actions></Task>';
    const r = taskXmlParser.parse(utf8(xml), { fileName: 'HOST1/C/Windows/System32/Tasks/Vendor/Updater' });
    expect(r.records[0]).toMatchObject({ name: '\\Vendor\\Updater', command: '"a.exe"', enabled: true, hidden: false, runAs: null });
    expect(nameFromFileName('C:\\Windows\\System32\\Tasks\\Foo')).toBe('\\Foo');
    expect(nameFromFileName('export/backup.xml')).toBe('\\backup');
  });

  it('throws ParseError with the line for invalid XML and for XML that is not a task', () => {
    const bad = utf8('<?xml version="1.0"?>\n<Task>\n  <Actions>\n</Task>');
    expect(() => taskXmlParser.parse(bad, {})).toThrow(ParseError);
    try {
      taskXmlParser.parse(bad, {});
    } catch (e) {
      expect((e as ParseError).message).toMatch(/^Invalid task XML: .*Actions/);
      expect((e as ParseError).line).toBe(4);
    }
    expect(() => taskXmlParser.parse(utf8('<plist><dict/></plist>'), {})).toThrow(/no <Task> element/);
    expect(() => taskXmlParser.parse(utf8('[.ShellClassInfo]\r\nIconResource=x'), {})).toThrow(ParseError);
  });

  it('sniffs task XML only', () => {
    expect(taskXmlParser.sniff(new TextDecoder().decode(bytes), {})).toBeGreaterThan(0.9);
    expect(taskXmlParser.sniff('Time,Entry Location,Entry,Enabled\n', {})).toBe(0);
    expect(taskXmlParser.sniff('<?xml version="1.0"?><plist version="1.0"><dict></dict></plist>', {})).toBe(0);
    expect(taskXmlParser.sniff('{"Task": 1}', {})).toBe(0);
    expect(taskXmlParser.sniff('0 3 * * * root /usr/bin/backup\n', {})).toBe(0);
  });

  it('formats ISO durations', () => {
    expect(formatDuration('PT72H')).toBe('72 hours');
    expect(formatDuration('P1DT2H30M')).toBe('1 day 2 hours 30 minutes');
    expect(formatDuration('PT0S')).toBe('0 seconds');
  });
});

it('taskXmlParser only ever fails with ParseError on malformed input', () => {
  const piece = fc.constantFrom('"', ',', ';', '\n', ':', ' ', 'é', '\\', 'HostName', 'TaskName', 'TaskPath', '<Task>', '</Task>',
    '<Tasks>', '<!--', '-->', '#TYPE', 'N/A', '<', '&', '<?xml ?>');
  fc.assert(fc.property(fc.array(piece, { maxLength: 50 }), (pieces) => {
    const text = pieces.join('');
    expect(taskXmlParser.sniff(text, {})).toBeGreaterThanOrEqual(0);
    try {
      taskXmlParser.parse(new Uint8Array(Buffer.from(text)), {});
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
    }
  }), { numRuns: 500 });
});
