import { AppError } from '@/lib/errors';
import { hasRole, type Role, type TokenScope } from './roles';

/** The enabled user behind a `triage` token (its creator), whose current role the triage rules apply. */
export interface TokenOwner {
  userId: number;
  email: string;
  role: Role;
}

/** Who is acting: a signed-in user, an API token, or the local command line (which has shell access anyway). */
export type Principal =
  | { kind: 'user'; userId: number; email: string; name: string | null; role: Role; sessionId: number | null }
  | { kind: 'token'; tokenId: number; name: string; scope: TokenScope; owner?: TokenOwner | null }
  | { kind: 'system'; name: 'cli' | 'setup' };

/** The name written to audit events and to uploads.uploaded_by. */
export function actorName(p: Principal): string {
  if (p.kind === 'user') return p.email;
  if (p.kind === 'token') return `token:${p.name}`;
  return p.name;
}

/** DAL-level check (STYLE.md rule 10): a user below `minRole` or any token is refused; the CLI passes. */
export function assertRole(p: Principal, minRole: Role): void {
  if (p.kind === 'system') return;
  if (p.kind === 'token' || !hasRole(p.role, minRole)) throw new AppError('forbidden', `this needs the ${minRole} role`);
}
