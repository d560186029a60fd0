/**
 * Text rules shared by name and command normalization (PRODUCT.md §3): they make one job on many hosts look
 * the same, and nothing else. Each rule is idempotent on its own output so that norm(norm(x)) == norm(x).
 */

/** Only ASCII whitespace is collapsed/trimmed: U+2000 and friends are homoglyph tricks and must stay visible. */
export const ASCII_WS = /[ \t\r\n\f\v]+/g;
const EDGE_SPACE = /^ | $/g;
/**
 * Most text is already collapsed: one test decides, and only text that needs it pays for the two replaces. A regex
 * rather than a charCodeAt loop: V8 runs it as native code, about twice as fast (node 20, 2026-11-23), and collapseWs
 * runs several times per name and command.
 */
const NEEDS_COLLAPSE = /^ | $| {2}|[\t\n\v\f\r]/;
export const collapseWs = (s: string) => (NEEDS_COLLAPSE.test(s) ? s.replace(ASCII_WS, ' ').replace(EDGE_SPACE, '') : s);

const TOKEN_START = String.raw`(^|[ "'=,;(])`;

/** Canonical forms assume the usual C: system drive; per-user folders collapse to the `*` user. */
const WINDOWS_ENV: Record<string, string> = {
  systemroot: 'c:\\windows',
  windir: 'c:\\windows',
  programfiles: 'c:\\program files',
  'programfiles(x86)': 'c:\\program files (x86)',
  programw6432: 'c:\\program files',
  programdata: 'c:\\programdata',
  allusersprofile: 'c:\\programdata',
  systemdrive: 'c:',
  commonprogramfiles: 'c:\\program files\\common files',
  'commonprogramfiles(x86)': 'c:\\program files (x86)\\common files',
  commonprogramw6432: 'c:\\program files\\common files',
  localappdata: 'c:\\users\\*\\appdata\\local',
  appdata: 'c:\\users\\*\\appdata\\roaming',
  userprofile: 'c:\\users\\*',
  temp: 'c:\\users\\*\\appdata\\local\\temp',
  tmp: 'c:\\users\\*\\appdata\\local\\temp',
  public: 'c:\\users\\public',
};

