import { z } from 'zod';
import { TRIAGE_STATES } from '@/lib/triage/state-machine';
import { durationSchema } from './auth';
import { SUPPRESSION_KINDS } from './suppressions';
import { pageSchema, pageSizeSchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const comment = z.string().trim().min(1).max(10_000).refine((s) => !CONTROL.test(s), 'no control characters');
const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(500);
const id = z.coerce.number().int().positive().max(2_147_483_647);
const future = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() > Date.now(), 'must be in the future');

const suppressionSchema = z
  .object({ kind: z.enum(SUPPRESSION_KINDS), value: z.string().trim().max(1024).nullish().transform((v) => v || null), reason, expiresAt: future.nullish().transform((v) => v ?? null) })
  .refine((s) => s.kind !== 'label' || (s.value !== null && /^[^=\s]{1,100}=[^=]{1,200}$/.test(s.value)), { message: 'a host label as key=value', path: ['value'] });

/** One triage change (API JSON and, after form decoding, the panel's actions): any subset of the fields. */
export const triageChangeSchema = z
  .object({
    state: z.enum(TRIAGE_STATES).optional(),
    /** `me`, a user id, or null to unassign. */
    assignee: z.union([z.literal('me'), id, z.null()]).optional(),
    dueAt: z.union([z.iso.datetime({ offset: true }).transform((s) => new Date(s)), z.null()]).optional(),
    comment: comment.optional(),
    suppression: suppressionSchema.optional(),
    hostId: id.nullish().transform((v) => v ?? null),
  })
  .refine((c) => c.state || c.assignee !== undefined || c.dueAt !== undefined || c.comment || c.suppression, 'nothing to change');
export type TriageChangeInput = z.infer<typeof triageChangeSchema>;

/** The triage panel's form: flat fields, `expires` a duration (30d) or empty, `due` a date (yyyy-mm-dd). */
export const triageFormSchema = z
  .object({
    entryId: id,
    hostId: z.union([id, z.literal('')]).optional().transform((v) => (v ? v : null)),
    state: z.union([z.enum(TRIAGE_STATES), z.literal('')]).optional().transform((v) => v || undefined),
    assignee: z.union([z.literal('me'), z.literal('none'), id, z.literal('')]).optional().transform((v) => (v === '' || v === undefined ? undefined : v === 'none' ? null : v)),
    due: z.union([z.iso.date(), z.literal('')]).optional().transform((v) => (v ? new Date(`${v}T23:59:59Z`) : undefined)),
    comment: z.union([comment, z.literal('')]).optional().transform((v) => v || undefined),
    suppressKind: z.union([z.enum(SUPPRESSION_KINDS), z.literal('')]).optional().transform((v) => v || undefined),
    suppressValue: z.string().trim().max(1024).optional(),
    suppressReason: z.string().trim().max(500).optional(),
    expires: durationSchema.optional().transform((v) => v ?? null),
  })
  .transform(({ entryId, hostId, state, assignee, due, comment: text, suppressKind, suppressValue, suppressReason, expires }) => ({
    entryId,
    change: {
      hostId,
      state,
      assignee,
      dueAt: due,
      comment: text,
      suppression: suppressKind ? { kind: suppressKind, value: suppressValue || null, reason: suppressReason ?? '', expiresAt: expires ? new Date(Date.now() + expires) : null } : undefined,
    },
  }))
  .transform(({ entryId, change }, ctx) => {
    const checked = triageChangeSchema.safeParse(change);
    if (checked.success) return { entryId, change: checked.data };
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  });

/** Bulk change over explicit entry ids or over the whole result of an outliers filter (its query string). */
export const bulkTriageSchema = z
  .object({
    entryIds: z.array(id).max(10_000).optional(),
    filter: z.string().max(2000).optional(),
    /** Resume a long filter run after this entry id (the progress cursor of the previous call). */
    afterId: z.number().int().min(0).optional().default(0),
    change: triageChangeSchema,
  })
  .refine((b) => (b.entryIds ? 1 : 0) + (b.filter !== undefined ? 1 : 0) === 1, 'give entryIds or filter, not both');
export type BulkTriageInput = z.infer<typeof bulkTriageSchema>;

export const TRIAGE_VIEWS = ['mine', 'unassigned', 'all'] as const;
export const TRIAGE_QUEUE_SORTS = ['age', 'due', 'severity', 'updated'] as const;
export type TriageQueueSort = (typeof TRIAGE_QUEUE_SORTS)[number];
const DEFAULT_SORT = { id: 'age' as const, desc: true };

export const triageQueueSearchSchema = z.object({
  view: z.enum(TRIAGE_VIEWS).catch('mine'),
  state: z.union([z.enum(TRIAGE_STATES), z.literal('open')]).catch('open'),
  sort: sortParam(TRIAGE_QUEUE_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
});
export type TriageQueueSearch = z.infer<typeof triageQueueSearchSchema>;

export function parseTriageQueueSearchParams(raw: RawSearchParams): TriageQueueSearch {
  return triageQueueSearchSchema.parse(raw);
}

export function serializeTriageQueueSearchParams(s: Partial<TriageQueueSearch>): string {
  return toQueryString({ view: s.view === 'mine' ? null : s.view, state: s.state === 'open' ? null : s.state, ...tableStateParams(s, DEFAULT_SORT) });
}
