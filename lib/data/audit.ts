import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertRole, type Principal } from '@/lib/auth/principal';
import type { AuditFilter } from '@/lib/validation/audit';

export interface AuditInput {
  actor: string;
  action: string;
  target?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Append one event; audit_events refuses UPDATE and DELETE (trigger in the access migration). */
export async function recordAudit(event: AuditInput): Promise<void> {
  await db().auditEvent.create({
    data: { actor: event.actor, action: event.action, target: event.target ?? null, ip: event.ip ?? null, details: (event.details ?? {}) as Prisma.InputJsonValue },
  });
}

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  details: string;
}

function whereOf(f: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    ...(f.actor ? { actor: { contains: f.actor, mode: 'insensitive' } } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

const SELECT = { id: true, at: true, actor: true, action: true, target: true, ip: true, details: true } as const;

function toRow(e: { id: bigint; at: Date; actor: string; action: string; target: string | null; ip: string | null; details: unknown }): AuditRow {
  return { id: e.id.toString(), at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target, ip: e.ip, details: JSON.stringify(e.details) };
}

/** One page of events, newest first; managers and admins only. */
export async function listAuditEvents(actor: Principal, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  assertRole(actor, 'manager');
  const where = whereOf(f);
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({ where, orderBy: { id: 'desc' }, skip: (f.page - 1) * f.pageSize, take: f.pageSize, select: SELECT }),
    db().auditEvent.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** Every matching event for a CSV export, newest first, read in batches and capped at `limit` rows. */
export async function* iterateAuditEvents(actor: Principal, f: AuditFilter, limit = 200_000): AsyncGenerator<AuditRow> {
  assertRole(actor, 'manager');
  const where = whereOf(f);
  let cursor: bigint | null = null;
  let count = 0;
  while (count < limit) {
    const batch: { id: bigint; at: Date; actor: string; action: string; target: string | null; ip: string | null; details: unknown }[] =
      await db().auditEvent.findMany({
        where: cursor === null ? where : { AND: [where, { id: { lt: cursor } }] },
        orderBy: { id: 'desc' },
        take: Math.min(1000, limit - count),
        select: SELECT,
      });
    if (batch.length === 0) return;
    for (const e of batch) yield toRow(e);
    count += batch.length;
    cursor = batch[batch.length - 1].id;
  }
}
