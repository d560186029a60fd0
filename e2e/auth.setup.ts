import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test as setup, type Page } from '@playwright/test';
import { AUTH_DIR, emailOf, PASSWORD, ROLES, statePath } from './support/auth';

// Runs first on the fresh database of each e2e run: the one-time set-up page creates the admin, the admin pages
// create one user per role and the API tokens, and every role's signed-in state is stored for the other specs.

async function createToken(page: Page, name: string, scope: 'ingest' | 'read'): Promise<string> {
  await page.goto('/admin/tokens'); // a fresh form, so the previous token shown is not mistaken for this one
  const form = page.getByRole('form', { name: 'Create a token' });
  await form.getByLabel('Token name').fill(name);
  await form.getByLabel('Scope').selectOption(scope);
  await form.getByRole('button', { name: 'Create token' }).click();
  const token = form.getByTestId('new-token');
  await expect(token).toHaveText(/^tl_/);
  return (await token.textContent())!.trim();
}

setup('first run: set up the admin, users for every role, and API tokens', async ({ page, browser }) => {
  setup.setTimeout(180_000); // a dozen form round-trips and four scrypt sign-ins, on a loaded machine
  mkdirSync(AUTH_DIR, { recursive: true });
  await page.goto('/inventory');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('E-mail').fill(emailOf('admin'));
  await page.getByLabel('Name').fill('E2E Admin');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repeat password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create admin' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('region', { name: 'Signed-in user' })).toContainText('admin');
  await page.context().storageState({ path: statePath('admin') });

  await page.goto('/admin/users');
  const add = page.getByRole('form', { name: 'Add a user' });
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    await add.getByLabel('E-mail').fill(emailOf(role));
    await add.getByLabel('Role').selectOption(role);
    await add.getByLabel('Initial password').fill(PASSWORD);
    await add.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('table', { name: 'Users' })).toContainText(emailOf(role));
  }

  const ingest = await createToken(page, 'e2e-ingest', 'ingest');
  const read = await createToken(page, 'e2e-read', 'read');
  const revoked = await createToken(page, 'e2e-revoked', 'ingest');
  await page.reload();
  await page.getByRole('form', { name: 'Revoke e2e-revoked' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('table', { name: 'API tokens' }).getByRole('row', { name: /e2e-revoked/ })).toContainText('revoked');
  writeFileSync(path.join(AUTH_DIR, 'tokens.json'), JSON.stringify({ ingest, read, revoked }));

  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto('/');
    await expect(p).toHaveURL(/\/login/);
    await p.getByLabel('E-mail').fill(emailOf(role));
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(p.getByTestId('user-role')).toHaveText(role);
    await context.storageState({ path: statePath(role) });
    await context.close();
  }

  // The set-up page is one-time: with a user in the table it only leads to the sign-in page.
  const fresh = await browser.newContext();
  const p = await fresh.newPage();
  await p.goto('/setup');
  await expect(p).toHaveURL(/\/login$/);
  await fresh.close();
});
