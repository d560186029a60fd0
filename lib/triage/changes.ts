import { Prisma } from '@/lib/generated/prisma/client';
import type { SlaSettings } from './sla';
import { canTransition, isVerdict, TRIAGE_STATES, type TriageActor, type TriageState } from './state-machine';

// Set-based steps of a triage change, each one statement over any number of items, run inside the caller's
// transaction. No `server-only` here: the ingest (also run by the CLI) re-opens drifted items with these steps.

type Tx = Prisma.TransactionClient;

export interface ChangeContext {
  /** Written to triage_events.actor and audit_events.actor: an e-mail, `token:<name>` or `ingest`. */
  actor: string;
  ip: string | null;
  sla: SlaSettings;
}

/** Score thresholds of the severities above `low` (the SLA's keys). */
const SEVERITY_SQL = (score: Prisma.Sql) =>
  Prisma.sql`CASE WHEN ${score} >= 80 THEN 'critical' WHEN ${score} >= 60 THEN 'high' WHEN ${score} >= 40 THEN 'medium' ELSE 'low' END`;

/** The due date an item of `severity` gets when it is opened or re-opened now. */
export function dueSql(sla: SlaSettings, severity: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`now() + make_interval(hours => (${JSON.stringify(sla)}::jsonb ->> ${severity})::int)`;
}

/**
 * Run one statement that RETURNs (item_id, entry_id, field, from_value, to_value, reason) for the
 * rows it really changed, write those rows to the item history and the audit log in the same statement, and return the ids of the items changed.
 * recordAudit writes one row per call outside the transaction; a bulk change over thousands of items needs both
 * set-based and atomic with the change itself.
 */
export async function recordChanges(tx: Tx, ctx: ChangeContext, changed: Prisma.Sql): Promise<number[]> {
  const [row] = await tx.$queryRaw<{ ids: number[] }[]>`
    WITH changed AS (${changed}),
    history AS (
      INSERT INTO triage_events (item_id, actor, field, from_value, to_value, reason)
      SELECT item_id, ${ctx.actor}, field, from_value, to_value, reason FROM changed
    ),
    audit AS (
      INSERT INTO audit_events (actor, action, target, ip, details)
      SELECT ${ctx.actor}, 'triage.' || field, 'entry:' || entry_id, ${ctx.ip},
             jsonb_build_object('item', item_id, 'from', from_value, 'to', to_value, 'reason', reason)
      FROM changed
    )
    SELECT COALESCE(array_agg(DISTINCT item_id), '{}') AS ids FROM changed`;
  return row?.ids ?? [];
}

/**
 * Open the items that do not exist yet for these entries (fleet-wide, or narrowed to one host), with a severity
 * from the entry's current score and a due date from the SLA; returns the ids of all the targeted items.
 */
