import { describe, expect, it } from 'vitest';
import { autorunsParser } from './autoruns';
import { cachedAutorunsTime, parseAutorunsTime, inferDayOrder } from './autoruns-time';
import { decodeBytes } from './decode';
import { identityOf } from './normalize';
import { ParseError } from './types';
import { readSample } from '../testing/samples';

const parseSample = (f: string) => autorunsParser.parse(readSample(`autoruns/${f}`), { fileName: f });
const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Independent count: entry rows are the only lines whose 2nd and 3rd fields are both quoted and the 3rd is
 * non-empty (location rows leave Entry Location unquoted and Entry empty). Line-based regex, no CSV parser.
 */
function regexCounts(f: string): { entries: number; tasks: number } {
  const lines = decodeBytes(readSample(`autoruns/${f}`)).text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.includes('Entry Location')) + 1;
  const body = lines.slice(start);
  return {
    entries: body.filter((l) => /^"?[^,]*,"+[^"]*"+,"+[^"]/.test(l)).length,
    tasks: body.filter((l) => /^"?[^,]*,"+Task Scheduler"+,/.test(l)).length,
  };
}

const SAMPLES: [string, number, number][] = [
  ['limgreg_autorunslab2_banner.csv', 1360, 208],
  ['limgreg_autorunslab3_banner.csv', 1358, 208],
  ['limgreg_autorunslab1.csv', 1362, 208],
  ['limgreg_autorun_export3_t.csv', 1287, 150],
  ['limgreg_autoruns_bc8abbd_homoglyph.csv', 1309, 150],
  ['limgreg_autoruns_excel_mangled_utf8bom.csv', 36, 0],
  ['limgreg_autorunsGL_excel_mangled_pscomputername.csv', 35, 0],
  ['velociraptor_testdata_autoruns.csv', 1, 0],
];

