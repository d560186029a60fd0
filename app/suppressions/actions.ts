'use server';

import { runAction } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/require-user';
import { requestMeta } from '@/lib/auth/session';
import { createSuppression, expireSuppression } from '@/lib/data/suppressions';
import { invalid, type ActionResult } from '@/lib/validation/auth';
import { createSuppressionFormSchema, suppressionIdSchema } from '@/lib/validation/suppressions';

const PATHS = ['/suppressions', '/outliers'];

export async function addSuppression(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser('manager');
  const parsed = createSuppressionFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { kind, value, reason, expires } = parsed.data;
  const { ip } = await requestMeta();
  const expiresAt = expires ? new Date(Date.now() + expires) : null;
  return runAction(() => createSuppression(user, { kind, value, reason, expiresAt }, ip), `Suppressed ${kind} ${value}.`, PATHS);
}

export async function endSuppression(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser('manager');
  const parsed = suppressionIdSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return runAction(() => expireSuppression(user, parsed.data.id, ip), 'Expired.', PATHS);
}
