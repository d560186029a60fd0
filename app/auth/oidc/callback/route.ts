// GET /auth/oidc/callback – finish an OpenID Connect sign-in: code exchange, role mapping, session
import { NextResponse } from 'next/server';
import { OIDC_COOKIE, oidcConfiguration, oidcSettings, openid, publicOrigin, roleFromClaims } from '@/lib/auth/oidc';
import { clientIp, isHttps, SESSION_COOKIE } from '@/lib/auth/session';
import { recordAudit } from '@/lib/data/audit';
import { createSession } from '@/lib/data/sessions';
import { upsertOidcUser } from '@/lib/data/users';
import { safeNextPath } from '@/lib/validation/auth';

interface OidcChecks {
  verifier: string;
  state: string;
  nonce: string;
  next: string;
}

function readChecks(request: Request): OidcChecks | null {
  const raw = request.headers.get('cookie')?.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${OIDC_COOKIE}=`));
  try {
    return raw ? (JSON.parse(Buffer.from(raw.slice(OIDC_COOKIE.length + 1), 'base64url').toString()) as OidcChecks) : null;
  } catch {
    return null;
  }
}

export async function GET(request: Request): Promise<Response> {
  const settings = oidcSettings();
  const origin = publicOrigin(request);
  const checks = readChecks(request);
  const ip = clientIp(request.headers);
  const fail = async (error: string, reason: string, actor = 'anonymous') => {
    await recordAudit({ actor, action: 'auth.login_failed', ip, details: { method: 'oidc', reason } });
    const response = NextResponse.redirect(`${origin}/login?error=${error}`);
    response.cookies.delete({ name: OIDC_COOKIE, path: '/auth/oidc' });
    return response;
  };
  if (!settings || !checks) return fail('oidc', 'no sign-in in progress');
  try {
    const config = await oidcConfiguration(settings);
    const callbackUrl = new URL(`${origin}/auth/oidc/callback${new URL(request.url).search}`);
    const tokens = await openid.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce });
    const idClaims = tokens.claims();
    if (!idClaims) return fail('oidc', 'no ID token');
    const info = await openid.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    const claims: Record<string, unknown> = { ...info, ...idClaims };
    const email = typeof claims.email === 'string' ? claims.email : null;
    if (!email) return fail('oidc', 'no email claim', `oidc:${idClaims.sub}`);
    const role = roleFromClaims(claims, settings);
    if (!role) return fail('oidc_role', `no role in claim ${settings.roleClaim}`, email);
    const user = await upsertOidcUser({ subject: `${idClaims.iss}|${idClaims.sub}`, email, name: typeof claims.name === 'string' ? claims.name : null, role });
    if (user.isDisabled) return fail('disabled', 'disabled', email);
    const session = await createSession(user.id, { ip, userAgent: request.headers.get('user-agent') });
    await recordAudit({ actor: email.toLowerCase(), action: 'auth.login', ip, details: { method: 'oidc', role } });
    const response = NextResponse.redirect(`${origin}${safeNextPath(checks.next)}`);
    response.cookies.set(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: isHttps(request.headers, request.url), path: '/', expires: session.expiresAt });
    response.cookies.delete({ name: OIDC_COOKIE, path: '/auth/oidc' });
    return response;
  } catch (err) {
    console.error('OIDC callback failed:', (err as Error).message);
    return fail('oidc', (err as Error).message.slice(0, 200));
  }
}
