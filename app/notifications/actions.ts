'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/require-user';
import { markNotificationRead } from '@/lib/data/notifications';
import { invalid, type ActionResult } from '@/lib/validation/auth';
import { notificationIdSchema } from '@/lib/validation/notifications';

/** Mark one of the signed-in user's notices read (the bell's count follows). "Mark all read" is the bell's action. */
export async function markRead(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser('viewer');
  const parsed = notificationIdSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  if (!(await markNotificationRead(user.userId, parsed.data.id))) return { ok: false, message: 'No such notification.' };
  revalidatePath('/', 'layout');
  return { ok: true };
}
