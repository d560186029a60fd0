'use server';

import { redirect } from 'next/navigation';
import { verifyPassword } from '@/lib/auth/password';
import { requireUser } from '@/lib/auth/require-user';
import { endSession, requestMeta } from '@/lib/auth/session';
import { recordAudit } from '@/lib/data/audit';
import { getUserForLogin, setUserPassword } from '@/lib/data/users';
import { changePasswordSchema, invalid, type ActionResult } from '@/lib/validation/auth';

/** Change one's own password (the current one is required); other sessions of the user end. */
export async function changePassword(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser('viewer');
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  const account = await getUserForLogin(user.email);
  if (!account?.passwordHash || !(await verifyPassword(parsed.data.current, account.passwordHash))) {
    await recordAudit({ actor: user.email, action: 'user.password_change_failed', target: user.email, ip });
    return { ok: false, errors: { current: ['the current password is wrong'] }, message: 'The password was not changed.' };
  }
  await setUserPassword(user, user.userId, parsed.data.password, ip);
  return { ok: true, message: 'Password changed. Your other sessions were signed out.' };
}

/** Sign out: the session is revoked in the database, not only forgotten by the browser. */
export async function signOut(): Promise<void> {
  const user = await requireUser('viewer');
  const { ip } = await requestMeta();
  await endSession();
  await recordAudit({ actor: user.email, action: 'auth.logout', ip });
  redirect('/login');
}