describe('autorunsParser on real samples', () => {
  it.each(SAMPLES)('%s -> %i records, %i tasks (cross-checked by line regex)', (f, n, tasks) => {
    const r = parseSample(f);
    expect(r.format).toBe('autoruns');
    expect(r.os).toBe('windows');
    expect(r.records).toHaveLength(n);
    expect(r.records.filter((x) => x.family === 'windows_task')).toHaveLength(tasks);
    if (!f.startsWith('velociraptor')) expect(regexCounts(f)).toEqual({ entries: n, tasks });
    for (const rec of r.records) {
      expect(rec.name.trim()).not.toBe('');
      if (rec.family === 'windows_task') expect(rec.name.startsWith('\\')).toBe(true);
      if (rec.family === 'windows_autorun') expect(rec.kind).toBeTruthy();
    }
  });

  it.each(SAMPLES)('%s sniffs high', (f) => {
    expect(autorunsParser.sniff(decodeBytes(readSample(`autoruns/${f}`)).text, {})).toBeGreaterThan(0.9);
  });

  it('lab2: skips the banner, finds the planted evil.exe, parses locale times, keeps profiles as runAs', () => {
    const r = parseSample('limgreg_autorunslab2_banner.csv');
    expect(r.records[0].line).toBe(8);
    const evil = r.records.filter((x) => x.name.endsWith('\\C:\\malware\\evil.exe'));
    expect(evil.length).toBeGreaterThan(0);
    expect(evil[0]).toMatchObject({ family: 'windows_autorun', kind: 'Logon', command: 'C:\\malware\\evil.exe' });
    expect(r.records[0].registeredAt).toBe('1993-08-23T05:25:00');
    expect((r.records[0].raw as Record<string, string>).Time).toBe('8/23/1993 5:25 AM');
    const fnf = r.records.find((x) => x.name.endsWith('\\Adobe Type Manager'))!;
    expect(fnf).toMatchObject({ imagePath: 'atmfd.dll', fileNotFound: true, registeredAt: null });
    const user = r.records.find((x) => x.runAs === 'DESKTOP-VO944Q0\\joshu');
    expect(user?.family).toBe('windows_autorun');
    expect(r.records.filter((x) => x.family === 'windows_task').every((x) => x.runAs === null)).toBe(true);
  });

  it('export3: -t UTC times, signer split, hashes, COM-handler task, trailing space kept in raw', () => {
    const r = parseSample('limgreg_autorun_export3_t.csv');
    const com = r.records.find((x) => x.name === '\\Microsoft\\Windows\\.NET Framework\\.NET Framework NGEN v4.0.30319')!;
    expect(com).toMatchObject({
      family: 'windows_task',
      kind: 'Tasks',
      command: 'HKCR\\CLSID\\{84F0FAE1-C27B-4F6F-807B-28CF6F96287D}',
      imagePath: 'c:\\windows\\system32\\mscoree.dll',
      signer: 'Microsoft Windows',
      verified: true,
      md5: 'D5971EF71DE1BDD46D537203ABFCC756',
      registeredAt: '2013-06-16T09:38:19Z',
      enabled: true,
      runAs: null,
    });
    const od = r.records.find((x) => x.name.startsWith('\\OneDrive Standalone Update Task-S-1-5-21-'))!;
    expect(od.command).toBe('"%localappdata%\\Microsoft\\OneDrive\\OneDriveStandaloneUpdater.exe"');
    expect((od.raw as Record<string, string>)['Launch String']).toMatch(/\.exe" $/);
    expect(od.sha256).toMatch(/^[0-9A-F]{64}$/);
  });

  it('bc8abbd: homoglyph entries stay byte-exact; empty Time gives null; "(Not Verified)" -> false', () => {
    const r = parseSample('limgreg_autoruns_bc8abbd_homoglyph.csv');
    const glyph = r.records.filter((x) => x.command === '\u0456explorer.exe');
    expect(glyph).toHaveLength(2);
    expect(glyph[0]).toMatchObject({ name: 'HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\iexplorer.exe', imagePath: '\u0456explorer.exe', registeredAt: null });
    expect(r.records.some((x) => x.imagePath === 'n\u043etepad.exe')).toBe(true);
    const bth = r.records.find((x) => x.name.endsWith('\\BthHFEnum\u2000'))!;
    expect(bth).toMatchObject({ verified: false, signer: 'Microsoft Corporation' });
  });

  it('excel re-saves: whole-line quoting unwrapped, day-first lower-case pm times', () => {
    const r = parseSample('limgreg_autoruns_excel_mangled_utf8bom.csv');
    expect(r.records[0]).toMatchObject({ name: 'HKLM\\System\\CurrentControlSet\\Control\\Terminal Server\\Wds\\rdpwd\\StartupPrograms\\rdpclip', imagePath: 'c:\\windows\\system32\\rdpclip.exe', md5: '4B9E93CC1E606E92873D0BE93F911B9B' });
    expect(r.records.find((x) => x.name.endsWith('\\SystemPropertiesPerformance.exe'))?.registeredAt).toBe('1909-10-27T11:12:00');
  });

  it('the same value name under two locations is two entries (a Run value is not a service)', () => {
    const csv = [
      'Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String',
      ',HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run,Updater,enabled,Logon,System-wide,,,,c:\\x\\u.exe,,c:\\x\\u.exe',
      ',HKLM\\System\\CurrentControlSet\\Services,Updater,enabled,Services,System-wide,,,,c:\\x\\u.exe,,c:\\x\\u.exe',
    ].join('\r\n');
    const r = autorunsParser.parse(new TextEncoder().encode(csv), {});
    expect(r.records.map((x) => x.name)).toEqual([
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater',
      'HKLM\\System\\CurrentControlSet\\Services\\Updater',
    ]);
    expect(new Set(r.records.map((x) => identityOf(x).key)).size).toBe(2);
  });

  it('PSComputerName header with no values: host null, columns realigned (no Company in Signer)', () => {
    const r = parseSample('limgreg_autorunsGL_excel_mangled_pscomputername.csv');
    expect(r.host).toBeNull();
    expect(r.records.every((x) => x.host === null)).toBe(true);
    expect(r.records[0]).toMatchObject({ company: 'Microsoft Corporation', signer: null, imagePath: 'c:\\windows\\system32\\rdpclip.exe' });
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});

describe('autorunsParser fixtures', () => {
  it('parses -ct TSV output', () => {
    const tsv = [
      'Time\tEntry Location\tEntry\tEnabled\tCategory\tProfile\tDescription\tSigner\tCompany\tImage Path\tVersion\tLaunch String',
      '20250101-000000\tTask Scheduler\t\t\tTasks\tSystem-wide\t\t\t\t\t',
      '20240102-030405\tTask Scheduler\t\\Acme\\Updater\tdisabled\tTasks\tSystem-wide\tUpdater\t(Not verified) Acme\tAcme\tFile not found: C:\\Acme\\up.exe\t1.0\t"C:\\Acme\\up.exe" /q ',
    ].join('\r\n');
    const r = autorunsParser.parse(utf8(tsv), {});
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      family: 'windows_task', name: '\\Acme\\Updater', enabled: false, signer: 'Acme', verified: false,
      imagePath: 'C:\\Acme\\up.exe', fileNotFound: true, registeredAt: '2024-01-02T03:04:05Z', line: 3,
    });
  });

  it('parses the v11/v12 column set (no Time/Category/Profile, Publisher) and Kansa names without spaces', () => {
    const old = [
      'Entry Location,Entry,Enabled,Description,Publisher,Image Path,Launch String,MD5,SHA-1,SHA-256',
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run,,,,,,,,,',
      '"HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run","Foo",enabled,"Foo app","(Verified) Foo Inc","c:\\foo\\foo.exe","C:\\Foo\\foo.exe -bg",AA,BB,CC',
      'Task Scheduler,"\\FooTask",enabled,"","Foo Inc","c:\\foo\\t.exe","c:\\foo\\t.exe",,,',
    ].join('\n');
    const r = autorunsParser.parse(utf8(old), {});
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({ family: 'windows_autorun', kind: null, signer: 'Foo Inc', verified: true, sha256: 'CC', registeredAt: null });
    expect(r.records[1]).toMatchObject({ family: 'windows_task', company: 'Foo Inc', signer: null });
    const kansa = 'Time\tEntryLocation\tEntry\tEnabled\tCategory\tProfile\tDescription\tPublisher\tImagePath\tVersion\tLaunchString\n' +
      '\tHKCU\\Run\tBar\tenabled\tLogon\tHOST\\bob\t\tBar\tc:\\bar.exe\t\tc:\\bar.exe\n';
    expect(autorunsParser.parse(utf8(kansa), {}).records[0]).toMatchObject({ command: 'c:\\bar.exe', runAs: 'HOST\\bob', company: 'Bar' });
  });

  it('parses PowerShell Export-Csv with #TYPE line and a constant PSComputerName', () => {
    const ps = [
      '#TYPE System.Management.Automation.PSCustomObject',
      '"Time","Entry Location","Entry","Enabled","Category","Profile","Description","Signer","Company","Image Path","Version","Launch String","PSComputerName"',
      '"7/3/2025 2:16 AM","HKLM\\Run","A","enabled","Logon","System-wide","","","","c:\\a.exe","","c:\\a.exe","WS01"',
      '"13/2/2025 17:30","HKLM\\Run","B","enabled","Logon","System-wide","","","","c:\\b.exe","","c:\\b.exe","WS01"',
    ].join('\r\n');
    const r = autorunsParser.parse(utf8(ps), {});
    expect(r.host).toBe('WS01');
    expect(r.records.map((x) => x.host)).toEqual(['WS01', 'WS01']);
    expect(r.records[1].registeredAt).toBe('2025-02-13T17:30:00');
    const mixed = ps.replace(/"WS01"$/, '"WS02"');
    expect(autorunsParser.parse(utf8(mixed), {}).host).toBeNull();
  });

  it('rejects files without an Autoruns header', () => {
    expect(() => autorunsParser.parse(utf8('hello\nworld\n'), {})).toThrow(ParseError);
    expect(() => autorunsParser.parse(utf8('hello\n'), {})).toThrow(/no Autoruns header found in the first 50 lines/);
  });

  it('sniffs ~0 for other formats', () => {
    const others = [
      '"HostName","TaskName","Next Run Time","Status","Logon Mode","Last Run Time","Last Result","Author","Task To Run"\r\n"WS","\\X","N/A","Ready","x","y","0","me","c:\\x.exe"',
      'MAILTO=""\n*/5 * * * * root /usr/bin/run-parts /etc/cron.hourly\n',
      '<?xml version="1.0" encoding="UTF-16"?>\n<Task version="1.2"><Actions/></Task>',
      '{"name":"scheduled_tasks","hostIdentifier":"h","columns":{}}',
    ];
    for (const t of others) expect(autorunsParser.sniff(t, {})).toBeLessThan(0.05);
  });
});

describe('autoruns time parsing', () => {
  it('handles -t, 12 h, 24 h and rejects junk', () => {
    expect(parseAutorunsTime('20250820-045639')).toBe('2025-08-20T04:56:39Z');
    expect(parseAutorunsTime('7/3/2025 12:05 AM')).toBe('2025-07-03T00:05:00');
    expect(parseAutorunsTime('7/5/2022 1:25 pm')).toBe('2022-07-05T13:25:00');
    expect(parseAutorunsTime('13/02/2025 17:30:00', 'dmy')).toBe('2025-02-13T17:30:00');
    expect(parseAutorunsTime('2/30/2025 1:00 PM')).toBeNull();
    expect(parseAutorunsTime('n/a')).toBeNull();
    expect(inferDayOrder(['1/2/2020 1:00 PM', '27/10/1909 11:12 am'])).toBe('dmy');
    expect(inferDayOrder(['1/2/2020 1:00 PM'])).toBe('mdy');
  });

  it('cached: the same result as parsing, every time, per day order', () => {
    const values = ['20250820-045639', '3/4/2025 1:00 PM', '13/02/2025 17:30:00', '2/30/2025 1:00 PM', 'n/a', ' 7/3/2025 12:05 AM '];
    for (let pass = 0; pass < 2; pass++) {
      for (const order of ['mdy', 'dmy'] as const) {
        for (const v of values) expect(cachedAutorunsTime(v, order)).toBe(parseAutorunsTime(v, order));
      }
    }
    expect(cachedAutorunsTime('3/4/2025 1:00 PM', 'mdy')).not.toBe(cachedAutorunsTime('3/4/2025 1:00 PM', 'dmy'));
  });
});
