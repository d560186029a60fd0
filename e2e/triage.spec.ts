import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { readTokens, statePath, type E2ERole } from './support/auth';

// Triage end to end on the running server: an analyst works an entry uploaded for this run, a manager signs it
// off, the next upload drifts it (a new signer) and re-opens it, and a manager assigns a whole filter result.

const RUN = Date.now().toString(36);
const HEADER = 'Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String';
const LOCATION = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';

function autoruns(entries: { name: string; signer: string }[]): Buffer {
  const rows = entries.map((e) => {
    const image = `c:\\tools\\${e.name}.exe`;
    return ['20240101-000000', LOCATION, e.name, 'enabled', 'Logon', 'System-wide', 'triage e2e', e.signer, 'Tri Corp', image, '1.0', `"${image}" /run`]
      .map((v) => `"${v.replace(/"/g, '""')}"`)
      .join(',');
  });
  return Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n');
}

async function upload(request: APIRequestContext, host: string, entries: { name: string; signer: string }[], collectedAt: Date) {
  const res = await request.post('/api/v1/uploads', {
    headers: { authorization: `Bearer ${readTokens().ingest}` },
    multipart: { file: { name: 'export.csv', mimeType: 'text/csv', buffer: autoruns(entries) }, host, collectedAt: collectedAt.toISOString() },
  });
  expect(res.status()).toBe(201);
}

async function as(browser: Browser, role: E2ERole): Promise<Page> {
  const context = await browser.newContext({ storageState: statePath(role) });
  return context.newPage();
}

const TASK = `TriE2E-${RUN}`;
const SIGNED = '(Verified) Tri Corp';
const t0 = new Date(Date.now() - 3_600_000);

test.describe.configure({ mode: 'serial' });

test('an analyst triages an outlier: assign, comment, benign verdict with a suppression', async ({ browser, request }) => {
  for (const i of [1, 2]) await upload(request, `tri-e2e-${RUN}-${i}`, [{ name: TASK, signer: SIGNED }], t0);
  const page = await as(browser, 'analyst');
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
  const page = await as(browser, 'manager');
  await page.goto('/review');
  const awaiting = page.getByRole('region', { name: 'Awaiting sign-off' });
  await expect(awaiting).toContainText(TASK);
  await awaiting.getByRole('form', { name: `Sign off ${TASK}` }).getByRole('button', { name: 'Sign off' }).click();
  await expect(awaiting).not.toContainText(TASK);
  await expect(page.getByRole('region', { name: 'False-positive rate per heuristic' })).toBeVisible();
  const csv = await page.request.get('/review/export');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(TASK);
  await page.context().close();
});

test('a drift on the next upload re-opens it and tells the assignee', async ({ browser, request }) => {
  await upload(request, `tri-e2e-${RUN}-3`, [{ name: TASK, signer: '(Verified) Someone Else' }], new Date());
  const page = await as(browser, 'analyst');
  await page.goto(`/triage?view=mine`);
  await expect(page.getByRole('table', { name: 'Triage queue' })).toContainText(TASK);
  await expect(page.getByRole('table', { name: 'Triage queue' })).toContainText(/new variant on tri-e2e-\w+-3: signer/);
  await page.getByLabel('Notifications: 1 unread').click();
  await expect(page.getByRole('link', { name: new RegExp(`Re-opened: ${TASK}`) })).toBeVisible();
  await page.context().close();
});

test('a manager assigns a whole filter result in one bulk action', async ({ browser, request }) => {
  const names = ['a', 'b', 'c'].map((s) => `TriBulk-${RUN}-${s}`);
  await upload(request, `tri-bulk-${RUN}`, names.map((name) => ({ name, signer: SIGNED })), t0);
  const page = await as(browser, 'manager');
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
