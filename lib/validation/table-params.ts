import { z } from 'zod';

export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** Shared paging/sort pieces of every table's URL state; garbage degrades to defaults instead of throwing. */
export const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
export const pageSizeSchema = z.coerce
  .number()
  .int()
  .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
  .catch(50);
export const querySchema = z.string().trim().max(200).catch('');

/** `?family=cron,windows_task` and repeated params both become a list (dub's comma convention). */
export function listParam<T extends string>(allowed: readonly T[]) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim())))
    .transform((list) => list.filter((s): s is T => (allowed as readonly string[]).includes(s)))
    .catch([]);
}

/** Sort encoded as `field.desc` / `field.asc`. */
export function sortParam<T extends string>(fields: readonly T[], fallback: { id: T; desc: boolean }) {
  return z
    .string()
    .optional()
    .transform((v) => {
      const [id, dir] = (v ?? '').split('.');
      return (fields as readonly string[]).includes(id) ? { id: id as T, desc: dir !== 'asc' } : fallback;
    })
    .catch(fallback);
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Build a query string from state, dropping defaults and empties so URLs stay short. */
export function toQueryString(entries: Record<string, string | number | string[] | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** URL fields shared by every table: sort (omitted when default), page (omitted when 1), size (omitted when 50). */
export function tableStateParams<TSort extends string>(
  s: { sort?: { id: TSort; desc: boolean }; page?: number; size?: number },
  defaultSort: { id: TSort; desc: boolean },
) {
  const isDefaultSort = !s.sort || (s.sort.id === defaultSort.id && s.sort.desc === defaultSort.desc);
  return {
    sort: isDefaultSort ? null : `${s.sort!.id}.${s.sort!.desc ? 'desc' : 'asc'}`,
    page: s.page && s.page > 1 ? s.page : null,
    size: s.size && s.size !== 50 ? s.size : null,
  };
}
