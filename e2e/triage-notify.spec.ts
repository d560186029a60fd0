import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { readTokens } from './support/auth';
import { entryIdOf, pageAs, uploadRunEntries } from './support/triage';

// The rest of triage: SLA settings drive due dates, @mentions notify, the notifications page pages and marks
// read, and triage tokens work the API with their owner's role, audited under the token's name.

const RUN = Date.now().toString(36);
const SIGNED = '(Verified) Tri Corp';
const t0 = new Date(Date.now() - 3_600_000);
const DEFAULT_SLA = { Critical: '24', High: '72', Medium: '168', Low: '720' };

test.describe.configure({ mode: 'serial' });

async function saveSla(page: Page, hours: Record<string, string>) {
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Triage SLA' });
  for (const [severity, value] of Object.entries(hours)) await form.getByLabel(new RegExp(`^${severity}`)).fill(value);
  await form.getByRole('button', { name: 'Save SLA' }).click();
  await expect(form.getByRole('status')).toHaveText(/Saved: new and re-opened triage items/);
}

test('an admin sets the triage SLA, and an item opened next is due by it', async ({ browser, page, request }) => {
  const name = `TriSla-${RUN}`;
  await uploadRunEntries(request, `tri-sla-${RUN}`, [{ name, signer: SIGNED }], t0);
  await saveSla(page, { Critical: '240', High: '240', Medium: '240', Low: '240' });
  // The server checks too (zod), past the browser's own min/max checks.
  const refused = page.getByRole('form', { name: 'Triage SLA' });
  await refused.evaluate((f) => ((f as HTMLFormElement).noValidate = true));
  await refused.getByLabel(/^High/).fill('0');
  await refused.getByRole('button', { name: 'Save SLA' }).click();
  await expect(refused.getByRole('alert')).toHaveText('Check the highlighted fields.');
  await expect(refused.getByRole('listitem')).toHaveText('high: at least 1 hour');

  const analyst = await pageAs(browser, 'analyst');
  await analyst.goto(`/entries/${await entryIdOf(request, name)}`);
  const panel = analyst.getByRole('region', { name: 'Triage' });
  const earliest = new Date(Date.now() + 240 * 3_600_000).toISOString().slice(0, 10);
  await panel.getByRole('form', { name: 'Triage this entry' }).getByLabel('Assignee').selectOption('me');
  await panel.getByRole('form', { name: 'Triage this entry' }).getByRole('button', { name: 'Save' }).click();
  const latest = new Date(Date.now() + 240 * 3_600_000).toISOString().slice(0, 10);
  const summary = panel.getByRole('article', { name: 'Fleet-wide triage' }).locator('.triage-summary');
  await expect(summary).toContainText(new RegExp(`Due\\s*(${earliest}|${latest})`));
  await page.getByRole('region', { name: 'Triage SLA' }).screenshot({ path: test.info().outputPath('sla-form.png') });
  await analyst.context().close();
  await saveSla(page, DEFAULT_SLA);
});

