import { identityOf, type EntryIdentity } from './normalize';
import { ROW_SOURCE, type JobRecord } from './types';
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

/**
 * Keys per source row already seen (records a parser marked with ROW_SOURCE), so that a row met again costs one
 * Map lookup instead of normalizing, JSON-serializing and hashing its fields: on an unchanged re-snapshot of 1,000
 * hosts that was 1.9 of the ingest's 8.2 s of CPU. Most rows repeat: the same host's on the next day, and the
 * stock entries of every host of a fleet.
 *
 * Two generations bound memory by characters, since rows are attacker-controlled text: when the young one holds
 * GENERATION_CHARS it becomes the old one and the old is dropped, and a row found in the old one moves back to the
 * young. Rows still in use survive a turnover; a cache cleared at once would miss every row of the next uploads.
 * Real Autoruns rows are 300-1,000 characters (a generation holds 12,000-40,000 of them); longer rows are keyed
 * from their fields every time instead of being copied into the cache.
 */
const GENERATION_CHARS = 12_000_000;
const MAX_CACHED_CHARS = 8_192;
type RowCache = Map<string, Map<string, RecordKeys>>;
let young: RowCache = new Map();
let old: RowCache = new Map();
let youngChars = 0;

function cachedRowKeys(rec: JobRecord): RecordKeys | undefined {
  const src = rec[ROW_SOURCE];
  if (!src) return undefined;
  const hit = young.get(src.layout)?.get(src.text);
  if (hit) return hit;
  const aged = old.get(src.layout)?.get(src.text);
  if (aged) rememberRow(rec, aged);
  return aged;
}

function rememberRow(rec: JobRecord, keys: RecordKeys): void {
  const src = rec[ROW_SOURCE];
  if (!src || src.text.length + src.layout.length > MAX_CACHED_CHARS) return;
  if (youngChars >= GENERATION_CHARS) {
    old = young;
    young = new Map();
    youngChars = 0;
  }
  // Copies, as for identities: the row's text and layout are slices of the file's decoded text.
  let rows = young.get(src.layout);
  if (!rows) {
    young.set(structuredClone(src.layout), (rows = new Map()));
    youngChars += src.layout.length;
  }
  rows.set(structuredClone(src.text), keys);
  youngChars += src.text.length;
}

/** A record's entry identity and variant key: from the row cache when its row was seen before. */
export function recordKeys(rec: JobRecord): RecordKeys {
  const cached = cachedRowKeys(rec);
  if (cached) return cached;
  const identity = cachedIdentity(rec);
  const keys = { identity, variantKey: variantKey(identity.key, variantFields(rec)) };
  rememberRow(rec, keys);
  return keys;
}

/**
 * One record object per variant among the hosts waiting to be stored together. The hosts of a fleet mostly report
 * the same variants; holding each host's own copies (and their raw columns) until the batch was written kept them
 * alive through young-generation collections, which were the largest part of an unchanged re-snapshot's CPU time
 * after the row cache. Only the first sighting's raw columns and line are kept, which is what a new variant stores
 * anyway. Only records with a row source take part: for them the store's second recordKeys is a cache hit, while
 * other records' keys would be computed twice.
 */
export class CanonicalRecords {
  private byKey = new Map<string, JobRecord>();

  of(rec: JobRecord): JobRecord {
    if (!rec[ROW_SOURCE]) return rec;
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
