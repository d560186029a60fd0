import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { countUsers } from '@/lib/data/users';
import type { Principal } from './principal';
import { hasRole, type Role } from './roles';
import { getCurrentUser } from './session';

/**
 * The gate of every page and Server Action: no session → /setup while no user exists, else /login;
 * a role below `minRole` → 403 (app/forbidden.tsx).
 */
export async function requireUser(minRole: Role = 'viewer'): Promise<Extract<Principal, { kind: 'user' }>> {
  const user = await getCurrentUser();
  if (!user) redirect((await countUsers()) === 0 ? '/setup' : '/login');
  if (!hasRole(user.role, minRole)) forbidden();
  return user;
}
