'use server';

import { redirect } from 'next/navigation';
import { requestMeta, startSession } from '@/lib/auth/session';
import { createFirstAdmin } from '@/lib/data/users';
import { invalid, setupSchema, type ActionResult } from '@/lib/validation/auth';

/** First run only: create the first admin and sign them in; refused once any user exists. */
export async function setupAdmin(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  const user = await createFirstAdmin({ email: parsed.data.email, password: parsed.data.password, name: parsed.data.name || null }, ip);
  if (!user) return { ok: false, message: 'Tasklens is already set up; sign in instead.' };
  await startSession(user.id);
  redirect('/');
}
