import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import { actorName, assertRole, type Principal } from '@/lib/auth/principal';
import { isRole, type Role } from '@/lib/auth/roles';
import { recordAudit } from './audit';

export interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  isDisabled: boolean;
  hasPassword: boolean;
  isOidc: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

const ROW_SELECT = { id: true, email: true, name: true, role: true, isDisabled: true, passwordHash: true, oidcSubject: true, createdAt: true, lastLoginAt: true } as const;

export async function countUsers(): Promise<number> {
  return db().user.count();
}

/** The columns a password sign-in needs (the hash never leaves lib/). */
export async function getUserForLogin(email: string) {
  return db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, role: true, passwordHash: true, isDisabled: true } });
}

export async function listUsers(actor: Principal): Promise<UserRow[]> {
  assertRole(actor, 'admin');
  const rows = await db().user.findMany({ orderBy: { email: 'asc' }, select: ROW_SELECT });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: isRole(u.role) ? u.role : 'viewer',
    isDisabled: u.isDisabled,
    hasPassword: u.passwordHash !== null,
    isOidc: u.oidcSubject !== null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  }));
}

/** Create a local account; admins (or the CLI) only. */
export async function createUser(actor: Principal, input: { email: string; role: Role; password: string; name?: string | null }, ip?: string | null): Promise<{ id: number }> {
  assertRole(actor, 'admin');
  const email = input.email.trim().toLowerCase();
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) throw new AppError('conflict', `a user ${email} already exists`);
  const user = await db().user.create({
    data: { email, role: input.role, name: input.name ?? null, passwordHash: await hashPassword(input.password), passwordChangedAt: new Date() },
    select: { id: true },
  });
  await recordAudit({ actor: actorName(actor), action: 'user.create', target: email, ip, details: { role: input.role } });
  return user;
}

/**
 * The one-time first-run set-up: creates an admin only while the users table is empty. An advisory lock makes two
 * concurrent set-up requests create one admin, not two.
 */
export async function createFirstAdmin(input: { email: string; password: string; name?: string | null }, ip?: string | null): Promise<{ id: number } | null> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const user = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    if ((await tx.user.count()) > 0) return null;
    return tx.user.create({ data: { email, role: 'admin', name: input.name ?? null, passwordHash, passwordChangedAt: new Date() }, select: { id: true } });
  });
  if (user) await recordAudit({ actor: email, action: 'user.setup', target: email, ip, details: { role: 'admin' } });
  return user;
}

async function emailOf(userId: number): Promise<string> {
  return (await targetOf(userId)).email;
}

async function targetOf(userId: number): Promise<{ email: string; role: string; isDisabled: boolean }> {
  const u = await db().user.findUnique({ where: { id: userId }, select: { email: true, role: true, isDisabled: true } });
  if (!u) throw new AppError('not_found', 'no such user');
  return u;
}

/** Whether taking this user out of the active admins would leave none; only an active admin can be the last one. */
async function isLastActiveAdmin(userId: number, target: { role: string; isDisabled: boolean }): Promise<boolean> {
  if (target.role !== 'admin' || target.isDisabled) return false;
  return (await db().user.count({ where: { role: 'admin', isDisabled: false, id: { not: userId } } })) === 0;
}

/** Change a user's role; refuses to demote the last active admin. */
export async function setUserRole(actor: Principal, userId: number, role: Role, ip?: string | null): Promise<void> {
  assertRole(actor, 'admin');
  const target = await targetOf(userId);
  const { email } = target;
  if (role !== 'admin' && (await isLastActiveAdmin(userId, target))) throw new AppError('conflict', 'the last active admin cannot lose the admin role');
  await db().user.update({ where: { id: userId }, data: { role } });
  await recordAudit({ actor: actorName(actor), action: 'user.role', target: email, ip, details: { role } });
}

/** Disable or re-enable an account; disabling ends its sessions at once. */
export async function setUserDisabled(actor: Principal, userId: number, isDisabled: boolean, ip?: string | null): Promise<void> {
  assertRole(actor, 'admin');
  const target = await targetOf(userId);
  const { email } = target;
  if (isDisabled && (await isLastActiveAdmin(userId, target))) throw new AppError('conflict', 'the last active admin cannot be disabled');
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { isDisabled } }),
    ...(isDisabled ? [db().session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })] : []),
  ]);
  await recordAudit({ actor: actorName(actor), action: isDisabled ? 'user.disable' : 'user.enable', target: email, ip });
}

/** Set a new password (admin reset or the user's own change) and end the user's other sessions. */
export async function setUserPassword(actor: Principal, userId: number, password: string, ip?: string | null): Promise<void> {
  const isSelf = actor.kind === 'user' && actor.userId === userId;
  if (!isSelf) assertRole(actor, 'admin');
  const email = await emailOf(userId);
  const keepSession = isSelf && actor.kind === 'user' ? actor.sessionId : null;
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password), passwordChangedAt: new Date() } }),
    db().session.updateMany({ where: { userId, revokedAt: null, ...(keepSession ? { id: { not: keepSession } } : {}) }, data: { revokedAt: new Date() } }),
  ]);
  await recordAudit({ actor: actorName(actor), action: isSelf ? 'user.password_change' : 'user.password_reset', target: email, ip });
}

/**
 * Find or create the user an OIDC sign-in names (by issuer subject, then by e-mail), with the role the identity
 * provider's claim maps to: the provider stays the source of truth for roles of OIDC users.
 */
export async function upsertOidcUser(input: { subject: string; email: string; name: string | null; role: Role }): Promise<{ id: number; isDisabled: boolean }> {
  const email = input.email.trim().toLowerCase();
  const existing = await db().user.findFirst({ where: { OR: [{ oidcSubject: input.subject }, { email }] }, select: { id: true } });
  const data = { email, name: input.name, role: input.role, oidcSubject: input.subject };
  if (existing) return db().user.update({ where: { id: existing.id }, data, select: { id: true, isDisabled: true } });
  return db().user.create({ data, select: { id: true, isDisabled: true } });
}
