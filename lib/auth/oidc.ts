import 'server-only';
import * as client from 'openid-client';
import { oidcSettings, type OidcSettings } from './config';
import { hasRole, isRole, type Role } from './roles';

/** Holds the PKCE verifier, state, nonce and return path between /auth/oidc/login and the callback. */
export const OIDC_COOKIE = 'tasklens_oidc';

let cached: { key: string; config: Promise<client.Configuration> } | null = null;

/** Discovery is done once per process; a failure is not cached, so a provider that comes up later still works. */
export function oidcConfiguration(s: OidcSettings): Promise<client.Configuration> {
  const key = `${s.issuer}|${s.clientId}`;
  if (cached?.key !== key) {
    const isHttp = s.issuer.startsWith('http:');
    const config = client
      .discovery(new URL(s.issuer), s.clientId, s.clientSecret || undefined, undefined, isHttp ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((err) => {
        cached = null;
        throw err;
      });
    cached = { key, config };
  }
  return cached.config;
}

export function oidcScopes(): string {
  return process.env.TASKLENS_OIDC_SCOPES ?? 'openid email profile';
}

/** The base URL the provider redirects back to: TASKLENS_PUBLIC_URL, else the request's own origin. */
export function publicOrigin(request: Request): string {
  const configured = process.env.TASKLENS_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const url = new URL(request.url);
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  return `${proto || url.protocol.replace(':', '')}://${host}`;
}

/**
 * The Tasklens role a set of claims maps to: each value of the role claim (a string or a list) is looked up in
 * TASKLENS_OIDC_ROLE_MAP, a value that is itself a role name counts as that role, the highest wins; else the
 * default role (null: refuse).
 */
export function roleFromClaims(claims: Record<string, unknown>, s: Pick<OidcSettings, 'roleClaim' | 'roleMap' | 'defaultRole'>): Role | null {
  const raw = claims[s.roleClaim];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  let best: Role | null = null;
  for (const value of values) {
    const role = s.roleMap.get(value) ?? (isRole(value) ? value : null);
    if (role && (!best || hasRole(role, best))) best = role;
  }
  return best ?? s.defaultRole;
}

export { client as openid, oidcSettings };
