/**
 * Shared evidence extractors. Several heuristics combine the same facts (a user-writable path AND a SYSTEM
 * principal, a boot trigger AND a suspicious command), so the facts live here once, not copied per rule.
 */
import { imageOf } from './input';
import type { HeuristicInput } from './types';

export const isWindows = (i: HeuristicInput) => i.family === 'windows_task' || i.family === 'windows_autorun';

export const basename = (p: string) => (p.split(/[\\/]/).pop() ?? p).replace(/^"|"$/g, '');

/** Lower-cased Windows basename without extension, for comparing program names. */
export const stem = (p: string) => basename(p).toLowerCase().replace(/\.(?:exe|com|bat|cmd|dll)$/, '');

/** Raw and normalized command text together: raw keeps base64 case, normalized has env vars expanded. */
export const commandText = (i: HeuristicInput) => `${i.command} ${i.normCommand}`;

const WIN_EXEC_EXT = 'exe|dll|ps1|psm1|bat|cmd|vbs|vbe|js|jse|wsf|wsh|hta|scr|com|cpl|msi|jar|py|lnk|sct|ocx';
const WIN_PATH = new RegExp(String.raw`(?:[a-z]:\\|\\\\)[^"<>|]*?\.(?:${WIN_EXEC_EXT})(?![a-z0-9])`, 'g');
const UNIX_INTERPRETERS = /^(?:ba|da|z|k|c|tc)?sh$|^python[0-9.]*$|^perl$|^ruby$|^php[0-9.]*$|^node$|^osascript$|^source$|^\.$/;
const UNIX_WRAPPERS = new Set(['nohup', 'sudo', 'exec', 'nice', 'ionice', 'setsid', 'env', 'time', 'flock', 'timeout', 'chronic']);

/** Windows: every path with an executable/script extension (not redirect targets); the image comes first. */
function windowsLaunched(i: HeuristicInput): string[] {
  const out = [imageOf(i)];
  const text = i.normCommand.replace(/\d?>>?\s*\S+/g, ' ');
  for (const m of text.matchAll(WIN_PATH)) {
    // A lazy match can start at an earlier argument path; keep only the last drive-rooted part.
    const p = m[0];
    const starts = [...p.matchAll(/[a-z]:\\/g)].map((x) => x.index ?? 0);
    out.push(p.slice(starts.length ? starts[starts.length - 1] : 0));
  }
  return [...new Set(out.filter(Boolean))];
}

