// GET /auth/oidc/login – start an OpenID Connect sign-in (authorization code flow with PKCE)
import { NextResponse } from 'next/server';
import { OIDC_COOKIE, oidcConfiguration, oidcScopes, oidcSettings, openid, publicOrigin } from '@/lib/auth/oidc';
import { isHttps } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/validation/auth';

export async function GET(request: Request): Promise<Response> {
  const settings = oidcSettings();
  const origin = publicOrigin(request);
  if (!settings) return NextResponse.redirect(`${origin}/login`);
  try {
    const config = await oidcConfiguration(settings);
    const verifier = openid.randomPKCECodeVerifier();
    const state = openid.randomState();
    const nonce = openid.randomNonce();
    const url = openid.buildAuthorizationUrl(config, {
      redirect_uri: `${origin}/auth/oidc/callback`,
      scope: oidcScopes(),
      code_challenge: await openid.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const next = safeNextPath(new URL(request.url).searchParams.get('next'));
    const response = NextResponse.redirect(url);
    // The checks travel in a short-lived HttpOnly cookie; SameSite=Lax still sends it on the provider's redirect back.
    response.cookies.set(OIDC_COOKIE, Buffer.from(JSON.stringify({ verifier, state, nonce, next })).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttps(request.headers, request.url),
      path: '/auth/oidc',
      maxAge: 600,
    });
    return response;
  } catch (err) {
    console.error('OIDC discovery failed:', (err as Error).message);
    return NextResponse.redirect(`${origin}/login?error=oidc`);
  }
}