const SID = /s-1-(?:5-21|12-1)(?:-\d+){3,5}/gi;
const GUID_BODY = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const GUID = new RegExp(String.raw`\{${GUID_BODY}\}|(?<![0-9a-z-])${GUID_BODY}(?![0-9a-z-])`, 'gi');
/** GUIDs right after these markers are class ids (fixed per component), not per-install randomness. */
const CLSID_CONTEXT = /(?:clsid\\|:::|com:)$/i;
const VERSION = /(^|[^0-9a-z.])[vV]?\d+(?:\.\d+)+(?![0-9a-zA-Z])/g;
/** GetTempFileName (`tmp1A2B.tmp`), Office/OLE (`~DF1234.tmp`) anywhere; hex-named files inside temp folders. */
const TEMP_FILE = /(?<![0-9a-z])(?:tmp[0-9a-f]{1,8}|~df[0-9a-f]{4,})\.tmp(?![0-9a-z])/gi;
const WIN_TEMP_COMPONENT = /(\\(?:temp|tmp)\\(?:[^\\ "]+\\)*)([0-9a-f]{8,})(?=\.[0-9a-z]{1,4}(?![0-9a-z])|[\\ "]|$)/gi;
const UNIX_TEMP_COMPONENT = /(\/(?:tmp|var\/tmp)\/(?:[^/ "']+\/)*)(tmp\.[0-9A-Za-z]{6,}|[0-9a-fA-F]{8,})(?=\.[0-9a-z]{1,4}(?![0-9a-z])|[/ "']|$)/g;

// Every rule below first asks whether the text can match at all (a substring or a one-character-class test the
// regex could not match without); most paths and command lines carry no SID, GUID, temp name or NT prefix, and
// the fast test is several times cheaper than a replace that finds nothing.
const SID_HINT = /s-1-/i;
const VERSION_HINT = /\d\.\d/;
const TEMP_FILE_HINT = /\.tmp/i;
const WIN_TEMP_HINT = /\\te?mp\\/i;

export function stripSids(s: string): string {
  return SID_HINT.test(s) ? s.replace(SID, '<sid>') : s;
}

export function stripGuids(s: string): string {
  if (s.length < 36 || !s.includes('-')) return s;
  return s.replace(GUID, (m, offset: number) => (CLSID_CONTEXT.test(s.slice(0, offset)) ? m : '<guid>'));
}

export function stripVersions(s: string): string {
  return VERSION_HINT.test(s) ? s.replace(VERSION, (_m, pre: string) => `${pre}<ver>`) : s;
}

const ENV_VAR = /%([a-z0-9_()]+)%/g;
export function expandWindowsEnv(lower: string): string {
  return lower.includes('%') ? lower.replace(ENV_VAR, (m, name: string) => WINDOWS_ENV[name] ?? m) : lower;
}

const NT_PREFIX = new RegExp(String.raw`${TOKEN_START}(?:\\\?\?\\|\\\\\?\\)+`, 'g');
const SYSTEMROOT_PREFIX = new RegExp(String.raw`${TOKEN_START}\\systemroot\\`, 'g');
const BARE_SYSTEM32 = new RegExp(String.raw`${TOKEN_START}system32\\`, 'g');
const SYSNATIVE = /([a-z]:\\windows\\)sysnative(?=\\|$|[ "])/g;

/** Whether `needle` occurs where TOKEN_START lets a rule match: at the start or after one of its characters. */
function atTokenStart(s: string, needle: string): boolean {
  for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
    if (i === 0 || ` "'=,;(`.includes(s[i - 1])) return true;
  }
  return false;
}

/** Native NT prefixes (`\??\`, `\SystemRoot\`, bare `system32\` in driver ImagePaths) and the WOW64 alias. */
export function canonWindowsPrefixes(lower: string): string {
  let t = lower;
  if (t.includes('?\\')) t = t.replace(NT_PREFIX, '$1');
  if (t.includes('\\systemroot\\')) t = t.replace(SYSTEMROOT_PREFIX, '$1c:\\windows\\');
  // Nearly every command holds `system32\\`, almost never at a token start: only then is the replace worth running.
  if (atTokenStart(t, 'system32\\')) t = t.replace(BARE_SYSTEM32, '$1c:\\windows\\system32\\');
  if (t.includes('sysnative')) t = t.replace(SYSNATIVE, '$1system32');
  return t;
}

export function collapseWindowsUsers(lower: string): string {
  if (!lower.includes(':\\users\\') && !lower.includes(':\\documents and settings\\')) return lower;
  return lower.replace(
    /([a-z]:\\(?:users|documents and settings)\\)([^\\" ]+)(?=\\|$|[ "])/g,
    (m, pre: string, user: string) => (['public', 'default', 'all users', '*'].includes(user) ? m : `${pre}*`),
  );
}

export function collapseUnixUsers(s: string): string {
  if (!s.includes('/home/') && !s.includes('/Users/')) return s;
  return s
    .replace(/(^|[ "'=:;,(])\/home\/([^/ "']+)(?=\/|$|[ "'])/g, (m, pre: string, u: string) => (u === '*' ? m : `${pre}/home/*`))
    .replace(/(^|[ "'=:;,(])\/Users\/([^/ "']+)(?=\/|$|[ "'])/g, (m, pre: string, u: string) =>
      u === '*' || u === 'Shared' ? m : `${pre}/Users/*`,
    );
}

export function stripTempNames(s: string, windows: boolean): string {
  const t = TEMP_FILE_HINT.test(s) ? s.replace(TEMP_FILE, '<tmp>.tmp') : s;
  if (windows) return WIN_TEMP_HINT.test(t) ? t.replace(WIN_TEMP_COMPONENT, '$1<tmp>') : t;
  return t.includes('/tmp/') ? t.replace(UNIX_TEMP_COMPONENT, '$1<tmp>') : t;
}

/** All per-host noise rules for Windows text (paths, task names, command lines), lower-cased. */
export function normWindowsText(s: string): string {
  return normWindowsLower(collapseWs(s.toLowerCase()));
}

/** normWindowsText for text already lower-cased and collapsed (a caller that has that form saves doing it again). */
export function normWindowsLower(lower: string): string {
  let t = canonWindowsPrefixes(expandWindowsEnv(lower));
  t = collapseWindowsUsers(t);
  t = stripVersions(stripTempNames(stripGuids(stripSids(t)), true));
  return collapseWs(t);
}

/** Unix paths are case-sensitive: no lower-casing, only the per-host noise rules. */
export function normUnixText(s: string): string {
  const t = collapseUnixUsers(collapseWs(s));
  return collapseWs(stripVersions(stripTempNames(stripGuids(t), false)));
}
