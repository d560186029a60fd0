import { createHash } from 'node:crypto';
import type { JobRecord } from './types';

/** Fields whose change makes a different variant of the same entry (PRODUCT.md §3). */
export function variantFields(rec: JobRecord) {
  return {
    name: rec.name,
    command: rec.command,
    imagePath: rec.imagePath ?? null,
    enabled: rec.enabled ?? null,
    hidden: rec.hidden ?? null,
    runAs: rec.runAs ?? null,
    runLevel: rec.runLevel ?? null,
    schedule: rec.schedule ?? null,
    triggers: rec.triggers ?? [],
    signer: rec.signer ?? null,
    verified: rec.verified ?? null,
    md5: rec.md5 ?? null,
    sha1: rec.sha1 ?? null,
    sha256: rec.sha256 ?? null,
    author: rec.author ?? null,
    description: rec.description ?? null,
    company: rec.company ?? null,
    fileNotFound: rec.fileNotFound ?? false,
  };
}

export function variantKey(entryKey: string, fields: ReturnType<typeof variantFields>): string {
  // One update of the joined text: the same bytes, so the same key, as hashing the three parts in turn.
  return createHash('sha256').update(`${entryKey}\0${JSON.stringify(fields)}`).digest('hex');
}