export async function ensureItems(tx: Tx, ctx: ChangeContext, scored: Prisma.Sql, entryIds: number[], hostId: number | null): Promise<number[]> {
  const scope = hostId === null ? 'fleet' : `host:${hostId}`;
  const severity = SEVERITY_SQL(Prisma.sql`COALESCE(s.score, 0)`);
  await recordChanges(
    tx,
    ctx,
    Prisma.sql`
      INSERT INTO triage_items (entry_id, host_id, scope, severity, due_at, heuristic_ids)
      SELECT e.id, ${hostId}::int, ${scope}, ${severity}, ${dueSql(ctx.sla, severity)}, COALESCE(s.heuristic_ids, '{}')
      FROM entries e LEFT JOIN (SELECT id, score, heuristic_ids FROM (${scored}) sc WHERE id = ANY(${entryIds}::int[])) s ON s.id = e.id
      WHERE e.id = ANY(${entryIds}::int[])
      ON CONFLICT (entry_id, scope) DO NOTHING
      RETURNING id AS item_id, entry_id, 'created' AS field, NULL::text AS from_value, state AS to_value, NULL::text AS reason`,
  );
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM triage_items WHERE entry_id = ANY(${entryIds}::int[]) AND scope = ${scope} ORDER BY id`;
  return rows.map((r) => r.id);
}

/**
 * Move the items the actor may move to `to` (per the state machine); items in other states are left alone and
 * counted as skipped by the caller. A verdict is kept after sign-off; re-opening restarts the SLA clock.
 */
export async function setState(tx: Tx, ctx: ChangeContext, itemIds: number[], to: TriageState, actor: TriageActor, reason: string | null): Promise<number[]> {
  const from = TRIAGE_STATES.filter((s) => canTransition(s, to, actor));
  if (from.length === 0) return [];
  const isV = isVerdict(to);
  return recordChanges(
    tx,
    ctx,
    Prisma.sql`
      UPDATE triage_items t SET state = ${to}, updated_at = now(),
        verdict = CASE WHEN ${isV} THEN ${to} ELSE t.verdict END,
        verdict_at = CASE WHEN ${isV} THEN now() ELSE t.verdict_at END,
        verdict_by = CASE WHEN ${isV} THEN ${ctx.actor} ELSE t.verdict_by END,
        closed_at = CASE WHEN ${to} = 'closed' THEN now() END,
        signed_off_by = CASE WHEN ${to} = 'closed' THEN ${ctx.actor} WHEN ${to} = 'new' THEN NULL ELSE t.signed_off_by END,
        reopen_reason = CASE WHEN ${to} IN ('new', 'in_review') THEN ${reason} ELSE t.reopen_reason END,
        due_at = CASE WHEN ${to} = 'new' THEN ${dueSql(ctx.sla, Prisma.sql`t.severity`)} ELSE t.due_at END
      FROM triage_items o
      WHERE o.id = t.id AND t.id = ANY(${itemIds}::int[]) AND o.state = ANY(${from}::text[])
      RETURNING t.id AS item_id, t.entry_id, 'state' AS field, o.state AS from_value, t.state AS to_value, ${reason}::text AS reason`,
  );
}

/** Assign (or unassign with null) the items not already assigned to that user. */
export async function assignItems(tx: Tx, ctx: ChangeContext, itemIds: number[], assigneeId: number | null): Promise<number[]> {
  return recordChanges(
    tx,
    ctx,
    Prisma.sql`
      UPDATE triage_items t SET assignee_id = ${assigneeId}::int, updated_at = now()
      FROM triage_items o
      WHERE o.id = t.id AND t.id = ANY(${itemIds}::int[]) AND o.assignee_id IS DISTINCT FROM ${assigneeId}::int
      RETURNING t.id AS item_id, t.entry_id, 'assignee' AS field,
        (SELECT email FROM users WHERE id = o.assignee_id) AS from_value,
        (SELECT email FROM users WHERE id = t.assignee_id) AS to_value, NULL::text AS reason`,
  );
}

export async function setDue(tx: Tx, ctx: ChangeContext, itemIds: number[], dueAt: Date | null): Promise<number[]> {
  return recordChanges(
    tx,
    ctx,
    Prisma.sql`
      UPDATE triage_items t SET due_at = ${dueAt}::timestamptz, updated_at = now()
      FROM triage_items o
      WHERE o.id = t.id AND t.id = ANY(${itemIds}::int[]) AND o.due_at IS DISTINCT FROM ${dueAt}::timestamptz
      RETURNING t.id AS item_id, t.entry_id, 'due' AS field, o.due_at::text AS from_value, t.due_at::text AS to_value, NULL::text AS reason`,
  );
}

/** One comment per item; the history keeps its first 200 characters. */
export async function addComments(tx: Tx, ctx: ChangeContext, itemIds: number[], body: string): Promise<number[]> {
  return recordChanges(
    tx,
    ctx,
    Prisma.sql`
      INSERT INTO triage_comments (item_id, author, body)
      SELECT id, ${ctx.actor}, ${body} FROM triage_items WHERE id = ANY(${itemIds}::int[])
      RETURNING item_id, (SELECT entry_id FROM triage_items WHERE id = item_id) AS entry_id, 'comment' AS field,
        NULL::text AS from_value, left(body, 200) AS to_value, NULL::text AS reason`,
  );
}
