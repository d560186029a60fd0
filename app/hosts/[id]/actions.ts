'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/require-user';
import { requestMeta } from '@/lib/auth/session';
import { setHostLabels } from '@/lib/data/host-detail';
import { AppError } from '@/lib/errors';
import { invalid, type ActionResult } from '@/lib/validation/auth';
import { hostLabelsFormSchema } from '@/lib/validation/host-detail';

/** Replace a host's labels from the host page's `key=value` lines; analysts and above. */
export async function updateHostLabels(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser('analyst');
  const parsed = hostLabelsFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  try {
    await setHostLabels(user, parsed.data.hostId, parsed.data.labels, ip);
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
  revalidatePath(`/hosts/${parsed.data.hostId}`);
  return { ok: true, message: 'Labels saved.' };
}
