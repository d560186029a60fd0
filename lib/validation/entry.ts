import { z } from 'zod';
import { pageSchema, pageSizeSchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

export const idParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const ENTRY_HOST_SORTS = ['host', 'firstSeenAt', 'lastSeenAt'] as const;
const DEFAULT_SORT = { id: 'host' as const, desc: false };

/** URL state of the entry page's hosts table; `state=all` includes hosts that no longer have it. */
export const entryHostSearchSchema = z.object({
  state: z.enum(['present', 'all']).catch('present'),
  sort: sortParam(ENTRY_HOST_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
});

export type EntryHostSearch = z.infer<typeof entryHostSearchSchema>;
export type EntryHostSort = (typeof ENTRY_HOST_SORTS)[number];

export function parseEntryHostSearchParams(raw: RawSearchParams): EntryHostSearch {
  return entryHostSearchSchema.parse(raw);
}

export function serializeEntryHostSearchParams(s: Partial<EntryHostSearch>): string {
  return toQueryString({ state: s.state === 'all' ? 'all' : null, ...tableStateParams(s, DEFAULT_SORT) });
}
