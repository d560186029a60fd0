'use server';

import { redirect } from 'next/navigation';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { requestMeta, setSessionCookie } from '@/lib/auth/session';
import { safeNextPath, signInSchema, type ActionResult } from '@/lib/validation/auth';

/** Password sign-in (public by nature; rate limited per account and address). */
export async function signIn(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: 'Enter your e-mail and password.' };
  const meta = await requestMeta();
  const result = await signInWithPassword({ email: parsed.data.email, password: parsed.data.password, ip: meta.ip, userAgent: meta.userAgent });
  if (!result.ok) {
    return { ok: false, message: result.reason === 'throttled' ? 'Too many failed attempts; wait 15 minutes and try again.' : 'Wrong e-mail or password.' };
  }
  await setSessionCookie(result.token, result.expiresAt);
  redirect(safeNextPath(parsed.data.next));
}
