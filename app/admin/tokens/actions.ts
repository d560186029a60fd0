'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/require-user';
import { requestMeta } from '@/lib/auth/session';
import { createApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { createTokenSchema, invalid, tokenIdSchema, type ActionResult } from '@/lib/validation/auth';

/** Create an API token; the answer carries the secret, which is never shown again. */
export async function createToken(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = createTokenSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  const expiresAt = parsed.data.expires ? new Date(Date.now() + parsed.data.expires) : null;
  const { token } = await createApiToken(admin, { name: parsed.data.name, scope: parsed.data.scope, expiresAt }, ip);
  revalidatePath('/admin/tokens');
  return { ok: true, message: `Token "${parsed.data.name}" created.`, secret: token };
}

export async function revokeToken(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = tokenIdSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  await revokeApiToken(admin, parsed.data.tokenId, ip);
  revalidatePath('/admin/tokens');
  return { ok: true, message: 'Revoked.' };
}
