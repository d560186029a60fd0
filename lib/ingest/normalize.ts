import { hash } from 'node:crypto';
import { normalizeCommand } from './normalize-command';
import { isWindowsFamily, normalizeName } from './normalize-name';
import type { JobFamily, JobRecord } from './types';

export { executableOf, normalizeCommand } from './normalize-command';
export { normalizeName } from './normalize-name';
export { hasSuspiciousUnicode } from './normalize-unicode';

export interface EntryIdentity {
  family: JobFamily;
  normName: string;
  normCommand: string;
  executable: string;
  /** sha256 hex of family \0 normName \0 normCommand: the Entry key (PRODUCT.md §3). */
  key: string;
}

/**
 * The fleet-wide identity of a job. Deliberately no Unicode folding: a homoglyph `іexplorer.exe` must not
 * collapse into the real one (flag it with hasSuspiciousUnicode instead).
 */
export function identityOf(rec: Pick<JobRecord, 'family' | 'name' | 'command' | 'imagePath'>): EntryIdentity {
  const os = isWindowsFamily(rec.family) ? 'windows' : 'unix';
  const normName = normalizeName(rec.family, rec.name);
  // Some sources give only an image path (no command line); it is then the best command we have.
  const source = rec.command.trim() ? rec.command : (rec.imagePath ?? '');
  const { executable, normCommand } = normalizeCommand(source, os);
  // crypto.hash: the same digest as createHash().update().digest() without a Hash object per call (2x faster).
  const key = hash('sha256', `${rec.family}\0${normName}\0${normCommand}`, 'hex');
  return { family: rec.family, normName, normCommand, executable, key };
}
