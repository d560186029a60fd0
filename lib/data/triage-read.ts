import 'server-only';
import { db } from '@/lib/db/client';
import type { Severity } from '@/lib/triage/sla';
import type { TriageState, Verdict } from '@/lib/triage/state-machine';

export interface TriageItemView {
  id: number;
  hostId: number | null;
  hostName: string | null;
  state: TriageState;
  severity: Severity;
  verdict: Verdict | null;
  assigneeId: number | null;
  assignee: string | null;
  dueAt: string | null;
  isOverdue: boolean;
  reopenReason: string | null;
  signedOffBy: string | null;
  createdAt: string;
  comments: { id: number; author: string; body: string; at: string }[];
  events: { id: string; at: string; actor: string; field: string; from: string | null; to: string | null; reason: string | null }[];
}

export interface Assignee {
  id: number;
  label: string;
}

/** An entry's triage items (fleet-wide first, then per host) with comments and full history, oldest first. */
export async function getEntryTriage(entryId: number): Promise<TriageItemView[]> {
  const items = await db().triageItem.findMany({
    where: { entryId },
    orderBy: [{ hostId: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    select: {
      id: true, hostId: true, state: true, severity: true, verdict: true, assigneeId: true, dueAt: true, reopenReason: true, signedOffBy: true, createdAt: true,
      host: { select: { name: true } },
      assignee: { select: { email: true, name: true } },
      comments: { orderBy: { id: 'asc' }, select: { id: true, author: true, body: true, createdAt: true } },
      events: { orderBy: { id: 'asc' }, take: 500, select: { id: true, at: true, actor: true, field: true, fromValue: true, toValue: true, reason: true } },
    },
  });
  const now = Date.now();
  return items.map((i) => ({
    id: i.id,
    hostId: i.hostId,
    hostName: i.host?.name ?? null,
    state: i.state as TriageState,
    severity: i.severity as Severity,
    verdict: i.verdict as Verdict | null,
    assigneeId: i.assigneeId,
    assignee: i.assignee ? (i.assignee.name || i.assignee.email) : null,
    dueAt: i.dueAt?.toISOString() ?? null,
    isOverdue: i.dueAt !== null && i.dueAt.getTime() < now && i.state !== 'closed',
    reopenReason: i.reopenReason,
    signedOffBy: i.signedOffBy,
    createdAt: i.createdAt.toISOString(),
    comments: i.comments.map((c) => ({ id: c.id, author: c.author, body: c.body, at: c.createdAt.toISOString() })),
    events: i.events.map((e) => ({ id: e.id.toString(), at: e.at.toISOString(), actor: e.actor, field: e.field, from: e.fromValue, to: e.toValue, reason: e.reason })),
  }));
}

/** Enabled users who can work triage items (analysts and up), for the assign menus. */
export async function listAssignees(): Promise<Assignee[]> {
  const users = await db().user.findMany({
    where: { isDisabled: false, role: { in: ['analyst', 'manager', 'admin'] } },
    orderBy: { email: 'asc' },
    select: { id: true, email: true, name: true },
  });
  return users.map((u) => ({ id: u.id, label: u.name ? `${u.name} (${u.email})` : u.email }));
}

/** Fleet-wide triage state and assignee per entry, for the outliers rows shown. */
export async function getTriageStates(entryIds: number[]): Promise<Record<number, { state: TriageState; assignee: string | null }>> {
  if (entryIds.length === 0) return {};
  const rows = await db().triageItem.findMany({
    where: { entryId: { in: entryIds }, scope: 'fleet' },
    select: { entryId: true, state: true, assignee: { select: { email: true } } },
  });
  return Object.fromEntries(rows.map((r) => [r.entryId, { state: r.state as TriageState, assignee: r.assignee?.email ?? null }]));
}
