import { z } from 'zod';
import { TRIAGE_STATES } from '@/lib/triage/state-machine';
import { JOB_FAMILIES } from './inventory';
import { listParam, pageSchema, pageSizeSchema, querySchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

export const OUTLIER_SORTS = ['score', 'hostsNow', 'newSince', 'name'] as const;
const DEFAULT_SORT = { id: 'score' as const, desc: true };

export const outlierSearchSchema = z.object({
  q: querySchema,
  family: listParam(JOB_FAMILIES),
  heuristic: z.string().trim().max(64).regex(/^[A-Z0-9-]*$/).catch(''),
  host: z.string().trim().max(255).catch(''),
  /** A peer-group label, `key=value`: entries present on hosts carrying it. */
  label: z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === '' || /^[^=\s]{1,100}=[^=]{1,200}$/.test(v))
    .catch(''),
  /** Fleet-wide triage state; entries never triaged count as `new`. */
  state: listParam(TRIAGE_STATES),
  minScore: z.coerce.number().min(0).max(100).optional().catch(undefined),
  suppressed: z.enum(['hide', 'show', 'only']).catch('hide'),
  sort: sortParam(OUTLIER_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
});

export type OutlierSearch = z.infer<typeof outlierSearchSchema>;
export type OutlierSort = (typeof OUTLIER_SORTS)[number];

export function parseOutlierSearchParams(raw: RawSearchParams): OutlierSearch {
  return outlierSearchSchema.parse(raw);
}

export function serializeOutlierSearchParams(s: Partial<OutlierSearch>): string {
  return toQueryString({
    q: s.q,
    family: s.family,
    heuristic: s.heuristic,
    host: s.host,
    label: s.label,
    state: s.state,
    minScore: s.minScore,
    suppressed: s.suppressed === 'hide' ? null : s.suppressed,
    ...tableStateParams(s, DEFAULT_SORT),
  });
}
