import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { actorName, assertRole, type Principal } from '@/lib/auth/principal';
import { AppError } from '@/lib/errors';
import type { SuppressionKind, SuppressionSearch, SuppressionSort } from '@/lib/validation/suppressions';
import { recordAudit } from './audit';

export interface SuppressionRow {
  id: number;
  kind: string;
  value: string;
  /** The entry's name when kind is entry (the value is its id). */
  entryName: string | null;
  reason: string;
  owner: string;
  createdAt: string;
  expiresAt: string | null;
  isActive: boolean;
}

export interface NewSuppression {
  kind: SuppressionKind;
  value: string;
  reason: string;
  expiresAt: Date | null;
}

const ORDER: Record<SuppressionSort, Prisma.Sql> = {
  createdAt: Prisma.sql`s.created_at`,
  expiresAt: Prisma.sql`s.expires_at`,
  kind: Prisma.sql`s.kind`,
};

const SELECT = Prisma.sql`
  SELECT s.id, s.kind, s.value, e.name AS "entryName", s.reason, s.owner, s.created_at AS "createdAt",
         s.expires_at AS "expiresAt", (s.expires_at IS NULL OR s.expires_at > now()) AS "isActive"
  FROM suppressions s LEFT JOIN entries e ON s.kind = 'entry' AND e.id::text = s.value`;

type RawRow = Omit<SuppressionRow, 'createdAt' | 'expiresAt'> & { createdAt: Date; expiresAt: Date | null };

function toRow(r: RawRow): SuppressionRow {
  return { ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt?.toISOString() ?? null };
}

function whereOf(s: SuppressionSearch): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (s.status === 'active') parts.push(Prisma.sql`(s.expires_at IS NULL OR s.expires_at > now())`);
  if (s.status === 'expired') parts.push(Prisma.sql`s.expires_at <= now()`);
  if (s.kind) parts.push(Prisma.sql`s.kind = ${s.kind}`);
  if (s.q) {
    const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(s.value ILIKE ${like} OR s.reason ILIKE ${like} OR s.owner ILIKE ${like} OR e.name ILIKE ${like})`);
  }
  return Prisma.join(parts, ' AND ');
}

/** One page of suppressions, newest first by default; active ones only unless the search asks otherwise. */
export async function listSuppressions(s: SuppressionSearch): Promise<{ rows: SuppressionRow[]; total: number }> {
  const where = whereOf(s);
  const dir = s.sort.desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const [rows, totals] = await Promise.all([
    db().$queryRaw<RawRow[]>`${SELECT} WHERE ${where} ORDER BY ${ORDER[s.sort.id]} ${dir}, s.id DESC LIMIT ${s.size} OFFSET ${(s.page - 1) * s.size}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM suppressions s LEFT JOIN entries e ON s.kind = 'entry' AND e.id::text = s.value WHERE ${where}`,
  ]);
  return { rows: rows.map(toRow), total: totals[0]?.n ?? 0 };
}

async function getSuppression(id: number): Promise<SuppressionRow | null> {
  const rows = await db().$queryRaw<RawRow[]>`${SELECT} WHERE s.id = ${id}`;
  return rows[0] ? toRow(rows[0]) : null;
}

/** Managers only; the owner is the acting user. An entry suppression must name an existing entry. */
export async function createSuppression(actor: Principal, input: NewSuppression, ip?: string | null): Promise<SuppressionRow> {
  assertRole(actor, 'manager');
  if (input.kind === 'entry' && !(await db().entry.findUnique({ where: { id: Number(input.value) }, select: { id: true } }))) {
    throw new AppError('not_found', `no entry ${input.value}`);
  }
  const row = await db().suppression.create({
    data: { kind: input.kind, value: input.value, reason: input.reason, owner: actorName(actor), expiresAt: input.expiresAt },
    select: { id: true },
  });
  await recordAudit({ actor: actorName(actor), action: 'suppression.create', target: `${input.kind}:${input.value}`, ip, details: { id: row.id, reason: input.reason, expiresAt: input.expiresAt?.toISOString() ?? null } });
  return (await getSuppression(row.id))!;
}

/**
 * The value an outliers-row Suppress action stands for: the entry's id, its executable path, or the signer of
 * most of its current variants. Throws unprocessable when the entry has no such value (an unsigned image).
 */
export async function suppressionValueForEntry(entryId: number, target: 'entry' | 'signer' | 'path'): Promise<string> {
  const entry = await db().entry.findUnique({ where: { id: entryId }, select: { id: true, executable: true } });
  if (!entry) throw new AppError('not_found', `no entry ${entryId}`);
  if (target === 'entry') return String(entry.id);
  if (target === 'path') {
    if (!entry.executable) throw new AppError('unprocessable', 'this entry has no executable path');
    return entry.executable;
  }
  const [top] = await db().$queryRaw<{ signer: string }[]>`
    SELECT v.signer FROM presences p JOIN variants v ON v.id = p.variant_id
    WHERE p.entry_id = ${entryId} AND p.until_at IS NULL AND COALESCE(v.signer, '') <> ''
    GROUP BY v.signer ORDER BY count(*) DESC, v.signer LIMIT 1`;
  if (!top) throw new AppError('unprocessable', 'this entry has no signer');
  return top.signer;
}

/** End a suppression now, keeping it for the record; expiring an expired one is refused. Managers only. */
export async function expireSuppression(actor: Principal, id: number, ip?: string | null): Promise<SuppressionRow> {
  assertRole(actor, 'manager');
  const n = await db().$executeRaw`UPDATE suppressions SET expires_at = now() WHERE id = ${id} AND (expires_at IS NULL OR expires_at > now())`;
  const row = await getSuppression(id);
  if (!row) throw new AppError('not_found', `no suppression ${id}`);
  if (n === 0) throw new AppError('conflict', `suppression ${id} has already expired`);
  await recordAudit({ actor: actorName(actor), action: 'suppression.expire', target: `${row.kind}:${row.value}`, ip, details: { id } });
  return row;
}

/** Remove a suppression altogether (the API's DELETE); the audit log keeps what it was. Managers only. */
export async function deleteSuppression(actor: Principal, id: number, ip?: string | null): Promise<void> {
  assertRole(actor, 'manager');
  const row = await getSuppression(id);
  if (!row) throw new AppError('not_found', `no suppression ${id}`);
  await db().suppression.delete({ where: { id } });
  await recordAudit({ actor: actorName(actor), action: 'suppression.delete', target: `${row.kind}:${row.value}`, ip, details: { id, reason: row.reason, owner: row.owner } });
}
