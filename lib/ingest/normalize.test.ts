import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autorunsParser } from './autoruns';
import { executableOf, hasSuspiciousUnicode, identityOf, normalizeCommand, normalizeName } from './normalize';
import type { JobFamily } from './types';
import { readSample } from '../testing/samples';

const win = (c: string) => normalizeCommand(c, 'windows').normCommand;
const unix = (c: string) => normalizeCommand(c, 'unix').normCommand;
const task = (name: string, command = 'x.exe') => identityOf({ family: 'windows_task', name, command, imagePath: null });

describe('case', () => {
  it('lower-cases Windows paths and names, not Unix ones', () => {
    expect(win('C:\\Windows\\System32\\CMD.EXE /C Foo')).toBe('c:\\windows\\system32\\cmd.exe /c foo');
    expect(normalizeName('windows_task', '\\Microsoft\\Windows\\Defrag\\ScheduledDefrag')).toBe('\\microsoft\\windows\\defrag\\scheduleddefrag');
    expect(unix('/opt/Foo/Run.sh ARG')).toBe('/opt/Foo/Run.sh ARG');
    expect(normalizeName('launchd', 'com.Apple.Foo')).toBe('com.Apple.Foo');
  });
});

describe('environment variables and NT prefixes', () => {
  it.each([
    ['%SystemRoot%\\system32\\svchost.exe -k netsvcs', 'c:\\windows\\system32\\svchost.exe -k netsvcs'],
    ['%windir%\\system32\\x.exe', 'c:\\windows\\system32\\x.exe'],
    ['%ProgramFiles%\\A\\b.exe', 'c:\\program files\\a\\b.exe'],
    ['%ProgramFiles(x86)%\\A\\b.exe', 'c:\\program files (x86)\\a\\b.exe'],
    ['%ProgramData%\\A\\b.exe', 'c:\\programdata\\a\\b.exe'],
    ['%SystemDrive%\\A\\b.exe', 'c:\\a\\b.exe'],
    ['%CommonProgramFiles%\\A\\b.exe', 'c:\\program files\\common files\\a\\b.exe'],
    ['%LocalAppData%\\A\\b.exe', 'c:\\users\\*\\appdata\\local\\a\\b.exe'],
    ['%AppData%\\A\\b.exe', 'c:\\users\\*\\appdata\\roaming\\a\\b.exe'],
    ['%UserProfile%\\A\\b.exe', 'c:\\users\\*\\a\\b.exe'],
    ['%TEMP%\\b.exe', 'c:\\users\\*\\appdata\\local\\temp\\b.exe'],
    ['\\SystemRoot\\System32\\drivers\\acpi.sys', 'c:\\windows\\system32\\drivers\\acpi.sys'],
    ['System32\\drivers\\acpi.sys', 'c:\\windows\\system32\\drivers\\acpi.sys'],
    ['\\??\\C:\\Windows\\x.sys', 'c:\\windows\\x.sys'],
    ['C:\\Windows\\Sysnative\\x.exe', 'c:\\windows\\system32\\x.exe'],
  ])('%s', (input, expected) => expect(win(input)).toBe(expected));

  it('leaves unknown variables, SysWOW64 and non-prefix "system32" alone', () => {
    expect(win('%MyVar%\\x.exe')).toBe('%myvar%\\x.exe');
    expect(win('C:\\Windows\\SysWOW64\\x.exe')).toBe('c:\\windows\\syswow64\\x.exe');
    expect(win('D:\\backup\\system32\\x.exe')).toBe('d:\\backup\\system32\\x.exe');
  });
});

describe('user profiles', () => {
  it('collapses Windows, Linux and macOS user folders', () => {
    expect(win('C:\\Users\\joshu\\AppData\\x.exe')).toBe('c:\\users\\*\\appdata\\x.exe');
    expect(unix('/home/alice/bin/job.sh')).toBe('/home/*/bin/job.sh');
    expect(unix('/Users/bob/Library/x')).toBe('/Users/*/Library/x');
  });
  it('keeps shared profiles and look-alike paths', () => {
    expect(win('C:\\Users\\Public\\x.exe')).toBe('c:\\users\\public\\x.exe');
    expect(unix('/Users/Shared/x')).toBe('/Users/Shared/x');
    expect(unix('/srv/home/alice/x')).toBe('/srv/home/alice/x');
    expect(unix('/HOME/alice/x')).toBe('/HOME/alice/x');
  });
});

