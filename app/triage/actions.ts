'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/require-user';
import { requestMeta } from '@/lib/auth/session';
import { markNotificationsRead } from '@/lib/data/notifications';
import { applyTriage } from '@/lib/data/triage';
import { bulkTriage, type BulkProgress } from '@/lib/data/triage-bulk';
import { AppError } from '@/lib/errors';
import { invalid, type ActionResult } from '@/lib/validation/auth';
import { bulkTriageSchema, triageFormSchema } from '@/lib/validation/triage';

const TRIAGE_PATHS = ['/triage', '/review', '/outliers'];

/** The triage panel and the outliers row's quick verdict/assign: any subset of state, assignee, due, comment, suppression. */
export async function saveTriage(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser('analyst');
  const parsed = triageFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  const { entryId, change } = parsed.data;
  return runAction(() => applyTriage(user, [entryId], change, ip), 'Saved.', [...TRIAGE_PATHS, `/entries/${entryId}`]);
}

/**
 * One step of a bulk change from the outliers bar: a selection in one step, a whole filter result in chunks (the
 * client calls again with `nextAfterId` and shows the progress).
 */
export async function runBulkTriage(input: unknown): Promise<ActionResult & { progress?: BulkProgress }> {
  const user = await requireUser('analyst');
  const parsed = bulkTriageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  try {
    const progress = await bulkTriage(user, parsed.data, ip);
    if (progress.nextAfterId === null) TRIAGE_PATHS.forEach((p) => revalidatePath(p));
    return { ok: true, progress };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
}

/** The bell's "mark all read". */
export async function readNotifications(_previous: ActionResult | null, _form: FormData): Promise<ActionResult> {
  const user = await requireUser('viewer');
  await markNotificationsRead(user.userId);
  revalidatePath('/', 'layout');
  return { ok: true };
}
