import 'server-only';
import { db } from '@/lib/db/client';
import { loginRateLimit } from '@/lib/auth/config';

/**
 * True when this account has too many recent failures from this address, or from everywhere together (a looser
 * limit, because client addresses come from x-forwarded-for and can be varied by an attacker).
 */
export async function isLoginThrottled(email: string, ip: string): Promise<boolean> {
  const { maxFailures, maxAccountFailures, windowMs } = loginRateLimit();
  const since = new Date(Date.now() - windowMs);
  const key = email.trim().toLowerCase();
  const [fromHere, overall] = await Promise.all([
    db().loginAttempt.count({ where: { email: key, ip, isSuccess: false, at: { gte: since } } }),
    db().loginAttempt.count({ where: { email: key, isSuccess: false, at: { gte: since } } }),
  ]);
  return fromHere >= maxFailures || overall >= maxAccountFailures;
}

export async function recordLoginAttempt(email: string, ip: string, isSuccess: boolean): Promise<void> {
  const key = email.trim().toLowerCase().slice(0, 320);
  await db().loginAttempt.create({ data: { email: key, ip, isSuccess } });
  // A success clears the failures from that address, so a user who finally remembers is not locked out later.
  if (isSuccess) await db().loginAttempt.deleteMany({ where: { email: key, ip, isSuccess: false } });
}