describe('SIDs, GUIDs, temp names, versions', () => {
  it('strips per-user SIDs and random GUIDs', () => {
    expect(win('x.exe /u S-1-5-21-3470644268-3011535107-3858517749-1001')).toBe('x.exe /u <sid>');
    expect(win('c:\\x\\{DECC0DA2-1111-2222-3333-444455556666}\\a.exe')).toBe('c:\\x\\<guid>\\a.exe');
    expect(win('a.exe 0f1e2d3c-1111-2222-3333-444455556666')).toBe('a.exe <guid>');
  });
  it('keeps well-known SIDs and CLSIDs', () => {
    expect(win('x.exe S-1-5-18')).toBe('x.exe s-1-5-18');
    expect(win('explorer.exe shell:::{20D04FE0-3AEA-1069-A2D8-08002B30309D}')).toBe('explorer.exe shell:::{20d04fe0-3aea-1069-a2d8-08002b30309d}');
    expect(win('HKCR\\CLSID\\{84F0FAE1-C27B-4F6F-807B-28CF6F96287D}')).toBe('com:{84f0fae1-c27b-4f6f-807b-28cf6f96287d}');
  });
  it('replaces random temp-file names', () => {
    expect(win('C:\\Windows\\Temp\\tmp1A2B.tmp')).toBe('c:\\windows\\temp\\<tmp>.tmp');
    expect(win('c:\\x\\~DF12AB.tmp')).toBe('c:\\x\\<tmp>.tmp');
    expect(win('%TEMP%\\DEADBEEF12\\setup.exe')).toBe('c:\\users\\*\\appdata\\local\\temp\\<tmp>\\setup.exe');
    expect(unix('/tmp/tmp.AbCdEf1234/run')).toBe('/tmp/<tmp>/run');
  });
  it('keeps non-random names, also hex names outside temp folders', () => {
    expect(win('C:\\Windows\\Temp\\setup.exe')).toBe('c:\\windows\\temp\\setup.exe');
    expect(win('c:\\tools\\deadbeef12.exe')).toBe('c:\\tools\\deadbeef12.exe');
    expect(win('c:\\x\\template.tmp')).toBe('c:\\x\\template.tmp');
  });
  it('replaces version-like runs', () => {
    expect(win('C:\\Program Files\\App\\1.2.3.4\\app.exe')).toBe('c:\\program files\\app\\<ver>\\app.exe');
    expect(normalizeName('windows_task', '\\Autoruns v14.11')).toBe('\\autoruns <ver>');
    expect(unix('/opt/tool_2.0.1/run')).toBe('/opt/tool_<ver>/run');
  });
  it('keeps digits that are not versions', () => {
    expect(win('c:\\windows\\system32\\win32k.sys')).toBe('c:\\windows\\system32\\win32k.sys');
    expect(unix('/usr/bin/python3 -m x')).toBe('/usr/bin/python3 -m x');
    expect(unix('sleep 30')).toBe('sleep 30');
  });
});

describe('executable split', () => {
  it('splits quoted and unquoted paths with spaces', () => {
    expect(executableOf('"C:\\Program Files\\Foo\\bar.exe" /x')).toBe('c:\\program files\\foo\\bar.exe');
    expect(executableOf('C:\\Program Files\\Foo\\bar.exe /x')).toBe('c:\\program files\\foo\\bar.exe');
    expect(executableOf('C:\\Program Files (x86)\\A B\\run.cmd')).toBe('c:\\program files (x86)\\a b\\run.cmd');
    expect(executableOf('powershell.exe -File c:\\x\\y.ps1')).toBe('powershell.exe');
    expect(executableOf('/usr/bin/env python3 x.py')).toBe('/usr/bin/env');
  });
  it('does not let an unquoted argument path swallow the command', () => {
    expect(executableOf('cmd /c c:\\x\\y.bat')).toBe('cmd');
    expect(executableOf('rdpclip')).toBe('rdpclip');
  });
  it('keeps quotes only when dropping them would change the split', () => {
    expect(win('"C:\\My Tools\\run" -x')).toBe('"c:\\my tools\\run" -x');
    expect(unix("'/opt/my app/run' x")).toBe("'/opt/my app/run' x");
    expect(unix('"/opt/app/run" x')).toBe('/opt/app/run x');
  });
  it('resolves rundll32 to the DLL it runs', () => {
    expect(executableOf('rundll32.exe C:\\Windows\\System32\\foo.dll,Entry')).toBe('rundll32.exe|c:\\windows\\system32\\foo.dll');
    expect(executableOf('C:\\Windows\\system32\\RUNDLL32 shell32,Control_RunDLL')).toBe('rundll32.exe|shell32.dll');
    expect(executableOf('rundll32 "C:\\Program Files\\A B\\x.dll",Go')).toBe('rundll32.exe|c:\\program files\\a b\\x.dll');
    expect(win('rundll32.exe foo.dll,Entry arg')).toBe('rundll32.exe|foo.dll,entry arg');
    expect(executableOf('regsvr32.exe /s foo.dll')).toBe('regsvr32.exe');
  });
  it('maps COM handler actions to com:{clsid}', () => {
    expect(executableOf('HKCR\\CLSID\\{429BC048-379E-45E0-80E4-EB1977941B5C}')).toBe('com:{429bc048-379e-45e0-80e4-eb1977941b5c}');
    expect(win('COM handler')).toBe('com:?');
    expect(win('COM handler {429BC048-379E-45E0-80E4-EB1977941B5C}')).toBe('com:{429bc048-379e-45e0-80e4-eb1977941b5c}');
    expect(win('HKCR\\CLSID\\{429BC048-379E-45E0-80E4-EB1977941B5C}')).not.toBe(win('HKCR\\CLSID\\{84F0FAE1-C27B-4F6F-807B-28CF6F96287D}'));
  });
  it('trims and collapses ASCII whitespace only', () => {
    expect(win('  "C:\\a.exe"   /x    /y  ')).toBe('c:\\a.exe /x /y');
    expect(win('a.exe\u2000/x')).toBe('a.exe\u2000/x');
  });
});

