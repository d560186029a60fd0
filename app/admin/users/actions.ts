'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/require-user';
import { requestMeta } from '@/lib/auth/session';
import { createUser, setUserDisabled, setUserPassword, setUserRole } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { addUserSchema, invalid, resetPasswordSchema, setDisabledSchema, setRoleSchema, type ActionResult } from '@/lib/validation/auth';

/** Expected failures (conflicts, last admin) come back as messages; anything else is a real error. */
async function run(work: () => Promise<void>, message: string): Promise<ActionResult> {
  try {
    await work();
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
  revalidatePath('/admin/users');
  return { ok: true, message };
}

export async function addUser(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = addUserSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return run(() => createUser(admin, { ...parsed.data, name: parsed.data.name || null }, ip).then(() => undefined), `Added ${parsed.data.email}.`);
}

export async function changeUserRole(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = setRoleSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return run(() => setUserRole(admin, parsed.data.userId, parsed.data.role, ip), `Role changed to ${parsed.data.role}.`);
}

export async function changeUserDisabled(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = setDisabledSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return run(() => setUserDisabled(admin, parsed.data.userId, parsed.data.isDisabled, ip), parsed.data.isDisabled ? 'Disabled.' : 'Enabled.');
}

export async function resetUserPassword(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const admin = await requireUser('admin');
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const { ip } = await requestMeta();
  return run(() => setUserPassword(admin, parsed.data.userId, parsed.data.password, ip), 'Password reset; the user was signed out everywhere.');
}
