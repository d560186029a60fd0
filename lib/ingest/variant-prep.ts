import { evaluateHeuristics, toHeuristicInput, type HeuristicHit } from '@/lib/analytics/heuristics';
import { BoundedCache } from './bounded-cache';
import type { EntryIdentity } from './normalize';
import type { RecordKeys } from './record-keys';
import type { JobRecord } from './types';
import { variantFields } from './variant-key';

/**
 * What storing a record's variant as new takes beyond the record: its fields and raw columns as JSON, and the
 * heuristics' hits. A parse thread computes it for each variant it sends (lib/ingest/parsed-transfer.ts), so
 * that the storing thread does not, inside the transaction that holds the batch's locks. On a first snapshot of
 * 1,000 hosts that was 150 ms of each early batch's transaction.
 */
export interface VariantPrep {
  fieldsJson: string;
  rawJson: string;
  hits: HeuristicHit[];
}

/**
 * Fields and hits by record kind and variant key: the fields are what the key hashes, and the hits follow from
 * them, the entry identity (the key's other part) and the kind (two heuristics read it). Each upload is sent its
 * variants once, and a fleet's uploads share most of theirs.
 */
const byVariant = new BoundedCache<Omit<VariantPrep, 'rawJson'>>(4_000_000, 200);

export function prepareVariant(rec: JobRecord, keys: RecordKeys): VariantPrep {
  let known = byVariant.get(rec.kind ?? '', keys.variantKey);
  if (!known) {
    // Copied: hit details quote the record's text, whose strings are slices of the whole file's.
    known = structuredClone({ fieldsJson: JSON.stringify(variantFields(rec)), hits: evaluateHeuristics(toHeuristicInput(rec, keys.identity)) });
    byVariant.set(rec.kind ?? '', keys.variantKey, known, known.fieldsJson.length + known.hits.reduce((n, h) => n + h.id.length + h.detail.length, 0));
  }
  return { ...known, rawJson: JSON.stringify(rec.raw) };
}

const PREP = Symbol('variantPrep');
type Prepared = JobRecord & { [PREP]?: VariantPrep };

/** Attach a prep computed elsewhere to the record it was computed for. */
export function withPrep(rec: JobRecord, prep: VariantPrep): JobRecord {
  return Object.defineProperty(rec, PREP, { value: prep });
}

/** The record's prep: attached by a parse thread, or computed here. */
export function prepOf(rec: Prepared, identity: EntryIdentity): VariantPrep {
  return rec[PREP] ?? { fieldsJson: JSON.stringify(variantFields(rec)), rawJson: JSON.stringify(rec.raw), hits: evaluateHeuristics(toHeuristicInput(rec, identity)) };
}
