import { z } from 'zod';

// A real calendar day: the regex alone let 2026-13-45 through to an Invalid Date in the query (an error page).
const day = z.iso.date().optional().catch(undefined);
/** Empty means absent, so a parsed search serializes and parses back to itself. */
const text = (max: number) => z.string().trim().max(max).transform((s) => s || undefined).optional().catch(undefined);

/** /admin/audit and its CSV export: ?actor=&action=&from=YYYY-MM-DD&to=YYYY-MM-DD&page= (to is inclusive). */
export const auditSearchSchema = z.object({
  actor: text(200),
  action: text(100),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditSearch = z.infer<typeof auditSearchSchema>;

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function parseAuditSearchParams(raw: Record<string, string | string[] | undefined>): AuditSearch {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return auditSearchSchema.parse(flat);
}

export function auditFilterOf(s: AuditSearch): AuditFilter {
  return {
    actor: s.actor || undefined,
    action: s.action || undefined,
    from: s.from ? new Date(`${s.from}T00:00:00Z`) : undefined,
    to: s.to ? new Date(new Date(`${s.to}T00:00:00Z`).getTime() + 86400_000) : undefined,
    page: s.page,
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/** The query string of a search, for links (pager, export) that keep the filters. */
export function serializeAuditSearch(s: AuditSearch, page = s.page): string {
  const p = new URLSearchParams();
  if (s.actor) p.set('actor', s.actor);
  if (s.action) p.set('action', s.action);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (page > 1) p.set('page', String(page));
  const q = p.toString();
  return q ? `?${q}` : '';
}
