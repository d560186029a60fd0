import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { scoredEntriesSql } from '@/lib/analytics/score-sql';
import { actorName, type Principal } from '@/lib/auth/principal';
import { hasRole, type Role } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { addComments, assignItems, ensureItems, setDue, setState, type ChangeContext } from '@/lib/triage/changes';
import { STATE_LABELS, VERDICTS } from '@/lib/triage/state-machine';
import { suppressItems } from '@/lib/triage/suppress';
import type { TriageChangeInput } from '@/lib/validation/triage';
import { notifyMentioned } from './mentions';
import { getScoreSettings, getSlaSettings } from './settings';

type Tx = Prisma.TransactionClient;

export interface TriageResult {
  /** Items targeted (opened where missing). */
  items: number;
  /** Items at least one field of which changed. */
  changed: number;
  /** Items the requested state change did not apply to (a transition the state machine refuses). */
  skipped: number;
}

interface Acting {
  role: Role;
  /** The user acting (a triage token's owner); null for the command line. */
  userId: number | null;
}

/** The role the rules apply: a user's own, a triage token's owner's (read at each request), the CLI's admin. */
function acting(actor: Principal): Acting {
  if (actor.kind === 'user') return { role: actor.role, userId: actor.userId };
  if (actor.kind === 'system') return { role: 'admin', userId: null };
  if (actor.scope !== 'triage' || !actor.owner) throw new AppError('forbidden', 'triage takes a triage token whose owner is an enabled user');
  return { role: actor.owner.role, userId: actor.owner.userId };
}

/** Who may ask for what, before anything is written (STYLE.md rule 10); the state machine filters per item. */
function checkAllowed(who: Acting, change: TriageChangeInput): void {
  if (!hasRole(who.role, 'analyst')) throw new AppError('forbidden', 'this needs the analyst role');
  const isManager = hasRole(who.role, 'manager');
  const self = who.userId;
  if (change.assignee !== undefined && change.assignee !== 'me' && change.assignee !== self && !isManager) {
    throw new AppError('forbidden', 'only managers assign items to others');
  }
  // Suppressions are a manager's tool (PRODUCT.md §7), except the one an analyst's benign verdict carries: a
  // manager signs that verdict off, and can end the suppression then.
  if (change.suppression && change.state !== 'benign' && !isManager) throw new AppError('forbidden', 'a suppression needs a benign verdict or the manager role');
}

/** Notices for the assignee: one per item for a few, one summary for a bulk assignment. */
async function notifyAssigned(tx: Tx, actor: Principal, ids: number[], userId: number, self: number | null): Promise<void> {
  if (ids.length === 0 || self === userId) return;
  if (ids.length > 3) {
    await tx.notification.create({ data: { userId, kind: 'assigned', message: `${ids.length} triage items assigned to you by ${actorName(actor)}` } });
    return;
  }
  await tx.$executeRaw`INSERT INTO notifications (user_id, kind, item_id, message)
    SELECT ${userId}, 'assigned', t.id, 'Assigned to you by ' || ${actorName(actor)} || ': ' || e.name
    FROM triage_items t JOIN entries e ON e.id = t.entry_id WHERE t.id = ANY(${ids}::int[])`;
}

/** A send-back tells whoever works the item: its assignee, else the analyst who gave the verdict. */
async function notifySentBack(tx: Tx, ids: number[], reason: string | null): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`INSERT INTO notifications (user_id, kind, item_id, message)
    SELECT COALESCE(t.assignee_id, u.id), 'sent_back', t.id, 'Sent back: ' || e.name || COALESCE(' (' || ${reason}::text || ')', '')
    FROM triage_items t JOIN entries e ON e.id = t.entry_id LEFT JOIN users u ON u.email = t.verdict_by
    WHERE t.id = ANY(${ids}::int[]) AND COALESCE(t.assignee_id, u.id) IS NOT NULL`;
}

/**
 * Apply one change to the triage items of these entries (fleet-wide, or narrowed to `change.hostId`), opening the
 * missing items first; everything (items, history, audit, suppression, notices) in one transaction, each step one
 * set-based statement however many entries. The comment doubles as the reason of a send-back or re-open. A single
 * item (`isStrict`) the state machine refuses is an error; a bulk change counts such items as skipped.
 */
export async function applyTriage(actor: Principal, entryIds: number[], change: TriageChangeInput, ip: string | null = null, isStrict = true): Promise<TriageResult> {
  const who = acting(actor);
  checkAllowed(who, change);
  if (entryIds.length === 0) return { items: 0, changed: 0, skipped: 0 };
  const [score, sla] = await Promise.all([getScoreSettings(), getSlaSettings()]);
  const ctx: ChangeContext = { actor: actorName(actor), ip, sla };
  const assignee = change.assignee === 'me' ? who.userId : change.assignee;
  if (typeof assignee === 'number' && !(await db().user.findFirst({ where: { id: assignee, isDisabled: false, role: { in: ['analyst', 'manager', 'admin'] } }, select: { id: true } }))) {
    throw new AppError('unprocessable', `user ${assignee} cannot be assigned triage`);
  }
  return db().$transaction(
    async (tx) => {
      const itemIds = await ensureItems(tx, ctx, scoredEntriesSql(score), entryIds, change.hostId);
      if (itemIds.length === 0) throw new AppError('not_found', entryIds.length === 1 ? `no entry ${entryIds[0]}` : 'none of these entries exist');
      const changed = new Set<number>();
      const add = (ids: number[]) => ids.forEach((i) => changed.add(i));
      let stateChanged = itemIds.length;
      if (change.state) {
        const reason = change.state === 'new' || change.state === 'in_review' ? (change.comment ?? null) : null;
        const verdictIds = change.state === 'in_review'
          ? (await tx.$queryRaw<{ id: number }[]>`SELECT id FROM triage_items WHERE id = ANY(${itemIds}::int[]) AND state = ANY(${VERDICTS}::text[])`).map((r) => r.id)
          : [];
        if (verdictIds.length > 0 && !reason) throw new AppError('unprocessable', 'say why you send it back (comment)');
        const moved = await setState(tx, ctx, itemIds, change.state, who.role, reason);
        add(moved);
        stateChanged = moved.length;
        await notifySentBack(tx, moved.filter((i) => verdictIds.includes(i)), reason);
      }
      if (assignee !== undefined) {
        const assigned = await assignItems(tx, ctx, itemIds, assignee);
        add(assigned);
        if (assignee !== null) await notifyAssigned(tx, actor, assigned, assignee, who.userId);
      }
      if (change.dueAt !== undefined) add(await setDue(tx, ctx, itemIds, change.dueAt));
      if (change.comment) {
        add(await addComments(tx, ctx, itemIds, change.comment));
        await notifyMentioned(tx, { name: ctx.actor, userId: who.userId }, itemIds, change.comment);
      }
      if (change.suppression) add(await suppressItems(tx, ctx, itemIds, change.suppression));
      if (isStrict && change.state && stateChanged === 0 && itemIds.length === 1) {
        const [row] = await tx.$queryRaw<{ state: keyof typeof STATE_LABELS }[]>`SELECT state FROM triage_items WHERE id = ${itemIds[0]}`;
        throw new AppError('conflict', `cannot move this item from ${STATE_LABELS[row.state] ?? row.state} to ${STATE_LABELS[change.state]}`);
      }
      return { items: itemIds.length, changed: changed.size, skipped: itemIds.length - stateChanged };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
