import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACTION_POLICY, HANDLER_POLICY, PAGE_POLICY, type Access } from '../lib/auth/route-policy';
import { hasRole } from '../lib/auth/roles';
import { E2E_PORT, emailOf, PASSWORD, readTokens, ROLES, statePath, type E2ERole } from './support/auth';

// Every page and route handler in lib/auth/route-policy.ts (which the unit test keeps complete) against the running
// server, for an anonymous visitor, a session of each role, and each kind of API token.

type Caller = 'anonymous' | E2ERole;
const CALLERS: Caller[] = ['anonymous', ...ROLES];
const concrete = (url: string) => url.replace(/\[[^\]]+\]/g, '1');

async function contextFor(baseURL: string, caller: Caller, headers?: Record<string, string>): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: caller === 'anonymous' ? undefined : statePath(caller), extraHTTPHeaders: headers });
}

function isAllowed(caller: Caller, access: Access): boolean {
  return access === 'public' || (caller !== 'anonymous' && hasRole(caller, access));
}

async function call(ctx: APIRequestContext, method: string, url: string) {
  // An empty multipart body: enough for the server to authorize, and refused as a bad request when allowed.
  const body = method === 'POST' ? { multipart: { note: 'access matrix' } } : {};
  return ctx.fetch(url, { method, maxRedirects: 0, ...body });
}

// Each test walks every route for five callers; on a loaded 2-core box that takes minutes, not the default minute.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

test('pages: anonymous → /login, below the role → 403, otherwise 200', async ({ baseURL }) => {
  const outcomes: string[] = [];
  for (const caller of CALLERS) {
    const ctx = await contextFor(baseURL!, caller);
    for (const [url, access] of Object.entries(PAGE_POLICY)) {
      const r = await call(ctx, 'GET', concrete(url));
      const status = r.status();
      let expected: string;
      if (access === 'public') expected = status === 200 || (status >= 300 && status < 400) ? 'ok' : `public page answered ${status}`;
      else if (caller === 'anonymous') expected = status === 307 && /\/login/.test(r.headers().location ?? '') ? 'ok' : `expected redirect to /login, got ${status}`;
      // A dynamic page may find no record 1 in this run's data: 404 still means access was granted.
      else if (isAllowed(caller, access)) expected = status === 200 || (status === 404 && url.includes('[')) ? 'ok' : `expected 200, got ${status}`;
      else expected = status === 403 ? 'ok' : `expected 403, got ${status}`;
      if (expected !== 'ok') outcomes.push(`${caller} GET ${url}: ${expected}`);
    }
    await ctx.dispose();
  }
  expect(outcomes).toEqual([]);
});

test('route handlers with sessions: anonymous → 401, below the role → 403, otherwise served', async ({ baseURL }) => {
  const outcomes: string[] = [];
  for (const caller of CALLERS) {
    const ctx = await contextFor(baseURL!, caller);
    for (const [url, methods] of Object.entries(HANDLER_POLICY)) {
      for (const [method, access] of Object.entries(methods)) {
        if (access.minRole === 'public') continue;
        const status = (await call(ctx, method, concrete(url))).status();
        const expected = caller === 'anonymous' ? [401] : isAllowed(caller, access.minRole) ? null : [403];
        const ok = expected ? expected.includes(status) : ![401, 403].includes(status) && status < 500;
        if (!ok) outcomes.push(`${caller} ${method} ${url}: got ${status}`);
      }
    }
    await ctx.dispose();
  }
  expect(outcomes).toEqual([]);
});

