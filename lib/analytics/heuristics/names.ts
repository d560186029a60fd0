/** Job names: GUID or random-looking names, and look-alikes of core Windows process names. */
import { basename, isWindows, stem } from './signals';
import { imageOf } from './input';
import type { Heuristic, HeuristicInput } from './types';

const hit = (id: string, detail: string) => ({ id, detail });
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** The last path component of a task name or an autorun's location\value, or the label / unit name for Unix jobs. */
function leafName(i: HeuristicInput): string {
  if (i.family === 'windows_task' || i.family === 'windows_autorun') return i.name.split('\\').filter(Boolean).pop() ?? i.name;
  if (i.family === 'systemd_timer') return i.name.replace(/\.(?:timer|service)$/, '');
  return i.name;
}

/** Random-looking: long enough, no separators, and either hex-only with digits or almost no vowels. */
export function looksRandom(s: string): boolean {
  if (!/^[A-Za-z0-9]{8,40}$/.test(s)) return false;
  if (/^[0-9a-f]+$/i.test(s) && /\d/.test(s) && /[a-f]/i.test(s)) return true;
  const letters = s.replace(/[^A-Za-z]/g, '');
  const vowels = letters.replace(/[^aeiouyAEIOUY]/g, '').length;
  const digits = s.replace(/\D/g, '').length;
  // Real words have ~35-40% vowels; product names with version digits still have some.
  return letters.length >= 6 && vowels / letters.length < 0.15 && digits >= 2;
}

/** Core Windows processes that attackers imitate; their genuine homes are System32/SysWOW64 or the Windows folder. */
export const CORE_PROCESSES = [
  'svchost', 'lsass', 'csrss', 'winlogon', 'wininit', 'services', 'smss', 'spoolsv', 'taskhost', 'taskhostw', 'explorer',
  'taskhostex', 'rundll32', 'conhost', 'dllhost', 'lsm', 'iexplore', 'taskmgr', 'userinit', 'ctfmon', 'searchindexer', 'sihost',
];

/** One row of the distance table, reused: core process names are short. */
const row = new Int32Array(Math.max(...CORE_PROCESSES.map((p) => p.length)) + 1);

/**
 * Levenshtein distance from `a` to the core process name `b`, capped: anything over `max` is `max + 1`, since no
 * caller accepts more. A row whose smallest cell is over `max` ends the comparison; the table was allocated per
 * call before, and this was the second costliest heuristic of a first ingest.
 */
function distance(a: string, b: string, max: number): number {
  for (let y = 0; y <= b.length; y++) row[y] = y;
  for (let x = 1; x <= a.length; x++) {
    let diagonal = row[0];
    let smallest = (row[0] = x);
    const ch = a.charCodeAt(x - 1);
    for (let y = 1; y <= b.length; y++) {
      const above = row[y];
      const cell = Math.min(above + 1, row[y - 1] + 1, diagonal + (ch === b.charCodeAt(y - 1) ? 0 : 1));
      row[y] = cell;
      if (cell < smallest) smallest = cell;
      diagonal = above;
    }
    if (smallest > max) return max + 1;
  }
  return Math.min(row[b.length], max + 1);
}

/** Digit-for-letter swaps (svch0st, 1sass) are folded first so they count as exact look-alikes. */
const unleet = (s: string) => s.replace(/0/g, 'o').replace(/1/g, 'l').replace(/3/g, 'e').replace(/5/g, 's').replace(/\$/g, 's');

export function lookalikeOf(name: string): string | null {
  const n = name.toLowerCase();
  if (n.length < 4 || CORE_PROCESSES.includes(n)) return null;
  const folded = unleet(n);
  for (const real of CORE_PROCESSES) {
    // No match is accepted beyond distance 2, and the distance is at least the length difference: skipping those
    // spares most of the comparisons (this was 6 % of a first ingest's CPU), same answers.
    if (real.length < 5 || Math.abs(folded.length - real.length) > 2) continue;
    const d = distance(folded, real, 2);
    if (d === 0 || (d === 1 && real.length >= 5) || (d === 2 && real.length >= 7 && n[0] === real[0])) return real;
  }
  return null;
}

