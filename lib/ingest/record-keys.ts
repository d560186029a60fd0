import { identityOf, type EntryIdentity } from './normalize';
import type { JobRecord } from './types';
import { variantFields, variantKey } from './variant-key';

/** What the store needs of every record: the entry it belongs to and its variant key. */
export interface RecordKeys {
  identity: EntryIdentity;
  variantKey: string;
}

/** identityOf is pure and most records repeat across the hosts of a fleet; bounded so memory stays flat. */
const identities = new Map<string, EntryIdentity>();
const IDENTITY_CACHE_MAX = 50_000;

function cachedIdentity(rec: JobRecord): EntryIdentity {
  const k = `${rec.family}\0${rec.name}\0${rec.command}\0${rec.imagePath ?? ''}`;
  let id = identities.get(k);
  if (!id) {
    if (identities.size >= IDENTITY_CACHE_MAX) identities.clear();
    // Copies: the key and the identity's fields can be slices of the file's decoded text, and V8 keeps a sliced
    // string's whole parent alive; cached, each new entry pinned its 313 KB export (a 1 GB archive: 1.3 GB RSS).
    id = structuredClone(identityOf(rec));
    identities.set(structuredClone(k), id);
  }
  return id;
}

/** Keys are computed once per record: when it is routed to its host, and read again when it is stored. */
const computed = new WeakMap<JobRecord, RecordKeys>();

export function recordKeys(rec: JobRecord): RecordKeys {
  let keys = computed.get(rec);
  if (!keys) {
    const identity = cachedIdentity(rec);
    keys = { identity, variantKey: variantKey(identity.key, variantFields(rec)) };
    computed.set(rec, keys);
  }
  return keys;
}

/**
 * One record object per variant among the hosts waiting to be stored together. The hosts of a fleet mostly
 * report the same variants; holding each host's own copies (and their raw columns) until the batch was written
 * kept them alive through garbage collections, which was a fifth of an unchanged re-snapshot's CPU time. Only
 * the first sighting's raw columns and source line are kept, which is what a new variant stores anyway.
 */
export class CanonicalRecords {
  private byKey = new Map<string, JobRecord>();

  of(rec: JobRecord): JobRecord {
    const key = recordKeys(rec).variantKey;
    const first = this.byKey.get(key);
    if (first) return first;
    this.byKey.set(key, rec);
    return rec;
  }

  /** Start over once the waiting hosts have been handed to the store. */
  clear(): void {
    this.byKey = new Map();
  }
}
