import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { createSession, resolveSession, revokeSession } from '@/lib/data/sessions';
import { forceSecureCookies } from './config';
import type { Principal } from './principal';

export const SESSION_COOKIE = 'tasklens_session';

/** Client address and user agent of the current request, for audit events and rate limiting. */
export function clientIp(h: Headers): string {
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'unknown';
}

export function isHttps(h: Headers, url?: string): boolean {
  return forceSecureCookies() || h.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' || (url?.startsWith('https:') ?? false);
}

export async function requestMeta(): Promise<{ ip: string; userAgent: string | null; isHttps: boolean }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get('user-agent'), isHttps: isHttps(h) };
}

/** The signed-in user of this request (once per render, thanks to React's cache), or null. */
export const getCurrentUser = cache(async (): Promise<Extract<Principal, { kind: 'user' }> | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return resolveSession(token);
});

/** Start a session for a user and set its cookie (Server Actions and Route Handlers only). */
export async function startSession(userId: number): Promise<void> {
  const meta = await requestMeta();
  const { token, expiresAt } = await createSession(userId, meta);
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: meta.isHttps, path: '/', expires: expiresAt });
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const meta = await requestMeta();
  (await cookies()).set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: meta.isHttps, path: '/', expires: expiresAt });
}

/** Revoke the current session in the database (not only in the browser) and drop its cookie. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await revokeSession(token);
  jar.delete(SESSION_COOKIE);
}
