import { z } from 'zod';
import { JOB_FAMILIES } from './inventory';
import { listParam, pageSchema, pageSizeSchema, querySchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

export const CHANGE_KINDS = ['new', 'removed'] as const;
export const CHANGE_WINDOWS = ['today', 'week'] as const;
export type ChangeWindow = (typeof CHANGE_WINDOWS)[number];
export const CHANGE_SORTS = ['at', 'name', 'hostCount'] as const;
export type ChangeSort = (typeof CHANGE_SORTS)[number];
const DEFAULT_SORT = { id: 'at' as const, desc: true };

export const changeSearchSchema = z.object({
  kind: z.enum(CHANGE_KINDS).catch('new'),
  window: z.enum(CHANGE_WINDOWS).catch('today'),
  /** Look back from the end of this UTC day instead of from the fleet's latest collection. */
  until: z.iso.date().optional().catch(undefined),
  q: querySchema,
  family: listParam(JOB_FAMILIES),
  sort: sortParam(CHANGE_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
});

export type ChangeSearch = z.infer<typeof changeSearchSchema>;

export function parseChangeSearchParams(raw: RawSearchParams): ChangeSearch {
  return changeSearchSchema.parse(raw);
}

export function serializeChangeSearchParams(s: Partial<ChangeSearch>): string {
  return toQueryString({
    kind: s.kind === 'new' ? null : s.kind,
    window: s.window === 'today' ? null : s.window,
    until: s.until,
    q: s.q,
    family: s.family,
    ...tableStateParams(s, DEFAULT_SORT),
  });
}
