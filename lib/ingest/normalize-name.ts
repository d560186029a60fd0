import type { JobFamily } from './types';
import { normUnixText, normWindowsText } from './normalize-path';

export const isWindowsFamily = (family: JobFamily) => family === 'windows_task' || family === 'windows_autorun';

/**
 * Job names: Windows names are case-insensitive and carry per-user SID / per-install GUID suffixes
 * (`\OneDrive Standalone Update Task-S-1-5-21-…-1001`, `\GoogleUpdateTaskMachineCore{…}`) that would otherwise
 * make one fleet-wide task look unique on every host. Task Scheduler paths always start with `\`; some
 * sources (XML URI, osquery) drop it.
 */
function namePass(family: JobFamily, name: string): string {
  if (!isWindowsFamily(family)) return normUnixText(name);
  // normWindowsText ends by collapsing whitespace; collapsing again (as this once did) changes nothing.
  const n = normWindowsText(name);
  if (family !== 'windows_task') return n;
  return n.startsWith('\\') ? n : `\\${n}`;
}

/** Fixpoint of one pass (rules can expose each other's patterns), so that normalization is idempotent. */
export function normalizeName(family: JobFamily, name: string): string {
  let cur = namePass(family, name);
  for (let i = 0; i < 5; i++) {
    const next = namePass(family, cur);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}
