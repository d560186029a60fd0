import 'server-only';
import type { Principal } from '@/lib/auth/principal';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import type { BulkTriageInput } from '@/lib/validation/triage';
import { listOutlierIds } from './outliers';
import { applyTriage, type TriageResult } from './triage';

/** Entries per statement of a filter run: thousands per step, and a step stays well under a second or two. */
export const BULK_CHUNK = 5000;

export interface BulkProgress extends TriageResult {
  /** Entries of the filter result still to do; 0 when finished. */
  remaining: number;
  /** Pass as `afterId` to continue; null when finished. */
  nextAfterId: number | null;
}

/**
 * A bulk change over explicit entry ids (at most 10,000, one step) or over an outliers filter's whole result, one
 * chunk of BULK_CHUNK entries per call: the caller loops on `nextAfterId`, which is how the UI shows progress.
 */
export async function bulkTriage(actor: Principal, input: BulkTriageInput, ip: string | null = null): Promise<BulkProgress> {
  if (input.entryIds) {
    const result = await applyTriage(actor, [...new Set(input.entryIds)], input.change, ip, false);
    return { ...result, remaining: 0, nextAfterId: null };
  }
  const search = parseOutlierSearchParams(Object.fromEntries(new URLSearchParams(input.filter ?? '')));
  const { ids, remaining } = await listOutlierIds(search, input.afterId, BULK_CHUNK);
  const result = await applyTriage(actor, ids, input.change, ip, false);
  return { ...result, remaining, nextAfterId: remaining > 0 ? ids[ids.length - 1] : null };
}