/** The built app's Server Actions: id → `<file>#<export>` and a page that carries it (Next's server reference manifest). */
function builtActions(): Map<string, { id: string; page: string }> {
  const dist = `.next-e2e-${E2E_PORT}`;
  const manifest = JSON.parse(readFileSync(`${dist}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, a] of Object.entries(manifest.node)) {
    const pages = Object.keys(a.workers).filter((w) => w.endsWith('/page') && !w.includes('_not-found'));
    const own = pages.find((w) => `${w.replace(/\/page$/, '')}/actions.ts` === a.filename) ?? pages[0]!;
    out.set(`${a.filename}#${a.exportedName}`, { id, page: concrete(own.replace(/^app/, '').replace(/\/page$/, '') || '/') });
  }
  return out;
}

/**
 * Call a Server Action the way the browser does (Next-Action header, React's reply encoding): the arguments are
 * (undefined, an empty FormData), so an allowed call gets past the gate and stops at validation, changing nothing.
 */
async function callAction(ctx: APIRequestContext, action: { id: string; page: string }) {
  return ctx.fetch(action.page, {
    method: 'POST',
    maxRedirects: 0,
    headers: { 'next-action': action.id, accept: 'text/x-component' },
    multipart: { '0': '["$undefined","$K1"]' },
  });
}

test('server actions with sessions: anonymous → /login, below the role → 403, otherwise past the gate', async ({ baseURL }) => {
  const built = builtActions();
  // Every action the build holds has a policy, and every policy names a built action.
  expect([...built.keys()].sort()).toEqual(Object.keys(ACTION_POLICY).sort());
  const outcomes: string[] = [];
  for (const caller of CALLERS) {
    const ctx = await contextFor(baseURL!, caller);
    for (const [key, access] of Object.entries(ACTION_POLICY)) {
      if (access === 'public') continue;
      const allowed = isAllowed(caller, access);
      // Signing out (which needs no form field) would end the stored session other specs use.
      if (allowed && key.endsWith('#signOut')) continue;
      const r = await callAction(ctx, built.get(key)!);
      const redirect = r.headers()['x-action-redirect'] ?? '';
      let got: string;
      if (caller === 'anonymous') got = redirect.startsWith('/login') ? 'ok' : `expected a redirect to /login, got ${r.status()} ${redirect}`;
      else if (!allowed) got = r.status() === 403 ? 'ok' : `expected 403, got ${r.status()} ${redirect}`;
      else got = r.status() === 200 && !redirect.startsWith('/login') ? 'ok' : `expected 200 past the gate, got ${r.status()} ${redirect}`;
      if (got !== 'ok') outcomes.push(`${caller} ${key}: ${got}`);
    }
    await ctx.dispose();
  }
  expect(outcomes).toEqual([]);
});

test('route handlers and pages with API tokens: scope decides, revoked and bogus tokens are refused', async ({ baseURL }) => {
  const tokens = readTokens();
  const outcomes: string[] = [];
  const kinds = [
    ['ingest', tokens.ingest],
    ['read', tokens.read],
    ['revoked', tokens.revoked],
    ['bogus', 'tl_this-token-does-not-exist-anywhere-0000000000'],
  ] as const;
  for (const [kind, token] of kinds) {
    const ctx = await contextFor(baseURL!, 'anonymous', { authorization: `Bearer ${token}` });
    for (const [url, methods] of Object.entries(HANDLER_POLICY)) {
      for (const [method, access] of Object.entries(methods)) {
        if (access.minRole === 'public') continue;
        const status = (await call(ctx, method, concrete(url))).status();
        const isValid = kind === 'ingest' || kind === 'read';
        const ok = !isValid ? status === 401 : (access.scopes as readonly string[]).includes(kind) ? ![401, 403].includes(status) && status < 500 : status === 403;
        if (!ok) outcomes.push(`${kind} token ${method} ${url}: got ${status}`);
      }
    }
    // A token never opens a page: pages only know sessions.
    const page = await call(ctx, 'GET', '/inventory');
    if (page.status() !== 307) outcomes.push(`${kind} token GET /inventory: got ${page.status()}`);
    await ctx.dispose();
  }
  expect(outcomes).toEqual([]);
});

test('security headers: nonce CSP without unsafe-inline scripts, no framing, nosniff, referrer policy', async ({ page }) => {
  const response = await page.goto('/inventory');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // The app still works under that policy: the client table hydrates and navigates.
  await page.getByRole('searchbox', { name: 'Search inventory' }).fill('zzz-no-match');
  await expect(page).toHaveURL(/q=zzz-no-match/);
  const api = await page.request.get('/api/v1/uploads/999999');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
});

test('sign-out revokes the session on the server, not only in the browser', async ({ browser }) => {
  // A session of its own, so the stored viewer state stays valid for other specs.
  const EMPTY = { cookies: [], origins: [] }; // browser.newContext() would otherwise inherit the project's admin state
  const context = await browser.newContext({ storageState: EMPTY });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(emailOf('viewer'));
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('user-role')).toHaveText('viewer');
  const cookies = await context.cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old cookie must not work any more.
  const replay = await browser.newContext({ storageState: EMPTY });
  await replay.addCookies(cookies);
  const r = await replay.request.get('/', { maxRedirects: 0 });
  expect(r.status()).toBe(307);
  await replay.close();
  await context.close();
});
