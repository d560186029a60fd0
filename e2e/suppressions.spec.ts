import { expect, test } from '@playwright/test';
import { readTokens, statePath } from './support/auth';

// The server runs on the demo fleet (playwright.config.ts); the planted regsvr32 "Squiblydoo" task is an outlier.
const PLANTED = 'OneDrive Sync Helper';

test('suppress the planted regsvr32 task from the outliers list, find it, expire it, and it is back', async ({ page }) => {
  const reason = `e2e known lab tool ${Date.now()}`;
  await page.goto(`/outliers?q=${encodeURIComponent(PLANTED)}`);
  const table = page.getByRole('table', { name: 'Outliers' });
  await expect(table).toContainText(PLANTED);
  const row = table.getByRole('row').filter({ hasText: PLANTED }).first();
  await row.locator('summary', { hasText: 'Suppress' }).click();
  const form = row.getByRole('form', { name: /^Suppress / });
  await form.getByLabel('this entry').check();
  await form.getByRole('button', { name: 'Suppress' }).click();
  // A reason is required: the browser refuses the empty field before the server sees it.
  await expect(table).toContainText(PLANTED);
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Suppress' }).click();
  await expect(table).not.toContainText(PLANTED);
  await expect(page.getByText('No outliers match these filters.')).toBeVisible();

  await page.goto(`/outliers?q=${encodeURIComponent(PLANTED)}&suppressed=only`);
  await expect(table).toContainText(PLANTED);
  await expect(table.getByRole('row').filter({ hasText: PLANTED }).first()).toContainText('suppressed');

  await page.goto(`/suppressions?q=${encodeURIComponent(reason)}`);
  const list = page.getByRole('table', { name: 'Suppressions' });
  const entry = list.getByRole('row').filter({ hasText: reason });
  await expect(entry).toContainText(PLANTED);
  await expect(entry).toContainText('admin@e2e.test');
  await entry.getByRole('button', { name: 'Expire' }).click();
  await expect(list).not.toContainText(reason);
  await page.goto(`/suppressions?q=${encodeURIComponent(reason)}&status=expired`);
  await expect(list).toContainText(reason);

  await page.goto(`/outliers?q=${encodeURIComponent(PLANTED)}`);
  await expect(table).toContainText(PLANTED);
});

test.describe('as a viewer', () => {
  test.use({ storageState: statePath('viewer') });
  test('suppressions are readable but neither created nor expired', async ({ page }) => {
    await page.goto('/suppressions');
    await expect(page.getByRole('heading', { name: 'Suppressions' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Create a suppression' })).toHaveCount(0);
    await page.goto('/outliers');
    await expect(page.getByRole('table', { name: 'Outliers' })).toBeVisible();
    await expect(page.getByText('Suppress', { exact: true })).toHaveCount(0);
  });
});

test('the suppressions API: read tokens list, only manager sessions create and delete', async ({ request, playwright }) => {
  const { read } = readTokens();
  const asToken = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { authorization: `Bearer ${read}` }, storageState: { cookies: [], origins: [] } });
  const listed = await asToken.get('/api/v1/suppressions?status=all');
  expect(listed.status()).toBe(200);
  expect(await listed.json()).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
  expect((await asToken.post('/api/v1/suppressions', { data: { kind: 'label', value: 'role=lab', reason: 'lab hosts' } })).status()).toBe(403);

  const bad = await request.post('/api/v1/suppressions', { data: { kind: 'label', value: 'role', reason: 'lab hosts' } });
  expect(bad.status()).toBe(400);
  const created = await request.post('/api/v1/suppressions', { data: { kind: 'label', value: 'role=lab-e2e', reason: 'lab hosts', expiresAt: '2999-01-01T00:00:00Z' } });
  expect(created.status()).toBe(201);
  const { id, owner } = (await created.json()) as { id: number; owner: string };
  expect(owner).toBe('admin@e2e.test');
  expect((await request.delete(`/api/v1/suppressions/${id}`)).status()).toBe(204);
  expect((await request.delete(`/api/v1/suppressions/${id}`)).status()).toBe(404);
  await asToken.dispose();
});