test('an @mention notifies the manager, who reads it on the notifications page', async ({ browser, request }) => {
  const name = `TriMention-${RUN}`;
  await uploadRunEntries(request, `tri-mention-${RUN}`, [{ name, signer: SIGNED }], t0);
  const analyst = await pageAs(browser, 'analyst');
  await analyst.goto(`/entries/${await entryIdOf(request, name)}`);
  const panel = analyst.getByRole('region', { name: 'Triage' });
  await panel.getByRole('form', { name: 'Triage this entry' }).getByLabel(/^Comment/).fill('Please check, @manager: not `@admin`, and no <b>html</b> @nobody-here');
  await panel.getByRole('form', { name: 'Triage this entry' }).getByRole('button', { name: 'Save' }).click();
  const comments = panel.getByRole('region', { name: 'Comments' });
  await expect(comments).toContainText('Please check');
  const form = panel.getByRole('form', { name: 'Triage this entry' });
  await form.getByLabel(/^Comment/).fill('Still waiting, @manager.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(comments.getByTitle('mentions manager')).toHaveCount(2);
  await expect(comments.getByTitle('mentions manager').first()).toHaveText('@manager');
  await expect(comments.locator('code')).toHaveText('@admin');
  await expect(comments.locator('.mention')).toHaveCount(2);
  await expect(comments.locator('b')).toHaveCount(0);
  await panel.screenshot({ path: test.info().outputPath('mention.png') });
  await analyst.context().close();

  const manager = await pageAs(browser, 'manager');
  await manager.goto('/');
  await manager.getByLabel(/^Notifications: \d+ unread/).click();
  await manager.getByRole('link', { name: 'All notifications' }).click();
  await expect(manager).toHaveURL(/\/notifications$/);
  await expect(manager.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  const rows = manager.getByRole('row', { name: new RegExp(`analyst@e2e.test mentioned you: .*${name}`) });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Mention');
  await manager.getByRole('link', { name: /^Unread/ }).click();
  await expect(manager).toHaveURL(/view=unread/);
  await rows.first().getByRole('button', { name: 'Mark read' }).click();
  await expect(rows).toHaveCount(1);
  await manager.getByRole('form', { name: 'Mark all notifications read' }).getByRole('button', { name: 'Mark all read' }).click();
  await expect(manager.getByRole('table', { name: 'Notifications' })).toContainText('Nothing unread');
  await expect(manager.getByLabel('Notifications: 0 unread')).toBeVisible();
  await manager.getByRole('link', { name: 'All', exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
  await manager.screenshot({ path: test.info().outputPath('notifications-manager.png') });
  await manager.context().close();
});

test('a triage token works the API with its owner’s role, audited under its name; other tokens are refused', async ({ baseURL, browser, page, request }) => {
  const name = `TriToken-${RUN}`;
  await uploadRunEntries(request, `tri-token-${RUN}`, [{ name, signer: SIGNED }], t0);
  const id = await entryIdOf(request, name);

  await page.goto('/admin/tokens');
  const form = page.getByRole('form', { name: 'Create a token' });
  await form.getByLabel('Token name').fill(`soar-${RUN}`);
  await form.getByLabel('Scope').selectOption('triage');
  await form.getByRole('button', { name: 'Create token' }).click();
  const token = (await form.getByTestId('new-token').textContent())!.trim();
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  // No session cookie: only the token speaks.
  const api = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });

  const moved = await api.post(`/api/v1/entries/${id}/triage`, { headers: bearer(token), data: { state: 'in_review', assignee: 'me' } });
  expect(moved.status()).toBe(200);
  expect(await moved.json()).toMatchObject({ items: 1, changed: 1, item: { state: 'in_review', assignee: expect.stringMatching(/admin/i) } });
  // 26 comments mentioning the viewer: more than one page of their notifications.
  for (let i = 1; i <= 26; i++) {
    const r = await api.post('/api/v1/triage/bulk', { headers: bearer(token), data: { entryIds: [id], change: { comment: `note ${i} for @viewer` } } });
    expect(r.status()).toBe(200);
  }
  const { read, ingest } = readTokens();
  for (const t of [read, ingest]) expect((await api.post(`/api/v1/entries/${id}/triage`, { headers: bearer(t), data: { comment: 'x' } })).status()).toBe(403);
  expect((await api.post(`/api/v1/entries/${id}/triage`, { data: { comment: 'x' } })).status()).toBe(401);
  expect((await api.post(`/api/v1/entries/${id}/triage`, { headers: bearer(token), data: { state: 'bogus' } })).status()).toBe(400);

  await api.dispose();
  await page.goto(`/entries/${id}`);
  const panel = page.getByRole('region', { name: 'Triage' });
  await panel.getByText(/^History/).click();
  await expect(panel.getByRole('table', { name: 'Triage history' })).toContainText(`token:soar-${RUN}`);

  const viewer = await pageAs(browser, 'viewer');
  await viewer.goto('/notifications?size=25');
  await expect(viewer.getByRole('navigation', { name: 'Pagination' })).toContainText('1–25 of 26');
  await expect(viewer.getByRole('row', { name: /token:soar-\w+ mentioned you/ })).toHaveCount(25);
  await viewer.getByRole('link', { name: 'Older' }).click();
  await expect(viewer.getByRole('navigation', { name: 'Pagination' })).toContainText('26–26 of 26');
  await viewer.screenshot({ path: test.info().outputPath('notifications-page2.png') });
  await viewer.context().close();
});
