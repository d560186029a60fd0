import 'server-only';
import { revalidatePath } from 'next/cache';
import { AppError } from '@/lib/errors';
import type { ActionResult } from '@/lib/validation/auth';

/**
 * The tail of a Server Action: run the DAL call, turn its expected refusals (AppError: unknown id, already expired,
 * not allowed) into a message next to the form, revalidate the pages showing the change. Anything else throws.
 */
export async function runAction(work: () => Promise<unknown>, message: string, paths: readonly string[]): Promise<ActionResult> {
  try {
    await work();
  } catch (err) {
    if (err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
  for (const p of paths) revalidatePath(p);
  return { ok: true, message };
}
