import { expect, test } from '@playwright/test';
import { pageAs, uploadRunEntries } from './support/triage';

// Triage end to end on the running server: an analyst works an entry uploaded for this run, a manager signs it
// off, the next upload drifts it (a new signer) and re-opens it, and a manager assigns a whole filter result.

const RUN = Date.now().toString(36);
const TASK = `TriE2E-${RUN}`;
const SIGNED = '(Verified) Tri Corp';
const t0 = new Date(Date.now() - 3_600_000);

test.describe.configure({ mode: 'serial' });

test('an analyst triages an outlier: assign, comment, benign verdict with a suppression', async ({ browser, request }) => {
  for (const i of [1, 2]) await uploadRunEntries(request, `tri-e2e-${RUN}-${i}`, [{ name: TASK, signer: SIGNED }], t0);
  const page = await pageAs(browser, 'analyst');
  await page.goto(`/outliers?q=${TASK}&minScore=0`);
  await page.getByRole('link', { name: TASK }).first().click();
  const panel = page.getByRole('region', { name: 'Triage' });
  await expect(panel).toContainText('Nobody has triaged this entry yet');

  const form = () => panel.getByRole('form', { name: 'Triage this entry' });
  await form().getByLabel('Assignee').selectOption('me');
  await form().getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('article', { name: 'Fleet-wide triage' })).toContainText('analyst@e2e.test');

  await form().getByLabel(/^Comment/).fill('Our **packaging** tool, see <script>alert(1)</script> [docs](javascript:alert(1))');
  await form().getByRole('button', { name: 'Save' }).click();
  const comments = panel.getByRole('region', { name: 'Comments' });
  await expect(comments.locator('strong')).toHaveText('packaging');
  await expect(comments.locator('script')).toHaveCount(0);
  await expect(comments.getByText('docs')).not.toHaveAttribute('href', /javascript/);

  await form().getByLabel('Move to').selectOption('benign');
  await form().getByText('Suppress with a benign verdict').click();
  await form().getByLabel('path').check();
  await form().getByLabel('Suppression reason').fill('our packaging tool');
  await form().getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('article', { name: 'Fleet-wide triage' }).locator('.triage-summary')).toContainText('Benign');
  await panel.getByText(/^History/).click();
  await expect(panel.getByRole('table', { name: 'Triage history' })).toContainText('suppression');
  await page.context().close();
});

test('a manager reviews and signs off', async ({ browser }) => {
  const page = await pageAs(browser, 'manager');
  await page.goto('/review');
  const awaiting = page.getByRole('region', { name: 'Awaiting sign-off' });
  await expect(awaiting).toContainText(TASK);
  await awaiting.getByRole('form', { name: new RegExp(`^Sign off .*${TASK}$`) }).getByRole('button', { name: 'Sign off' }).click();
  await expect(awaiting).not.toContainText(TASK);
  await expect(page.getByRole('region', { name: 'False-positive rate per heuristic' })).toBeVisible();
  const csv = await page.request.get('/review/export');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(TASK);
  await page.context().close();
});

test('a drift on the next upload re-opens it and tells the assignee', async ({ browser, request }) => {
  await uploadRunEntries(request, `tri-e2e-${RUN}-3`, [{ name: TASK, signer: '(Verified) Someone Else' }], new Date());
  const page = await pageAs(browser, 'analyst');
  await page.goto(`/triage?view=mine`);
  await expect(page.getByRole('table', { name: 'Triage queue' })).toContainText(TASK);
  await expect(page.getByRole('table', { name: 'Triage queue' })).toContainText(/new variant on tri-e2e-\w+-3: signer/);
  await page.getByLabel('Notifications: 1 unread').click();
  await expect(page.getByRole('link', { name: new RegExp(`Re-opened: .*${TASK}`) })).toBeVisible();
  await page.context().close();
});

test('a manager assigns a whole filter result in one bulk action', async ({ browser, request }) => {
  const names = ['a', 'b', 'c'].map((s) => `TriBulk-${RUN}-${s}`);
  await uploadRunEntries(request, `tri-bulk-${RUN}`, names.map((name) => ({ name, signer: SIGNED })), t0);
  const page = await pageAs(browser, 'manager');
  await page.goto(`/outliers?q=TriBulk-${RUN}&minScore=0&size=25`);
  const bar = page.getByRole('form', { name: 'Bulk triage' });
  await bar.getByLabel(/all 3 matching the filter/).check();
  await bar.getByLabel('Bulk action').selectOption('assign');
  await bar.getByLabel('Assign to').selectOption({ label: 'manager@e2e.test' });
  await bar.getByRole('button', { name: 'Apply' }).click();
  await expect(bar.getByRole('status')).toHaveText(/Done: 3 items, 3 changed/);
  await page.goto('/triage?view=mine');
  for (const name of names) await expect(page.getByRole('table', { name: 'Triage queue' })).toContainText(name);
  await page.context().close();
});
