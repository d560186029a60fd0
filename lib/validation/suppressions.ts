import { z } from 'zod';
import { durationSchema } from './auth';
import { pageSchema, pageSizeSchema, querySchema, sortParam, tableStateParams, toQueryString, type RawSearchParams } from './table-params';

export const SUPPRESSION_KINDS = ['entry', 'signer', 'path', 'label'] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];
/** What the outliers list offers to suppress for one row; the value is looked up from the entry. */
export const OUTLIER_SUPPRESS_TARGETS = ['entry', 'signer', 'path'] as const;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Per-kind rules for a suppression's value; the message names what is expected. */
function valueIssue(kind: SuppressionKind, value: string): string | null {
  if (CONTROL.test(value)) return 'no control characters';
  if (kind === 'entry' && !/^[1-9]\d{0,9}$/.test(value)) return 'an entry id (a number)';
  if (kind === 'label' && !/^[^=\s]{1,100}=[^=]{1,200}$/.test(value)) return 'a host label as key=value, e.g. role=build';
  // A pattern of wildcards alone would hide every entry of the fleet.
  if (kind === 'path' && !/[^*?\s]/.test(value)) return 'a path pattern with more than wildcards, e.g. c:\\tools\\*';
  return null;
}

const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(500);
const value = z.string().trim().min(1, 'required').max(1024);

function checkValue(v: { kind: SuppressionKind; value: string }, ctx: z.RefinementCtx) {
  const issue = valueIssue(v.kind, v.value);
  if (issue) ctx.addIssue({ code: 'custom', path: ['value'], message: issue });
}

/** The Suppressions page form: `expires` is a duration (30d, 12h) or empty for never. */
export const createSuppressionFormSchema = z
  .object({ kind: z.enum(SUPPRESSION_KINDS), value, reason, expires: durationSchema.optional().transform((v) => v ?? null) })
  .superRefine(checkValue);

/** `POST /api/v1/suppressions` body: `expiresAt` is an ISO-8601 time in the future, or absent for never. */
export const createSuppressionApiSchema = z
  .object({
    kind: z.enum(SUPPRESSION_KINDS),
    value,
    reason,
    expiresAt: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s))
      .refine((d) => d.getTime() > Date.now(), 'must be in the future')
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine(checkValue);

/** The Suppress action of one outliers row. */
export const suppressOutlierSchema = z.object({
  entryId: z.coerce.number().int().positive(),
  target: z.enum(OUTLIER_SUPPRESS_TARGETS),
  reason,
  expires: durationSchema.optional().transform((v) => v ?? null),
});

export const suppressionIdSchema = z.object({ id: z.coerce.number().int().positive() });

export const SUPPRESSION_SORTS = ['createdAt', 'expiresAt', 'kind'] as const;
export type SuppressionSort = (typeof SUPPRESSION_SORTS)[number];
const DEFAULT_SORT = { id: 'createdAt' as const, desc: true };

export const suppressionSearchSchema = z.object({
  q: querySchema,
  kind: z.enum(SUPPRESSION_KINDS).optional().catch(undefined),
  status: z.enum(['active', 'expired', 'all']).catch('active'),
  sort: sortParam(SUPPRESSION_SORTS, DEFAULT_SORT),
  page: pageSchema,
  size: pageSizeSchema,
});

export type SuppressionSearch = z.infer<typeof suppressionSearchSchema>;

export function parseSuppressionSearchParams(raw: RawSearchParams): SuppressionSearch {
  return suppressionSearchSchema.parse(raw);
}

export function serializeSuppressionSearchParams(s: Partial<SuppressionSearch>): string {
  return toQueryString({ q: s.q, kind: s.kind, status: s.status === 'active' ? null : s.status, ...tableStateParams(s, DEFAULT_SORT) });
}
