'use server';

import { runAction } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/require-user';
import { requestMeta } from '@/lib/auth/session';
import { createSuppression, suppressionValueForEntry } from '@/lib/data/suppressions';
import { invalid, type ActionResult } from '@/lib/validation/auth';
import { suppressOutlierSchema } from '@/lib/validation/suppressions';

/** The Suppress menu of an outliers row: suppress the entry itself, its signer or its executable path. */
export async function suppressOutlier(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser('manager');
  const parsed = suppressOutlierSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { entryId, target, reason, expires } = parsed.data;
  const { ip } = await requestMeta();
  const expiresAt = expires ? new Date(Date.now() + expires) : null;
  return runAction(
    async () => createSuppression(user, { kind: target, value: await suppressionValueForEntry(entryId, target), reason, expiresAt }, ip),
    `Suppressed this ${target}.`,
    ['/outliers', '/suppressions'],
  );
}
