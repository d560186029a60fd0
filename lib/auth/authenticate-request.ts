import 'server-only';
import { resolveApiToken } from '@/lib/data/api-tokens';
import { resolveSession } from '@/lib/data/sessions';
import { AppError } from '@/lib/errors';
import type { Principal } from './principal';
import { hasRole, type Role, type TokenScope } from './roles';
import { SESSION_COOKIE } from './session';

export interface RequestPolicy {
  /** Least role for session (cookie) callers. */
  minRole: Role;
  /** Token scopes that may call this endpoint; empty: tokens are refused. */
  scopes: readonly TokenScope[];
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** A cookie-authenticated request from another origin is refused, on top of SameSite=Lax (CSRF defence in depth). */
function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || request.method === 'GET' || request.method === 'HEAD') return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Route-handler authentication: `Authorization: Bearer tl_…` (API token with the right scope) or the session
 * cookie (user with at least `minRole`). Throws AppError 401/403, which toErrorResponse maps.
 */
export async function authenticateRequest(request: Request, policy: RequestPolicy): Promise<Principal> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match ? await resolveApiToken(match[1]) : null;
    if (!token) throw new AppError('unauthorized', 'invalid, expired or revoked API token');
    if (!policy.scopes.includes(token.scope)) {
      throw new AppError('forbidden', policy.scopes.length ? `this endpoint needs a token with scope ${policy.scopes.join(' or ')}` : 'this endpoint takes no API tokens');
    }
    return token;
  }
  const user = await resolveSession(cookieValue(request, SESSION_COOKIE));
  if (!user) throw new AppError('unauthorized', 'sign in, or send an API token as "Authorization: Bearer <token>"');
  if (!hasRole(user.role, policy.minRole)) throw new AppError('forbidden', `this needs the ${policy.minRole} role`);
  if (isCrossOrigin(request)) throw new AppError('forbidden', 'cross-origin request refused');
  return user;
}
