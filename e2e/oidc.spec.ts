import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import Provider from 'oidc-provider';
import { E2E_PORT, OIDC_PORT } from './support/auth';

// A real OpenID provider (oidc-provider, with its development login pages) in this test process; the Tasklens
// server was started with TASKLENS_OIDC_ISSUER pointing here (playwright.config.ts).
const ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const ACCOUNTS: Record<string, { email: string; name: string; groups: string[] }> = {
  'sso-manager': { email: 'sso.manager@e2e.test', name: 'SSO Manager', groups: ['staff', 'tl-managers'] },
  'sso-nobody': { email: 'sso.nobody@e2e.test', name: 'SSO Nobody', groups: ['staff'] },
};

let server: Server;

test.beforeAll(async () => {
  const provider = new Provider(ISSUER, {
    clients: [
      {
        client_id: 'tasklens-e2e',
        client_secret: 'tasklens-e2e-secret',
        redirect_uris: [`http://127.0.0.1:${E2E_PORT}/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, id: string) {
      const account = ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name, groups: account.groups }) };
    },
  });
  server = provider.listen(OIDC_PORT);
  await new Promise((resolve) => server.once('listening', resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function signInWithSso(page: import('@playwright/test').Page, login: string) {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Sign in with SSO' }).click();
  await expect(page).toHaveURL(new RegExp(`^${ISSUER}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.use({ storageState: { cookies: [], origins: [] } });

test('SSO sign-in through a real OpenID provider maps the group claim to a role', async ({ page }) => {
  await signInWithSso(page, 'sso-manager');
  await expect(page).toHaveURL(`http://127.0.0.1:${E2E_PORT}/`);
  await expect(page.getByTestId('user-role')).toHaveText('manager');
  await expect(page.getByRole('region', { name: 'Signed-in user' })).toContainText('SSO Manager');
  // A manager sees the audit log, which recorded the sign-in, but not user administration.
  await page.goto('/admin/audit?action=auth.login');
  await expect(page.getByRole('table', { name: 'Audit events' })).toContainText('sso.manager@e2e.test');
  const users = await page.goto('/admin/users');
  expect(users!.status()).toBe(403);
});

test('SSO users whose claims map to no role are refused', async ({ page }) => {
  await signInWithSso(page, 'sso-nobody');
  await expect(page).toHaveURL(/\/login\?error=oidc_role/);
  await expect(page.getByText('gives you no Tasklens role')).toBeVisible();
});
