import 'server-only';
import { db } from '@/lib/db/client';
import { assertRole, type Principal } from '@/lib/auth/principal';
import { VERDICTS } from '@/lib/triage/state-machine';

export interface Count {
  label: string;
  value: number;
}

export interface AwaitingRow {
  id: number;
  entryId: number;
  entryName: string;
  hostId: number | null;
  hostName: string | null;
  verdict: string;
  verdictBy: string | null;
  verdictAt: string | null;
  isOverdue: boolean;
}

export interface ReviewData {
  byState: Count[];
  byAnalyst: { analyst: string; open: number; awaiting: number; closed: number; overdue: number }[];
  aging: Count[];
  slaBreaches: number;
  throughput: Count[];
  verdictMix: Count[];
  falsePositives: { heuristic: string; decided: number; benign: number; rate: number }[];
  awaiting: AwaitingRow[];
}

const AGE_BUCKETS = ['< 1 day', '1–3 days', '3–7 days', '1–2 weeks', '2–4 weeks', '> 4 weeks'];

/** Manager review (PRODUCT.md §5): every aggregate in SQL, charts get the series as they are. */
export async function getReviewData(actor: Principal): Promise<ReviewData> {
  assertRole(actor, 'manager');
  const q = db();
  const [byState, byAnalyst, aging, breaches, throughput, verdictMix, falsePositives, awaiting] = await Promise.all([
    q.$queryRaw<Count[]>`SELECT state AS label, count(*)::int AS value FROM triage_items GROUP BY state`,
    q.$queryRaw<ReviewData['byAnalyst']>`SELECT COALESCE(u.email, '(unassigned)') AS analyst,
        count(*) FILTER (WHERE t.state IN ('new', 'in_review'))::int AS open,
        count(*) FILTER (WHERE t.state = ANY(${VERDICTS}::text[]))::int AS awaiting,
        count(*) FILTER (WHERE t.state = 'closed')::int AS closed,
        count(*) FILTER (WHERE t.state <> 'closed' AND t.due_at < now())::int AS overdue
      FROM triage_items t LEFT JOIN users u ON u.id = t.assignee_id GROUP BY 1 ORDER BY open DESC, 1`,
    q.$queryRaw<{ bucket: number; value: number }[]>`SELECT width_bucket(extract(epoch FROM now() - created_at) / 86400, ARRAY[1, 3, 7, 14, 28]::float8[]) AS bucket,
        count(*)::int AS value FROM triage_items WHERE state <> 'closed' GROUP BY 1`,
    q.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM triage_items WHERE state <> 'closed' AND due_at < now()`,
    q.$queryRaw<Count[]>`SELECT to_char(w.week, 'YYYY-MM-DD') AS label, count(ev.id)::int AS value
      FROM generate_series(date_trunc('week', now()) - interval '11 weeks', date_trunc('week', now()), interval '1 week') AS w(week)
      LEFT JOIN triage_events ev ON ev.field = 'state' AND ev.to_value = ANY(${VERDICTS}::text[]) AND date_trunc('week', ev.at) = w.week
      GROUP BY w.week ORDER BY w.week`,
    q.$queryRaw<Count[]>`SELECT verdict AS label, count(*)::int AS value FROM triage_items WHERE verdict IS NOT NULL GROUP BY verdict ORDER BY value DESC`,
    q.$queryRaw<{ heuristic: string; decided: number; benign: number }[]>`SELECT h AS heuristic, count(*)::int AS decided,
        count(*) FILTER (WHERE t.verdict = 'benign')::int AS benign
      FROM triage_items t, unnest(t.heuristic_ids) AS h WHERE t.verdict IS NOT NULL GROUP BY h ORDER BY decided DESC, h LIMIT 50`,
    q.$queryRaw<(Omit<AwaitingRow, 'verdictAt'> & { verdictAt: Date | null })[]>`SELECT t.id, t.entry_id AS "entryId", e.name AS "entryName", t.host_id AS "hostId", h.name AS "hostName",
        t.verdict, t.verdict_by AS "verdictBy", t.verdict_at AS "verdictAt", COALESCE(t.due_at < now(), false) AS "isOverdue"
      FROM triage_items t JOIN entries e ON e.id = t.entry_id LEFT JOIN hosts h ON h.id = t.host_id
      WHERE t.state = ANY(${VERDICTS}::text[]) ORDER BY t.verdict_at NULLS LAST, t.id LIMIT 200`,
  ]);
  const buckets = new Map(aging.map((a) => [a.bucket, a.value]));
  return {
    byState,
    byAnalyst,
    aging: AGE_BUCKETS.map((label, i) => ({ label, value: buckets.get(i) ?? 0 })),
    slaBreaches: breaches[0]?.n ?? 0,
    throughput,
    verdictMix,
    falsePositives: falsePositives.map((f) => ({ ...f, rate: f.decided ? f.benign / f.decided : 0 })),
    awaiting: awaiting.map((a) => ({ ...a, verdictAt: a.verdictAt?.toISOString() ?? null })),
  };
}

export const TRIAGE_EXPORT_HEADER = ['item', 'entry_id', 'entry', 'host', 'state', 'verdict', 'severity', 'assignee', 'created_at', 'due_at', 'overdue', 'verdict_by', 'signed_off_by', 'reopen_reason'] as const;

/** Every triage item as CSV rows (managers), in id order, read in batches of 1,000. */
export async function* iterateTriageItems(actor: Principal): AsyncGenerator<unknown[]> {
  assertRole(actor, 'manager');
  let after = 0;
  for (;;) {
    const rows = await db().$queryRaw<{ id: number; r: unknown[] }[]>`SELECT t.id, ARRAY[t.id::text, t.entry_id::text, e.name, h.name, t.state, t.verdict, t.severity, u.email,
        t.created_at::text, t.due_at::text, (t.state <> 'closed' AND t.due_at < now())::text, t.verdict_by, t.signed_off_by, t.reopen_reason] AS r
      FROM triage_items t JOIN entries e ON e.id = t.entry_id LEFT JOIN hosts h ON h.id = t.host_id LEFT JOIN users u ON u.id = t.assignee_id
      WHERE t.id > ${after} ORDER BY t.id LIMIT 1000`;
    if (rows.length === 0) return;
    for (const row of rows) yield row.r;
    after = rows[rows.length - 1].id;
  }
}