describe('task names', () => {
  it('adds the leading backslash and strips per-user suffixes', () => {
    expect(normalizeName('windows_task', 'Microsoft\\Windows\\X')).toBe('\\microsoft\\windows\\x');
    expect(normalizeName('windows_task', '\\OneDrive Standalone Update Task-S-1-5-21-199134393-2037821995-3431224517-1001')).toBe(
      '\\onedrive standalone update task-<sid>',
    );
    expect(normalizeName('windows_task', '\\GoogleUpdateTaskMachineCore{DECC0DA2-1111-2222-3333-444455556666}')).toBe('\\googleupdatetaskmachinecore<guid>');
  });
  it('does not add a backslash to autorun entries', () => {
    expect(normalizeName('windows_autorun', 'OneDrive')).toBe('onedrive');
  });
});

describe('unicode', () => {
  it('keeps homoglyphs distinct in the key and flags them', () => {
    const real = identityOf({ family: 'windows_autorun', name: 'iexplorer.exe', command: 'iexplorer.exe', imagePath: null });
    const fake = identityOf({ family: 'windows_autorun', name: 'iexplorer.exe', command: '\u0456explorer.exe', imagePath: null });
    expect(fake.key).not.toBe(real.key);
    expect(fake.normCommand).toBe('\u0456explorer.exe');
    expect(hasSuspiciousUnicode('\u0456explorer.exe')).toBe(true);
    expect(hasSuspiciousUnicode('BthHFEnum\u2000')).toBe(true);
    expect(hasSuspiciousUnicode('invoice\u202Efdp.exe')).toBe(true);
    expect(hasSuspiciousUnicode('a\u0007b')).toBe(true);
    expect(hasSuspiciousUnicode('ｃmd.exe')).toBe(true);
  });
  it('does not flag plain ASCII, ®, typographic quotes or wholly Cyrillic words', () => {
    for (const s of ['iexplorer.exe', 'NVIDIA® nForce(TM)', 'a user’s keys', 'C:\\Users\\иван\\x.exe', 'tab\there']) {
      expect(hasSuspiciousUnicode(s)).toBe(false);
    }
  });
  it('flags one suspicious character anywhere in otherwise plain text, and never plain text alone', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'\t\r\n !"#$%09:AZaz\\~'.split('')), maxLength: 40 });
    // One of each set: bidi override, zero-width, C0 control, DEL, C1 control, odd space, fullwidth, Cyrillic in a Latin word.
    const odd = fc.constantFrom('\u202E', '\u200B', '\u0001', '\u007F', '\u0085', '\u00A0', '\uFF41', 'a\u0456');
    fc.assert(fc.property(plain, plain, odd, (before, after, c) => hasSuspiciousUnicode(before + c + after) && !hasSuspiciousUnicode(before + after)));
  });
});

