import 'server-only';
import { db } from '@/lib/db/client';
import { sessionLimits } from '@/lib/auth/config';
import type { Principal } from '@/lib/auth/principal';
import { isRole } from '@/lib/auth/roles';
import { newSecret, sha256Hex } from '@/lib/auth/secrets';

/** lastSeenAt is refreshed at most once a minute, so reads do not turn every page view into a write. */
const TOUCH_EVERY_MS = 60_000;

/** Start a session: the raw token goes into the cookie, only its sha256 into the table. */
export async function createSession(userId: number, meta: { ip?: string | null; userAgent?: string | null }): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret(32);
  const expiresAt = new Date(Date.now() + sessionLimits().absoluteMs);
  await db().$transaction([
    db().session.create({ data: { tokenHash: sha256Hex(token), userId, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null } }),
    db().user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } }),
  ]);
  return { token, expiresAt };
}

/** The user behind a session cookie, or null when it is unknown, revoked, idle too long, past its end, or disabled. */
export async function resolveSession(token: string | undefined | null): Promise<Extract<Principal, { kind: 'user' }> | null> {
  if (!token || token.length > 100) return null;
  const s = await db().session.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, lastSeenAt: true, expiresAt: true, revokedAt: true, user: { select: { id: true, email: true, name: true, role: true, isDisabled: true } } },
  });
  const now = Date.now();
  if (!s || s.revokedAt || s.expiresAt.getTime() <= now || s.user.isDisabled || !isRole(s.user.role)) return null;
  if (s.lastSeenAt.getTime() + sessionLimits().idleMs <= now) return null;
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await db().session.update({ where: { id: s.id }, data: { lastSeenAt: new Date(now) } });
  return { kind: 'user', userId: s.user.id, email: s.user.email, name: s.user.name, role: s.user.role, sessionId: s.id };
}

export async function revokeSession(token: string): Promise<void> {
  await db().session.updateMany({ where: { tokenHash: sha256Hex(token), revokedAt: null }, data: { revokedAt: new Date() } });
}
