import { hash } from 'node:crypto';
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
  // One-shot hash of the joined text: the same bytes, so the same key, as hashing the three parts in turn. A JSON
  // string built by hand was slower than JSON.stringify of this flat object (node 20, 2026-11-23).
  return hash('sha256', `${entryKey}\0${JSON.stringify(fields)}`, 'hex');
}
