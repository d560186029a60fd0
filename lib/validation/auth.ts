import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES, TOKEN_SCOPES } from '@/lib/auth/roles';

/** Every Server Action answers with this shape (STYLE.md rule 3); `secret` carries a new API token, shown once. */
export interface ActionResult {
  ok: boolean;
  errors?: Record<string, string[]>;
  message?: string;
  secret?: string;
}

export function invalid(error: z.ZodError): ActionResult {
  return { ok: false, errors: z.flattenError(error).fieldErrors as Record<string, string[]>, message: 'Check the highlighted fields.' };
}

const email = z.string().trim().toLowerCase().max(320).email('enter an e-mail address');
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'at most 200 characters');

export const signInSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200), next: z.string().optional() });

export const setupSchema = z
  .object({ email, name: z.string().trim().max(200).optional(), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'the passwords differ' });

export const changePasswordSchema = z
  .object({ current: z.string().min(1).max(200), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'the passwords differ' });

export const addUserSchema = z.object({ email, name: z.string().trim().max(200).optional(), role: z.enum(ROLES), password });
export const userIdSchema = z.object({ userId: z.coerce.number().int().positive() });
export const setRoleSchema = userIdSchema.extend({ role: z.enum(ROLES) });
export const resetPasswordSchema = userIdSchema.extend({ password });
export const setDisabledSchema = userIdSchema.extend({ isDisabled: z.enum(['true', 'false']).transform((v) => v === 'true') });

/** `30d`, `12h`, `90` (days) or empty for no expiry. */
export const durationSchema = z
  .string()
  .trim()
  .regex(/^(\d{1,5}[dh]?)?$/, 'a duration such as 30d or 12h')
  .transform((v) => {
    if (!v) return null;
    const n = Number.parseInt(v, 10);
    return n * (v.endsWith('h') ? 3600_000 : 86400_000);
  });

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'give the token a name').max(100),
  scope: z.enum(TOKEN_SCOPES),
  expires: durationSchema.optional().transform((v) => v ?? null),
});
export const tokenIdSchema = z.object({ tokenId: z.coerce.number().int().positive() });

/** A post-sign-in destination: a local path only, never another origin (open-redirect defence). */
export function safeNextPath(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
