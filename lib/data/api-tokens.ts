import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { actorName, assertRole, type Principal } from '@/lib/auth/principal';
import { isRole, isTokenScope, type TokenScope } from '@/lib/auth/roles';
import { API_TOKEN_PREFIX, newApiToken, sha256Hex } from '@/lib/auth/secrets';
import { recordAudit } from './audit';

export interface ApiTokenRow {
  id: number;
  name: string;
  prefix: string;
  scope: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** lastUsedAt is written at most once a minute per token. */
const TOUCH_EVERY_MS = 60_000;

/** Create a token; the secret is returned once and only its sha256 is kept. Admins (or the CLI) only. */
export async function createApiToken(
  actor: Principal,
  input: { name: string; scope: TokenScope; expiresAt: Date | null },
  ip?: string | null,
): Promise<{ id: number; token: string }> {
  assertRole(actor, 'admin');
  if (input.scope === 'triage' && actor.kind !== 'user') throw new AppError('unprocessable', 'a triage token acts as the admin who creates it: create it on the API tokens page');
  const token = newApiToken();
  const row = await db().apiToken.create({
    data: {
      name: input.name,
      scope: input.scope,
      expiresAt: input.expiresAt,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdById: actor.kind === 'user' ? actor.userId : null,
    },
    select: { id: true },
  });
  await recordAudit({ actor: actorName(actor), action: 'token.create', target: input.name, ip, details: { id: row.id, scope: input.scope, expiresAt: input.expiresAt?.toISOString() ?? null } });
  return { id: row.id, token };
}

/** The token principal behind a bearer value, or null when unknown, revoked or expired. */
export async function resolveApiToken(token: string): Promise<Extract<Principal, { kind: 'token' }> | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const t = await db().apiToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, name: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdBy: { select: { id: true, email: true, role: true, isDisabled: true } } },
  });
  const now = Date.now();
  if (!t || t.revokedAt || (t.expiresAt && t.expiresAt.getTime() <= now)) return null;
  if (!isTokenScope(t.scope)) return null;
  if (!t.lastUsedAt || now - t.lastUsedAt.getTime() > TOUCH_EVERY_MS) await db().apiToken.update({ where: { id: t.id }, data: { lastUsedAt: new Date(now) } });
  const principal = { kind: 'token' as const, tokenId: t.id, name: t.name, scope: t.scope };
  if (t.scope !== 'triage') return principal;
  // The owner's role is read now, so demoting or disabling the owner takes the token's triage rights at once.
  const o = t.createdBy;
  return { ...principal, owner: o && !o.isDisabled && isRole(o.role) ? { userId: o.id, email: o.email, role: o.role } : null };
}

export async function listApiTokens(actor: Principal): Promise<ApiTokenRow[]> {
  assertRole(actor, 'admin');
  const rows = await db().apiToken.findMany({
    orderBy: { id: 'desc' },
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { email: true } } },
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    createdBy: t.createdBy?.email ?? null,
    createdAt: t.createdAt.toISOString(),
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  }));
}

export async function revokeApiToken(actor: Principal, id: number, ip?: string | null): Promise<void> {
  assertRole(actor, 'admin');
  const t = await db().apiToken.findUnique({ where: { id }, select: { name: true, revokedAt: true } });
  if (!t) throw new AppError('not_found', 'no such token');
  if (t.revokedAt) return;
  await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  await recordAudit({ actor: actorName(actor), action: 'token.revoke', target: t.name, ip, details: { id } });
}
