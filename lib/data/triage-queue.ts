import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import type { Principal } from '@/lib/auth/principal';
import type { Severity } from '@/lib/triage/sla';
import type { TriageState } from '@/lib/triage/state-machine';
import type { TriageQueueSearch, TriageQueueSort } from '@/lib/validation/triage';

export interface QueueRow {
  id: number;
  entryId: number;
  entryName: string;
  command: string;
  hostName: string | null;
  state: TriageState;
  severity: Severity;
  assignee: string | null;
  ageDays: number;
  dueAt: string | null;
  isOverdue: boolean;
  reopenReason: string | null;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  /** Items per state in this view, for the state filter's counts. */
  states: { value: string; count: number }[];
}

const ORDER: Record<TriageQueueSort, Prisma.Sql> = {
  age: Prisma.sql`t.created_at`,
  due: Prisma.sql`t.due_at`,
  severity: Prisma.sql`array_position(ARRAY['low','medium','high','critical'], t.severity)`,
  updated: Prisma.sql`t.updated_at`,
};

function viewWhere(actor: Principal, s: TriageQueueSearch): Prisma.Sql {
  if (s.view === 'mine') return Prisma.sql`t.assignee_id = ${actor.kind === 'user' ? actor.userId : -1}`;
  if (s.view === 'unassigned') return Prisma.sql`t.assignee_id IS NULL`;
  return Prisma.sql`TRUE`;
}

/** One page of the triage queue (mine, unassigned or all) by state; "open" is everything not closed. Age sorts oldest first when descending. */
export async function listTriageQueue(actor: Principal, s: TriageQueueSearch): Promise<QueuePage> {
  const view = viewWhere(actor, s);
  const state = s.state === 'open' ? Prisma.sql`t.state <> 'closed'` : Prisma.sql`t.state = ${s.state}`;
  // "Age, descending" reads as oldest first: the created_at order is the reverse.
  const desc = s.sort.id === 'age' ? !s.sort.desc : s.sort.desc;
  const dir = desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const [rows, totals, states] = await Promise.all([
    db().$queryRaw<(Omit<QueueRow, 'dueAt'> & { dueAt: Date | null })[]>`
      SELECT t.id, t.entry_id AS "entryId", e.name AS "entryName", e.command, h.name AS "hostName", t.state, t.severity,
             u.email AS assignee, (extract(epoch FROM now() - t.created_at) / 86400)::int AS "ageDays", t.due_at AS "dueAt",
             (t.due_at < now() AND t.state <> 'closed') AS "isOverdue", t.reopen_reason AS "reopenReason"
      FROM triage_items t JOIN entries e ON e.id = t.entry_id LEFT JOIN hosts h ON h.id = t.host_id LEFT JOIN users u ON u.id = t.assignee_id
      WHERE ${view} AND ${state} ORDER BY ${ORDER[s.sort.id]} ${dir}, t.id LIMIT ${s.size} OFFSET ${(s.page - 1) * s.size}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM triage_items t WHERE ${view} AND ${state}`,
    db().$queryRaw<{ value: string; count: number }[]>`SELECT t.state AS value, count(*)::int AS count FROM triage_items t WHERE ${view} GROUP BY t.state`,
  ]);
  return { rows: rows.map((r) => ({ ...r, dueAt: r.dueAt?.toISOString() ?? null })), total: totals[0]?.n ?? 0, states };
}
