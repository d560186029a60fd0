/** Member-name hygiene for untrusted archives: nothing is ever written to disk, but a member named
 * `../../etc/passwd` or `C:\x` would still lie about where it came from, so such members are refused. */

export type MemberPathVerdict =
  | { ok: true; path: string }
  | { ok: false; skip: 'directory' | 'junk' }
  | { ok: false; refuse: string };

/** Normalize a raw member name to a relative forward-slash path, or say why it is skipped or refused. */
export function checkMemberPath(raw: string, isDirectory = false): MemberPathVerdict {
  if (raw.includes('\0')) return { ok: false, refuse: 'NUL byte in member name' };
  // Zip tools on Windows write `\`; treating it as a separator also catches `..\..\` traversal.
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/')) return { ok: false, refuse: 'absolute path' };
  if (/^[A-Za-z]:/.test(name)) return { ok: false, refuse: 'absolute path (drive letter)' };
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { ok: false, refuse: 'path traversal (..)' };
  if (isDirectory || name.endsWith('/') || segments.length === 0) return { ok: false, skip: 'directory' };
  if (isMacJunk(segments)) return { ok: false, skip: 'junk' };
  return { ok: true, path: segments.join('/') };
}

/** Finder adds `__MACOSX/` resource forks and `.DS_Store`; macOS tar adds AppleDouble `._name` siblings. */
function isMacJunk(segments: readonly string[]): boolean {
  const base = segments[segments.length - 1] ?? '';
  return segments.includes('__MACOSX') || base === '.DS_Store' || base.startsWith('._');
}

export function joinMemberPath(prefix: string, path: string): string {
  return prefix ? `${prefix}/${path}` : path;
}
