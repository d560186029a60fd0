import { collapseWs, normUnixText, normWindowsLower } from './normalize-path';

export type OsFlavor = 'windows' | 'unix';

export interface NormalizedCommand {
  /** Executable identity: a path, a bare program name, `rundll32.exe|<dll>` or `com:{clsid}`. */
  executable: string;
  args: string;
  normCommand: string;
}

/** Only the first boundary is ever looked at (exec, not matchAll: no iterator per command). */
const EXT_BOUNDARY = /\.(?:exe|com|bat|cmd|ps1|vbs|js|dll)(?= |$)/i;
const HAS_EXT = /\.(?:exe|com|bat|cmd|ps1|vbs|js|dll)$/i;
const GUID = /\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}/i;

/** Without a family to go by: drive letters, backslashes and %VAR% mean Windows. */
export function guessOs(command: string): OsFlavor {
  return /^ *"?[a-z]:[\\/]|\\|%[a-z_]+%/i.test(command) ? 'windows' : 'unix';
}

/**
 * Split a Windows command line: a quoted executable, else the first `.exe|.com|...` boundary whose prefix is a
 * plausible path (so `C:\Program Files\Foo\bar.exe /x` keeps its spaces, while `foo /x c:\y.exe` does not
 * swallow its arguments), else the first token.
 */
function splitWindows(s: string): { exe: string; args: string; quoted: boolean } {
  if (s.startsWith('"')) {
    const end = s.indexOf('"', 1);
    if (end > 0) return { exe: s.slice(1, end), args: s.slice(end + 1).trim(), quoted: true };
  }
  const m = EXT_BOUNDARY.exec(s);
  if (m) {
    const prefix = s.slice(0, m.index + m[0].length);
    const pathLike = !prefix.includes(' ') || (/^(?:[a-z]:\\|\\\\|%)/i.test(prefix) && !/ [-/"]|"/.test(prefix));
    if (pathLike) return { exe: prefix, args: s.slice(prefix.length).trim(), quoted: false };
  }
  const sp = s.indexOf(' ');
  return sp < 0 ? { exe: s, args: '', quoted: false } : { exe: s.slice(0, sp), args: s.slice(sp + 1).trim(), quoted: false };
}

/** The text after the last backslash or slash (what splitting on both and taking the last piece gives, without the array). */
const basename = (p: string) => p.slice(Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/')) + 1);

/** `rundll32 foo.dll,Entry` runs foo.dll: the DLL, not rundll32, is what makes this job distinct. */
function resolveRundll32(args: string): { dll: string; rest: string } | null {
  let dll: string;
  let rest: string;
  if (args.startsWith('"')) {
    const end = args.indexOf('"', 1);
    if (end < 0) return null;
    dll = args.slice(1, end);
    rest = args.slice(end + 1);
  } else {
    const m = /^[^, ]+/.exec(args);
    if (!m) return null;
    dll = m[0];
    rest = args.slice(dll.length);
  }
  // `rundll32 shell32,Control_RunDLL` loads shell32.dll; only plain words get the implied extension.
  if (/^[a-z0-9_-]+$/i.test(basename(dll))) dll += '.dll';
  return { dll, rest: rest.trim() };
}

function joinCommand(executable: string, args: string, glueComma = false): string {
  if (!args) return executable;
  return glueComma && args.startsWith(',') ? `${executable}${args}` : `${executable} ${args}`;
}

function normalizeWindows(command: string): NormalizedCommand {
  // COM-handler actions: autorunsc prints HKCR\CLSID\{…}, schtasks prints "COM handler"; the CLSID is the
  // identity, so this is decided before GUID stripping.
  const lower = collapseWs(command.toLowerCase());
  if (/^com:\S*$/.test(lower)) return { executable: lower, args: '', normCommand: lower };
  const clsid =
    /^hkcr\\clsid\\(\{[^} ]+\})$/.exec(lower) ??
    (/^com handler\b/.test(lower) ? [lower, GUID.exec(lower)?.[0] ?? '?'] : null);
  if (clsid) {
    const executable = `com:${clsid[1]}`;
    return { executable, args: '', normCommand: executable };
  }
  const s = normWindowsLower(lower);
  // Already-normalized rundll32 identity (idempotence): `rundll32.exe|<dll>[,entry args]`.
  const pre = /^rundll32\.exe\|(.+?\.[a-z0-9]+)(?=,| |$)(.*)$/.exec(s);
  if (pre) return { executable: `rundll32.exe|${pre[1]}`, args: pre[2].trim(), normCommand: s };
  const { exe, args, quoted } = splitWindows(s);
  const base = basename(exe);
  if (base === 'rundll32' || base === 'rundll32.exe') {
    const r = resolveRundll32(args);
    if (r) {
      const executable = `rundll32.exe|${r.dll}`;
      return { executable, args: r.rest, normCommand: joinCommand(executable, r.rest, true) };
    }
  }
  // Quotes are dropped only when the split stays unambiguous on a second pass (idempotence).
  const keepQuotes = quoted && (exe === '' || (exe.includes(' ') && !HAS_EXT.test(exe)));
  const executable = keepQuotes ? `"${exe}"` : exe;
  return { executable, args, normCommand: joinCommand(executable, args) };
}

function normalizeUnix(command: string): NormalizedCommand {
  const s = normUnixText(command);
  let exe: string;
  let args: string;
  let quoted = false;
  const q = s[0];
  if ((q === '"' || q === "'") && s.indexOf(q, 1) > 0) {
    const end = s.indexOf(q, 1);
    [exe, args, quoted] = [s.slice(1, end), s.slice(end + 1).trim(), true];
  } else {
    const sp = s.indexOf(' ');
    [exe, args] = sp < 0 ? [s, ''] : [s.slice(0, sp), s.slice(sp + 1)];
  }
  const executable = quoted && (exe === '' || exe.includes(' ')) ? `${q}${exe}${q}` : exe;
  return { executable, args, normCommand: collapseWs(args ? `${executable} ${args}` : executable) };
}

/**
 * The rules interact (a stripped `\??\` can expose `COM handler`, dropping quotes can change the split), so the
 * result is the fixpoint of one pass: this is what makes norm(norm(x)) == norm(x) hold for the stored key.
 */
export function normalizeCommand(command: string, os: OsFlavor = guessOs(command)): NormalizedCommand {
  const pass = os === 'windows' ? normalizeWindows : normalizeUnix;
  let cur = pass(command);
  for (let i = 0; i < 5; i++) {
    const next = pass(cur.normCommand);
    if (next.normCommand === cur.normCommand && next.executable === cur.executable) break;
    cur = next;
  }
  return cur;
}

/** The normalized executable identity of a command line (see NormalizedCommand.executable). */
export function executableOf(command: string, os: OsFlavor = guessOs(command)): string {
  return normalizeCommand(command, os).executable;
}
