import { z } from 'zod';
import { pageSchema, pageSizeSchema, querySchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

export const HOST_ENTRY_SORTS = ['score', 'name', 'fromAt'] as const;
const DEFAULT_SORT = { id: 'score' as const, desc: true };

/** How an entry differs between two snapshots; the diff filters and counts by it. */
export const CHANGE_KINDS = ['added', 'removed', 'modified', 'enabled', 'disabled'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const snapshotId = z.coerce.number().int().positive().max(2_147_483_647);
const snapshotIdSchema = snapshotId.optional().catch(undefined);

/** URL state of a host page: the entries table, the point in time (`at`) and the two snapshots to diff. */
export const hostDetailSearchSchema = z.object({
  q: querySchema,
  sort: sortParam(HOST_ENTRY_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
  at: z.iso.datetime({ offset: true }).optional().catch(undefined),
  from: snapshotIdSchema,
  to: snapshotIdSchema,
  /** The diff's own table state: a kind of change, page and page size (a reimaged host can change by thousands). */
  change: z.enum(CHANGE_KINDS).optional().catch(undefined),
  cpage: pageSchema,
  csize: pageSizeSchema,
});

export type HostDetailSearch = z.infer<typeof hostDetailSearchSchema>;
export type HostEntrySort = (typeof HOST_ENTRY_SORTS)[number];

export function parseHostDetailSearchParams(raw: RawSearchParams): HostDetailSearch {
  return hostDetailSearchSchema.parse(raw);
}

export function serializeHostDetailSearchParams(s: Partial<HostDetailSearch>): string {
  const diff = tableStateParams({ page: s.cpage, size: s.csize }, DEFAULT_SORT);
  return toQueryString({ q: s.q, at: s.at, from: s.from, to: s.to, change: s.change, cpage: diff.page, csize: diff.size, ...tableStateParams(s, DEFAULT_SORT) });
}

/** GET /api/v1/hosts/{id}/diff: the two snapshots, and the same filter and paging as the page (`kind`, `page`, `size`). */
export const hostDiffQuerySchema = z.object({
  from: snapshotId,
  to: snapshotId,
  kind: z.enum(CHANGE_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(1000).default(200),
});

const LABEL_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

/** Host labels as the API takes them: `{ labels: { role: "dc", site: "paris" } }`; at most 50. */
export const hostLabelsSchema = z.object({
  labels: z
    .record(z.string().regex(LABEL_KEY, 'label keys are letters, digits, _ . - (1-64)'), z.string().trim().min(1).max(200))
    .refine((l) => Object.keys(l).length <= 50, 'at most 50 labels'),
});

/** The host page's form: one `key=value` per line (blank lines ignored), parsed into the API's shape. */
export const hostLabelsFormSchema = z.object({
  hostId: z.coerce.number().int().positive(),
  labels: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      const labels: Record<string, string> = {};
      for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
        const eq = line.indexOf('=');
        if (eq <= 0) {
          ctx.addIssue({ code: 'custom', message: `"${line.slice(0, 40)}" is not key=value` });
          return z.NEVER;
        }
        labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
      }
      return labels;
    })
    .pipe(hostLabelsSchema.shape.labels),
});
