/** Jobs dressed up as Microsoft: stock task paths, system binary names or Microsoft metadata on foreign files. */
import { imageOf } from './input';
import { inWindowsSystemDir } from './path';
import { basename, stem } from './signals';
import { CORE_PROCESSES } from './names';
import type { Heuristic } from './types';

const hit = (id: string, detail: string) => ({ id, detail });
const WIN: Heuristic['appliesTo'] = ['windows_task', 'windows_autorun'];

/** Where Microsoft's own scheduled tasks and autoruns keep their binaries. */
const MICROSOFT_HOMES =
  /^(?:c:\\windows\\|c:\\program files(?: \(x86\))?\\(?:windows [^\\]+|microsoft[^\\]*|common files\\microsoft shared|internet explorer|ruxim|windowsapps)\\|c:\\programdata\\microsoft\\(?:windows defender|windows\\)|c:\\users\\[^\\]+\\appdata\\local\\microsoft\\)/i;
const MS_SIGNER = /microsoft/i;

export const masqueradeHeuristics: Heuristic[] = [
  {
    id: 'TL-MASQ-MSTASK-FOREIGN-CMD',
    title: 'Task under \\Microsoft\\Windows\\ runs a non-Microsoft command',
    explanation: 'Attackers hide in or hijack stock task paths; a Microsoft task whose binary is outside Windows folders or not Microsoft-signed is a classic hijack.',
    attack: 'T1036.004',
    family: 'masquerade',
    severity: 4,
    appliesTo: WIN,
    examples: {
      positive: [
        { name: '\\Microsoft\\Windows\\Defrag\\ScheduledDefrag', command: 'C:\\Users\\Public\\defrag.exe' },
        { name: '\\Microsoft\\Windows\\WDI\\ResolutionHost', command: 'c:\\windows\\system32\\wdi.exe', signer: 'Evil Corp', verified: true },
      ],
      negative: [
        { name: '\\Microsoft\\Windows\\Defrag\\ScheduledDefrag', command: '%windir%\\system32\\defrag.exe -c -h -o' },
        { name: '\\Microsoft\\Windows\\Maps\\MapsUpdateTask', command: 'HKCR\\CLSID\\{B9033E87-33CF-4D77-BC9B-895AFBBA72E4}' },
        { name: '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan', command: '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.2\\MpCmdRun.exe" Scan' },
      ],
    },
    test(i) {
      if (!i.normName.startsWith('\\microsoft\\windows\\') && !/^task scheduler\\?.*\\microsoft\\windows\\/.test(i.normName)) return null;
      if (i.executable.startsWith('com:')) return null;
      const img = imageOf(i);
      if (i.signer && !MS_SIGNER.test(i.signer)) return hit(this.id, `Microsoft task path runs ${basename(img)} signed by ${i.signer}`);
      if (/^[a-z]:\\/i.test(img) && !MICROSOFT_HOMES.test(img)) return hit(this.id, `Microsoft task path runs ${img}`);
      return null;
    },
  },
  {
    id: 'TL-MASQ-SYSPROC-PATH',
    title: 'Core Windows process name outside System32',
    explanation: 'A real svchost.exe or lsass.exe only lives in System32/SysWOW64; the same name elsewhere is impersonation.',
    attack: 'T1036.005',
    family: 'masquerade',
    severity: 5,
    appliesTo: WIN,
    examples: {
      positive: [{ command: 'C:\\Users\\a\\AppData\\Roaming\\svchost.exe' }, { command: 'C:\\ProgramData\\lsass.exe' }],
      negative: [{ command: 'C:\\Windows\\System32\\svchost.exe -k netsvcs' }, { command: 'C:\\Windows\\explorer.exe' }, { command: 'svchost.exe -k x' }],
    },
    test(i) {
      const img = imageOf(i);
      if (!/^[a-z]:\\/i.test(img) || !/\.exe$/i.test(img)) return null;
      const name = stem(img);
      if (!CORE_PROCESSES.includes(name) || inWindowsSystemDir(img) || /^c:\\program files(?: \(x86\))?\\internet explorer\\/i.test(img)) return null;
      return hit(this.id, `${basename(img)} runs from ${img}`);
    },
  },
  {
    id: 'TL-MASQ-MS-METADATA',
    title: 'Claims to be Microsoft but lives outside Microsoft folders',
    explanation: 'Version-info "Microsoft Corporation" or a Microsoft description on a file outside Windows/Program Files and without a verified signature is copied metadata.',
    attack: 'T1036.005',
    family: 'masquerade',
    severity: 4,
    appliesTo: WIN,
    examples: {
      positive: [
        { family: 'windows_autorun', name: 'EvilRunOnce', command: 'C:\\malware\\evil.exe', imagePath: 'c:\\malware\\evil.exe', company: 'Microsoft Corporation', description: 'Windows Command Processor' },
        { family: 'windows_autorun', name: 'X', command: 'C:\\Users\\Public\\x.exe', signer: '(Not verified) Microsoft Windows', verified: false },
      ],
      negative: [
        { family: 'windows_autorun', name: 'X', command: 'C:\\Windows\\System32\\cmd.exe', company: 'Microsoft Corporation' },
        { family: 'windows_autorun', name: 'OneDrive', command: 'C:\\Users\\a\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe', company: 'Microsoft Corporation' },
        { family: 'windows_autorun', name: 'X', command: 'C:\\Tools\\x.exe', company: 'Microsoft Corporation', verified: true, signer: 'Microsoft Corporation' },
      ],
    },
    test(i) {
      if (i.verified === true) return null;
      const claim = [i.company, i.signer].find((v) => v && MS_SIGNER.test(v));
      if (!claim) return null;
      const img = imageOf(i);
      if (!/^[a-z]:\\/i.test(img) || MICROSOFT_HOMES.test(img)) return null;
      return hit(this.id, `${basename(img)} claims "${claim}" but runs from ${img}`);
    },
  },
];
