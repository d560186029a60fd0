import { evaluateHeuristics, toHeuristicInput, type HeuristicHit } from '@/lib/analytics/heuristics';
import { BoundedCache } from './bounded-cache';
import type { EntryIdentity } from './normalize';
import type { RecordKeys } from './record-keys';
import type { JobRecord } from './types';

/**
 * The heuristics' hits on a variant. A parse thread computes them for each variant it sends
 * (lib/ingest/parsed-transfer.ts), so that the storing thread does not when the variant turns out to be new,
 * inside the transaction that holds the batch's locks: 430 ms of that thread per 1,000 hosts' first snapshot.
 * Only the hits travel: sending the variants' fields and raw columns as JSON too cost more to clone than
 * it saved (an unchanged re-snapshot of 1,000 hosts took 0.4 s longer).
 *
 * By record kind and variant key: the variant key hashes the fields the heuristics read and the entry identity,
 * and two heuristics also read the kind. Each upload is sent its variants once, and a fleet's uploads share most.
 */
const byVariant = new BoundedCache<HeuristicHit[]>(2_000_000, 200);

export function variantHits(rec: JobRecord, keys: RecordKeys): HeuristicHit[] {
  let hits = byVariant.get(rec.kind ?? '', keys.variantKey);
  if (!hits) {
    // Copied: hit details quote the record's text, whose strings are slices of the whole file's.
    hits = structuredClone(evaluateHeuristics(toHeuristicInput(rec, keys.identity)));
    byVariant.set(rec.kind ?? '', keys.variantKey, hits, hits.reduce((n, h) => n + h.id.length + h.detail.length, 0));
  }
  return hits;
}

const HITS = Symbol('variantHits');
type WithHits = JobRecord & { [HITS]?: HeuristicHit[] };

/** Attach hits computed elsewhere to the record they were computed for. */
export function withHits(rec: JobRecord, hits: HeuristicHit[]): JobRecord {
  return Object.defineProperty(rec, HITS, { value: hits });
}

/** The hits on the record's variant: attached by a parse thread, or evaluated here. */
export function hitsOf(rec: WithHits, identity: EntryIdentity): HeuristicHit[] {
  return rec[HITS] ?? evaluateHeuristics(toHeuristicInput(rec, identity));
}
