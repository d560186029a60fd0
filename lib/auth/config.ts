import { isRole, type Role } from './roles';

function numberEnv(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? '');
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Session lifetimes: idle timeout (TASKLENS_SESSION_IDLE_HOURS, 12) and absolute limit (TASKLENS_SESSION_MAX_DAYS, 7). */
export function sessionLimits(): { idleMs: number; absoluteMs: number } {
  return {
    idleMs: numberEnv('TASKLENS_SESSION_IDLE_HOURS', 12) * 3600_000,
    absoluteMs: numberEnv('TASKLENS_SESSION_MAX_DAYS', 7) * 86400_000,
  };
}

/** Failed sign-ins allowed per account and address in a window (TASKLENS_LOGIN_MAX_FAILURES, 10 per 15 min). */
export function loginRateLimit(): { maxFailures: number; maxAccountFailures: number; windowMs: number } {
  const maxFailures = numberEnv('TASKLENS_LOGIN_MAX_FAILURES', 10);
  return { maxFailures, maxAccountFailures: maxFailures * 10, windowMs: numberEnv('TASKLENS_LOGIN_WINDOW_MINUTES', 15) * 60_000 };
}

/** TASKLENS_SECURE_COOKIES=1 forces Secure cookies (behind a TLS proxy that does not send x-forwarded-proto). */
export function forceSecureCookies(): boolean {
  return process.env.TASKLENS_SECURE_COOKIES === '1';
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  /** claim value → role; a claim value that is itself a role name maps to that role. */
  roleMap: Map<string, Role>;
  /** Role for users whose claim maps to nothing; null refuses them. */
  defaultRole: Role | null;
  label: string;
}

/** OIDC sign-in is on when TASKLENS_OIDC_ISSUER and TASKLENS_OIDC_CLIENT_ID are set. */
export function oidcSettings(): OidcSettings | null {
  const issuer = process.env.TASKLENS_OIDC_ISSUER;
  const clientId = process.env.TASKLENS_OIDC_CLIENT_ID;
  if (!issuer || !clientId) return null;
  const roleMap = new Map<string, Role>();
  for (const pair of (process.env.TASKLENS_OIDC_ROLE_MAP ?? '').split(',')) {
    const [value, role] = pair.split('=').map((s) => s.trim());
    if (value && isRole(role)) roleMap.set(value, role);
  }
  const fallback = process.env.TASKLENS_OIDC_DEFAULT_ROLE ?? 'none';
  return {
    issuer,
    clientId,
    clientSecret: process.env.TASKLENS_OIDC_CLIENT_SECRET ?? '',
    roleClaim: process.env.TASKLENS_OIDC_ROLE_CLAIM ?? 'groups',
    roleMap,
    defaultRole: isRole(fallback) ? fallback : null,
    label: process.env.TASKLENS_OIDC_LABEL ?? 'SSO',
  };
}
