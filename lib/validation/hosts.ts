import { z } from 'zod';
import { pageSchema, pageSizeSchema, querySchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

export const HOST_SORTS = ['name', 'lastSnapshotAt', 'entries', 'snapshots'] as const;
const DEFAULT_SORT = { id: 'name' as const, desc: false };

export const hostSearchSchema = z.object({
  q: querySchema,
  sort: sortParam(HOST_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
});

export type HostSearch = z.infer<typeof hostSearchSchema>;
export type HostSort = (typeof HOST_SORTS)[number];

export function parseHostSearchParams(raw: RawSearchParams): HostSearch {
  return hostSearchSchema.parse(raw);
}

export function serializeHostSearchParams(s: Partial<HostSearch>): string {
  return toQueryString({ q: s.q, ...tableStateParams(s, DEFAULT_SORT) });
}
