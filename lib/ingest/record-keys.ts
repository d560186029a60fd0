import { BoundedCache } from './bounded-cache';
import { identityOf, type EntryIdentity } from './normalize';
import { ROW_SOURCE, type JobRecord } from './types';
import { variantFields, variantKey } from './variant-key';

/** What the store needs of every record: the entry it belongs to and its variant key. */
export interface RecordKeys {
  identity: EntryIdentity;
  variantKey: string;
}

/**
 * Entry identities by name, command and image: identityOf is pure and most records repeat across the hosts of a
 * fleet. The identity's own strings are copied too (the record's are slices of the file's text), so they count.
 */
const identities = new BoundedCache<EntryIdentity>(8_000_000, 8_192);

function cachedIdentity(rec: JobRecord): EntryIdentity {
  const k = `${rec.name}\0${rec.command}\0${rec.imagePath ?? ''}`;
  let id = identities.get(rec.family, k);
  if (!id) {
    id = structuredClone(identityOf(rec));
    identities.set(rec.family, k, id, k.length);
  }
  return id;
}

/**
 * Keys per source row already seen (records a parser marked with ROW_SOURCE), within the file layout that gave the
 * row its meaning, so that a row met again costs one Map lookup instead of normalizing, JSON-serializing and hashing
 * its fields: on an unchanged re-snapshot of 1,000 hosts that was 1.9 of the ingest's 8.2 s of CPU. Most rows
 * repeat: the same host's on the next day, and the stock entries of every host of a fleet. Real Autoruns rows are
 * 300-1,000 characters (a generation holds 12,000-40,000 of them); longer rows are keyed from their fields.
 */
const rows = new BoundedCache<RecordKeys>(12_000_000, 8_192);

/**
 * Keys kept on a canonical record (below), which is keyed when it is routed and again when it is stored. Not
 * enumerable, so that a record spread into a changed copy does not carry keys that no longer fit it.
 */
const KEYS = Symbol('recordKeys');
type Keyed = JobRecord & { [KEYS]?: RecordKeys };

/** A record's entry identity and variant key: from the row cache when its row was seen before. */
export function recordKeys(rec: Keyed): RecordKeys {
  const known = rec[KEYS];
  if (known) return known;
  const src = rec[ROW_SOURCE];
  let keys = src && rows.get(src.layout, src.text);
  if (!keys) {
    const identity = cachedIdentity(rec);
    keys = { identity, variantKey: variantKey(identity.key, variantFields(rec)) };
    if (src) rows.set(src.layout, src.text, keys);
  }
  return keys;
}

/**
 * One record object per variant among the hosts waiting to be stored together. The hosts of a fleet mostly report
 * the same variants; holding each host's own copies (and their raw columns) until the batch was written kept them
 * alive through young-generation collections, which were the largest part of an unchanged re-snapshot's CPU time
 * after the row cache. Only the first sighting's raw columns and line are kept, which is what a new variant stores
 * anyway; its keys travel with it to the store.
 */
export class CanonicalRecords {
  private byKey = new Map<string, JobRecord>();

  of(rec: JobRecord): JobRecord {
    const keys = recordKeys(rec);
    const first = this.byKey.get(keys.variantKey);
    if (first) return first;
    this.byKey.set(keys.variantKey, withKeys(rec, keys));
    return rec;
  }

  /** Start over once the waiting hosts have been handed to the store. */
  clear(): void {
    this.byKey = new Map();
  }
}

/** Give a record the keys computed for it elsewhere (a parse thread, lib/ingest/parsed-transfer.ts). */
export function withKeys(rec: JobRecord, keys: RecordKeys): JobRecord {
  // Defined per new variant, not per record: defineProperty goes through the runtime, not an inline cache.
  return Object.defineProperty(rec, KEYS, { value: keys });
}