/** Unix: the program of every pipeline/list segment, plus the script an interpreter is given. */
function unixLaunched(i: HeuristicInput): string[] {
  const out = [imageOf(i)];
  const segments = i.normCommand.split(/&&|\|\||[;|&`]|\$\(/);
  for (const seg of segments) {
    const toks = seg.trim().replace(/["']/g, '').split(/\s+/).filter(Boolean);
    let k = 0;
    while (k < toks.length && (UNIX_WRAPPERS.has(basename(toks[k])) || /^-|^\d+[smhd]?$|^[A-Z_]+=/.test(toks[k]))) k++;
    const head = toks[k];
    if (!head) continue;
    out.push(head);
    if (UNIX_INTERPRETERS.test(basename(head))) {
      const script = toks.slice(k + 1).find((t) => !t.startsWith('-'));
      if (script && /[/]/.test(script)) out.push(script);
    }
  }
  return [...new Set(out.filter(Boolean))];
}

const launched = new WeakMap<HeuristicInput, readonly string[]>();

/** Paths (or program names) this job causes to execute, best effort from the command line (memoized as imageOf is). */
export function launchedPaths(i: HeuristicInput): readonly string[] {
  let paths = launched.get(i);
  if (paths === undefined) launched.set(i, (paths = isWindows(i) ? windowsLaunched(i) : unixLaunched(i)));
  return paths;
}

/** Folders any local user can write to: a job running from one can be replaced by anyone on the host. */
const WIN_WRITABLE: [RegExp, string][] = [
  [/\\appdata\\local\\temp\\|^[a-z]:\\windows\\temp\\|^[a-z]:\\(?:temp|tmp)\\|\\temp\\/, 'a Temp folder'],
  [/^c:\\users\\[^\\]+\\appdata\\/, 'C:\\Users\\*\\AppData'],
  [/^c:\\users\\public\\/, 'C:\\Users\\Public'],
  [/^c:\\users\\[^\\]+\\(?:downloads|desktop|documents|music|pictures|videos)\\/, 'a user profile folder'],
  [/^c:\\perflogs\\/, 'C:\\PerfLogs'],
  [/^c:\\users\\default\\/, 'C:\\Users\\Default'],
];
const UNIX_WRITABLE: [RegExp, string][] = [
  [/^\/(?:private\/)?tmp\//, '/tmp'],
  [/^\/var\/tmp\//, '/var/tmp'],
  [/^\/dev\/shm\//, '/dev/shm'],
  [/^\/run\/shm\//, '/run/shm'],
  [/^\/Users\/Shared\//, '/Users/Shared'],
  [/^\/var\/folders\//, '/var/folders'],
  [/^\/(?:home|Users)\/[^/]+\/Downloads\//, 'a Downloads folder'],
];

export interface PathEvidence {
  path: string;
  where: string;
}

/** The first launched path in a user-writable folder, with a label for the folder. */
export function userWritable(i: HeuristicInput): PathEvidence | null {
  const table = isWindows(i) ? WIN_WRITABLE : UNIX_WRITABLE;
  for (const p of launchedPaths(i)) {
    const path = isWindows(i) ? p.toLowerCase() : p;
    for (const [re, where] of table) if (re.test(path)) return { path: p, where };
  }
  return null;
}

/** Windows built-in accounts with full control of the host, and root. */
export function privilegedPrincipal(i: HeuristicInput): string | null {
  const r = (i.runAs ?? '').trim();
  if (/^(?:nt authority\\)?(?:system|localsystem)$|^s-1-5-18$/i.test(r)) return r;
  if (!isWindows(i) && (r === 'root' || r === '0')) return r;
  return null;
}

export const DOWNLOAD_PS =
  /\b(?:downloadstring|downloadfile|downloaddata|openread|net\.webclient|invoke-webrequest|invoke-restmethod|start-bitstransfer|iwr|irm|wget|curl)\b[^|]*?https?:\/\/|\b(?:downloadstring|downloadfile|downloaddata|net\.webclient)\b/i;
export const PIPE_TO_SHELL =
  /\b(?:curl|wget|fetch)\b[^|;&]*\|\s*(?:sudo\s+)?(?:\/\S*\/)?(?:ba|da|z|k)?sh\b|\b(?:curl|wget)\b[^|;&]*\|\s*(?:\/\S*\/)?python[0-9.]*\b|(?:ba)?sh\s+<\(\s*(?:curl|wget)\b|\b(?:ba)?sh\s+-c\s+["']?\$\(\s*(?:curl|wget)\b/i;
export const REVERSE_SHELL =
  /\/dev\/(?:tcp|udp)\/|\b(?:nc|ncat|netcat)\b[^|;]*\s-[a-z]*[ec]\s|\bbash\s+-i\s*[>&]|\bsocat\b[^|;]*\bexec:|\bsocket\.socket\b[\s\S]*\b(?:subprocess|pty\.spawn|os\.dup2)|\bfsockopen\s*\(|\buse\s+socket\b|mkfifo\b[^|;]*[;|&][^;]*\b(?:nc|ncat|telnet)\b|\b0<&\d+/i;
export const ENCODED_PS = /(?:^|\s)[-/]e(?:nc|nco|ncodedcommand|ncodedcomman|ncodedcomma|ncoded|c)?\s+[a-z0-9+/=]{16,}/i;
