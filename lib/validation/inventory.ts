import { z } from 'zod';
import { listParam, pageSchema, pageSizeSchema, querySchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

export const JOB_FAMILIES = ['windows_task', 'windows_autorun', 'cron', 'systemd_timer', 'launchd', 'at'] as const;
export const INVENTORY_SORTS = ['name', 'family', 'hostsNow', 'firstSeenAt', 'lastSeenAt'] as const;
const DEFAULT_SORT = { id: 'hostsNow' as const, desc: false };

export const inventorySearchSchema = z.object({
  q: querySchema,
  family: listParam(JOB_FAMILIES),
  host: z.string().trim().max(255).catch(''),
  sort: sortParam(INVENTORY_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
});

export type InventorySearch = z.infer<typeof inventorySearchSchema>;
export type InventorySort = (typeof INVENTORY_SORTS)[number];

export function parseInventorySearchParams(raw: RawSearchParams): InventorySearch {
  return inventorySearchSchema.parse(raw);
}

export function serializeInventorySearchParams(s: Partial<InventorySearch>): string {
  return toQueryString({ q: s.q, family: s.family, host: s.host, ...tableStateParams(s, DEFAULT_SORT) });
}