describe('identity', () => {
  it('schtasks and autoruns presentations of one task get the same identity', () => {
    const s = identityOf({ family: 'windows_task', name: '\\Microsoft\\Windows\\Time Synchronization\\SynchronizeTime', command: 'C:\\Windows\\system32\\sc.exe start w32time task_started', imagePath: null });
    const a = identityOf({ family: 'windows_task', name: '\\Microsoft\\Windows\\Time Synchronization\\SynchronizeTime', command: '"C:\\Windows\\system32\\sc.exe" start w32time task_started ', imagePath: 'c:\\windows\\system32\\sc.exe' });
    expect(a).toEqual(s);
    expect(a.key).toMatch(/^[0-9a-f]{64}$/);
    expect(a.executable).toBe('c:\\windows\\system32\\sc.exe');
  });
  it('family is part of the key; imagePath stands in for an empty command', () => {
    expect(identityOf({ family: 'windows_autorun', name: 'x', command: 'a.exe', imagePath: null }).key).not.toBe(task('x', 'a.exe').key);
    expect(identityOf({ family: 'windows_autorun', name: 'x', command: '', imagePath: 'C:\\A.exe' }).normCommand).toBe('c:\\a.exe');
  });
  it('every real autoruns record normalizes idempotently; homoglyph rows keep their own keys', () => {
    const recs = autorunsParser.parse(readSample('autoruns/limgreg_autoruns_bc8abbd_homoglyph.csv'), {}).records;
    for (const r of recs) {
      const id = identityOf(r);
      expect(normalizeCommand(id.normCommand, 'windows').normCommand).toBe(id.normCommand);
      expect(normalizeName(r.family, id.normName)).toBe(id.normName);
    }
    const flagged = recs.filter((r) => hasSuspiciousUnicode(`${r.name} ${r.command} ${r.imagePath ?? ''}`));
    // Autoruns names are Entry Location\\Entry; the flagged part is the value name.
    expect(flagged.map((r) => r.name.split('\\').pop()).sort()).toEqual(['BthHFEnum\u2000', 'SecurityHealth System Tray', 'iexplorer.exe', 'iexplorer.exe', 'notepad.exe', 'notepad.exe']);
  });

  it('per-user OneDrive tasks on two real hosts share one identity', () => {
    const pick = (f: string) =>
      autorunsParser.parse(readSample(`autoruns/${f}`), {}).records.find((r) => r.name.startsWith('\\OneDrive Reporting Task-S-1-5-21-'))!;
    const a = pick('limgreg_autorunslab2_banner.csv');
    const b = pick('limgreg_autorun_export3_t.csv');
    expect(a.name).not.toBe(b.name);
    expect(identityOf(a).key).toBe(identityOf(b).key);
  });
});

const WIN_PIECES = ['C:\\Users\\', 'alice', 'Bob', '\\', '"', ' ', '  ', '%TEMP%', '%SystemRoot%', '\\??\\', 'System32\\', 'sysnative', 'S-1-5-21-1-2-3-1001', '{DECC0DA2-1111-2222-3333-444455556666}', 'tmp1A.tmp', 'v1.2.3', '_2.0', 'rundll32 ', 'x.dll', ',Entry', '.exe', 'Program Files', 'HKCR\\CLSID\\', 'COM handler', '/x', 'é', 'і', 'Temp\\', 'DEADBEEF12', '\u2000'];
const UNIX_PIECES = ['/home/', '/Users/', 'alice', '/', '"', "'", ' ', '/tmp/', 'tmp.AbCdEf12', 'v1.2', '-1.0.3', 'deadbeef99', 'bin', 'Shared', ',x'];
const composed = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((a) => a.join(''));
const FAMILIES: JobFamily[] = ['windows_task', 'windows_autorun', 'cron', 'systemd_timer', 'launchd'];

describe('properties', () => {
  it('normalization is idempotent (commands and names)', () => {
    const input = fc.oneof(composed(WIN_PIECES), composed(UNIX_PIECES), fc.string(), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(input, fc.constantFrom(...FAMILIES), (s, family) => {
        const os = family.startsWith('windows') ? 'windows' : 'unix';
        const once = normalizeCommand(s, os);
        const twice = normalizeCommand(once.normCommand, os);
        expect(twice.normCommand).toBe(once.normCommand);
        expect(twice.executable).toBe(once.executable);
        const n = normalizeName(family, s);
        expect(normalizeName(family, n)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('commands differing only by user name or SID share a key', () => {
    const user = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,15}$/).filter((u) => !['public', 'default', 'shared'].includes(u.toLowerCase()));
    const sid = fc.array(fc.integer({ min: 0, max: 4294967295 }), { minLength: 4, maxLength: 4 }).map((p) => `S-1-5-21-${p.join('-')}`);
    fc.assert(
      fc.property(user, user, sid, sid, (u1, u2, s1, s2) => {
        const mk = (u: string, s: string) => ({
          win: task(`\\Updater-${s}`, `"C:\\Users\\${u}\\AppData\\Local\\App\\up.exe" /sid ${s}`).key,
          nix: identityOf({ family: 'cron', name: 'crontab:1', command: `/home/${u}/bin/job.sh --user-home /home/${u}`, imagePath: null }).key,
        });
        expect(mk(u1, s1)).toEqual(mk(u2, s2));
      }),
      { numRuns: 500 },
    );
  });
});