export const nameHeuristics: Heuristic[] = [
  {
    id: 'TL-NAME-GUID',
    title: 'Task named only by a GUID',
    explanation: 'Malware frameworks register tasks named {GUID} to blend with COM-registered tasks; vendors add a product name.',
    attack: 'T1053.005',
    family: 'name',
    severity: 2,
    reference: 'Sigma: Suspicious Scheduled Task Name As GUID (ff2fff64-4cd6-4a2b-ba7d-e28a30bbe66b)',
    appliesTo: ['windows_task', 'windows_autorun', 'launchd', 'systemd_timer'],
    examples: {
      positive: [{ name: '\\{5A2B1C3D-1111-2222-3333-444455556666}', command: 'c:\\x\\a.exe' }, { family: 'launchd', name: '0c9f5a77-5a1f-4a6e-9a8e-2a5d9b0c7e11', command: '/x' }],
      negative: [{ name: '\\GoogleUpdateTaskMachineCore{CF8953F0-7413-4BC6-94A3-B0282ACC3AE4}', command: 'c:\\x\\a.exe' }],
    },
    test(i) {
      // Autoruns lists COM registrations (BHOs, shell extensions) by CLSID; only its scheduled tasks count here.
      if (i.family === 'windows_autorun' && !/task/i.test(i.kind ?? '')) return null;
      const leaf = leafName(i);
      return GUID.test(leaf) ? hit(this.id, `named ${leaf}`) : null;
    },
  },
  {
    id: 'TL-NAME-RANDOM',
    title: 'Random-looking job or executable name',
    explanation: 'Generated names (hex strings, consonant soup) are typical of droppers that avoid fixed indicators.',
    attack: 'T1036',
    family: 'name',
    severity: 2,
    examples: {
      positive: [{ name: '\\a3f9c21be7d4', command: 'c:\\x\\a.exe' }, { name: '\\Updater', command: 'C:\\Users\\a\\AppData\\Local\\Temp\\xkqzvbt42w.exe' }],
      negative: [{ name: '\\OneDrive Standalone Update Task', command: 'c:\\x\\onedrive.exe' }, { name: '\\Backup', command: 'c:\\x\\msedge.exe' }],
    },
    test(i) {
      const leaf = leafName(i);
      if (looksRandom(leaf)) return hit(this.id, `name "${leaf}" looks generated`);
      const exe = basename(imageOf(i)).replace(/\.[a-z0-9]{1,4}$/i, '');
      return looksRandom(exe) ? hit(this.id, `executable "${basename(imageOf(i))}" looks generated`) : null;
    },
  },
  {
    id: 'TL-NAME-SYSPROC-LOOKALIKE',
    title: 'Name imitates a core Windows process (svch0st, lsasss, scvhost)',
    explanation: 'One-letter typos and digit swaps of svchost, lsass or explorer are made to survive a quick glance.',
    attack: 'T1036.005',
    family: 'name',
    severity: 4,
    examples: {
      positive: [{ command: 'C:\\Windows\\svch0st.exe' }, { command: 'C:\\ProgramData\\lsasss.exe' }, { command: 'c:\\x\\scvhost.exe -k' }, { name: '\\explorrer', command: 'c:\\x\\a.exe' }],
      negative: [{ command: 'C:\\Windows\\System32\\svchost.exe -k netsvcs' }, { command: 'c:\\x\\services-helper.exe' }, { name: '\\Services', command: 'c:\\x\\a.exe' }],
    },
    test(i) {
      // Only .exe images: DLLs and drivers (sechost.dll, wininet.dll, winnat.sys) are real near-namesakes.
      const img = imageOf(i);
      const real = isWindows(i) && /\.exe$/i.test(img) ? lookalikeOf(stem(img)) : null;
      if (real) return hit(this.id, `executable ${basename(img)} imitates ${real}.exe`);
      // Autorun entry names are service/value names (Spooler, WinNat), so only task and Unix job names are compared.
      if (i.family === 'windows_autorun') return null;
      const leaf = leafName(i).replace(/\.exe$/i, '');
      const realName = lookalikeOf(leaf);
      return realName ? hit(this.id, `name "${leaf}" imitates ${realName}`) : null;
    },
  },
];
