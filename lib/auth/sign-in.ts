import 'server-only';
import { recordAudit } from '@/lib/data/audit';
import { isLoginThrottled, recordLoginAttempt } from '@/lib/data/login-attempts';
import { createSession } from '@/lib/data/sessions';
import { getUserForLogin } from '@/lib/data/users';
import { verifyPassword } from './password';

export type SignInResult = { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Password sign-in: rate limit, constant-work verification, one vague answer for unknown account, wrong password
 * and disabled account, and an audit event either way.
 */
export async function signInWithPassword(input: { email: string; password: string; ip: string; userAgent: string | null }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  if (await isLoginThrottled(email, input.ip)) {
    await recordAudit({ actor: email, action: 'auth.login_throttled', ip: input.ip });
    return { ok: false, reason: 'throttled' };
  }
  const user = await getUserForLogin(email);
  const isValid = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !isValid || user.isDisabled) {
    await recordLoginAttempt(email, input.ip, false);
    await recordAudit({ actor: email, action: 'auth.login_failed', ip: input.ip, details: { reason: !user ? 'unknown account' : user.isDisabled ? 'disabled' : 'wrong password' } });
    return { ok: false, reason: 'invalid' };
  }
  await recordLoginAttempt(email, input.ip, true);
  const session = await createSession(user.id, { ip: input.ip, userAgent: input.userAgent });
  await recordAudit({ actor: email, action: 'auth.login', ip: input.ip, details: { method: 'password' } });
  return { ok: true, ...session };
}
