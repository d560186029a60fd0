/** Attributes that hide a job or weaken the host's own defences, and missing or unverified signatures. */
import { hasSuspiciousUnicode } from '@/lib/ingest/normalize';
import { imageOf } from './input';
import type { Heuristic } from './types';

const hit = (id: string, detail: string) => ({ id, detail });
const WIN: Heuristic['appliesTo'] = ['windows_task', 'windows_autorun'];

/** Escape invisible characters so the reason shows what was found (U+202E, U+200B...). */
function reveal(s: string): string {
  return [...s]
    .map((c) => (/[\u0000-\u001F\u007F-\u009F\u00A0\u2000-\u200F\u2028-\u202F\u205F-\u206F\uFEFF]|[^\x00-\x7F]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c))
    .join('');
}

const SECURITY_TASKS =
  /\\microsoft\\windows\\(?:windows defender|exploitguard|updateorchestrator|windowsupdate|waasmedic|systemrestore|bitlocker|windows error reporting\\queuereporting|appid|device guard|application experience\\programdataupdater)\\|mpcmdrun|windows defender/i;

export const stealthHeuristics: Heuristic[] = [
  {
    id: 'TL-STEALTH-HIDDEN-TASK',
    title: 'Hidden scheduled task outside \\Microsoft\\',
    explanation: 'The Hidden flag keeps a task out of the Task Scheduler UI; Microsoft uses it for its own tasks, third parties rarely do.',
    attack: 'T1564',
    family: 'stealth',
    severity: 3,
    appliesTo: ['windows_task'],
    examples: {
      positive: [{ name: '\\Updater', command: 'c:\\x\\u.exe', hidden: true }],
      negative: [
        { name: '\\Microsoft\\Windows\\RemoteAssistance\\RemoteAssistanceTask', command: '%windir%\\system32\\RAServer.exe', hidden: true },
        { name: '\\Updater', command: 'c:\\x\\u.exe', hidden: false },
      ],
    },
    test(i) {
      if (i.hidden !== true || i.normName.startsWith('\\microsoft\\')) return null;
      return hit(this.id, `task ${i.name} is hidden`);
    },
  },
  {
    id: 'TL-STEALTH-UNICODE',
    title: 'Homoglyphs, invisible or control characters in name or command',
    explanation: 'Mixed-script letters, RTLO and zero-width characters make a job look like a familiar one.',
    attack: 'T1036.002',
    family: 'stealth',
    severity: 4,
    examples: {
      positive: [
        { command: 'C:\\Windows\\\u0456explorer.exe' },
        { name: '\\Update\u202Egpj.exe', command: 'c:\\x\\a.exe' },
        { family: 'cron', command: '/usr/bin/ls\u200B' },
      ],
      negative: [{ command: 'C:\\Windows\\explorer.exe' }, { name: '\\Задача', command: 'c:\\x\\a.exe' }],
    },
    test(i) {
      for (const [field, value] of [['name', i.name], ['command', i.command], ['image', i.imagePath ?? '']] as const) {
        if (value && hasSuspiciousUnicode(value)) return hit(this.id, `${field} contains look-alike or invisible characters: ${reveal(value).slice(0, 120)}`);
      }
      return null;
    },
  },
  {
    id: 'TL-STEALTH-DISABLED-SECURITY-TASK',
    title: 'Security or update task disabled',
    explanation: 'Disabling Defender, Windows Update or restore tasks is a defence-evasion step; re-enable unless there is a reason.',
    attack: 'T1562.001',
    family: 'stealth',
    severity: 3,
    reference: 'Sigma: Disable Important Scheduled Task (9ac94dc8-9042-493c-ba45-3b5e7c86b980)',
    appliesTo: WIN,
    examples: {
      positive: [
        { name: '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan', command: '"C:\\Program Files\\Windows Defender\\MpCmdRun.exe" Scan', enabled: false },
        { name: '\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan', command: 'c:\\windows\\system32\\usoclient.exe StartScan', enabled: false },
      ],
      negative: [
        { name: '\\Microsoft\\Windows\\Windows Defender\\Windows Defender Scheduled Scan', command: 'x', enabled: true },
        { name: '\\Microsoft\\Windows\\Maps\\MapsUpdateTask', command: 'com:{x}', enabled: false },
      ],
    },
    test(i) {
      if (i.enabled !== false) return null;
      return SECURITY_TASKS.test(i.normName) || SECURITY_TASKS.test(i.normCommand) ? hit(this.id, `security task ${i.name} is disabled`) : null;
    },
  },
  {
    id: 'TL-SIG-FILE-NOT-FOUND',
    title: 'Image file not found',
    explanation: 'An autostart pointing at a missing file is either leftover junk or a slot waiting to be filled by an attacker.',
    attack: 'T1574',
    family: 'signature',
    severity: 2,
    appliesTo: WIN,
    examples: {
      positive: [{ family: 'windows_autorun', name: 'Updater', command: 'c:\\x\\gone.exe', fileNotFound: true }],
      negative: [{ family: 'windows_autorun', name: 'Updater', command: 'c:\\x\\here.exe', fileNotFound: false }],
    },
    test(i) {
      return i.fileNotFound ? hit(this.id, `image ${i.imagePath ?? imageOf(i)} does not exist`) : null;
    },
  },
  {
    id: 'TL-SIG-UNVERIFIED',
    title: 'Signature not verified',
    explanation: 'Autoruns could not verify the image\'s signature (unsigned, tampered or untrusted); most stock images verify.',
    attack: 'T1553.002',
    family: 'signature',
    severity: 3,
    appliesTo: WIN,
    examples: {
      positive: [{ family: 'windows_autorun', name: 'X', command: 'c:\\x\\a.exe', verified: false, signer: 'Evil Ltd' }],
      negative: [
        { family: 'windows_autorun', name: 'X', command: 'c:\\x\\a.exe', verified: true, signer: 'Microsoft Windows' },
        { family: 'windows_autorun', name: 'X', command: 'c:\\x\\a.exe', verified: null },
      ],
    },
    test(i) {
      if (i.verified !== false || i.fileNotFound) return null;
      return hit(this.id, `signature not verified${i.signer ? ` (claims ${i.signer})` : ''}`);
    },
  },
];
