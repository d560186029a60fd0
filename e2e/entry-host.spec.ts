import { expect, test } from '@playwright/test';
import { readTokens } from './support/auth';

// On the demo fleet (playwright.config.ts): the planted UpdateOrchestrator hijack is on one workstation, which
// had the stock task in its first snapshot and the hijacked one in its last.
test('outlier → entry → host → diff of first and last snapshot → label edit → back', async ({ page }) => {
  await page.goto('/outliers');
  const first = page.getByRole('table', { name: 'Outliers' }).getByRole('row').nth(1);
  await first.getByRole('link', { name: /UpdateOrchestrator/ }).click();
  await expect(page).toHaveURL(/\/entries\/\d+$/);
  const entryUrl = page.url();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('UpdateOrchestrator');
  await expect(page.getByRole('region', { name: 'Score' }).getByRole('list', { name: 'Why it scored' })).toContainText('PowerShell -EncodedCommand');
  await expect(page.getByRole('region', { name: 'Heuristic hits' })).toContainText(/T1\d{3}/);
  await expect(page.getByRole('figure', { name: 'Hosts per day' })).toBeVisible();
  const hosts = page.getByRole('table', { name: 'Hosts having this entry' });
  await expect(hosts.getByRole('row')).toHaveCount(2);
  const hostLink = hosts.getByRole('row').nth(1).getByRole('link');
  const hostName = (await hostLink.textContent())!.trim();
  await hostLink.click();

  await expect(page).toHaveURL(/\/hosts\/\d+$/);
  // The host page scores every entry of the host against the whole fleet: seconds on the embedded database.
  const started = Date.now();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostName, { timeout: 30_000 });
  console.log(`host page rendered in ${Date.now() - started} ms`);
  await expect(page.getByRole('table', { name: 'Entries on this host' })).toContainText('UpdateOrchestrator');

  const diff = page.getByRole('region', { name: 'Snapshot diff' });
  await diff.getByRole('link', { name: 'autoruns' }).click();
  await expect(page).toHaveURL(/from=\d+&to=\d+/);
  const changes = diff.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row').filter({ hasText: 'added' }).filter({ hasText: 'UpdateOrchestrator' })).toHaveCount(1);
  await expect(changes.getByRole('row').filter({ hasText: 'added' }).filter({ hasText: 'UpdateOrchestrator' })).toContainText('-enc');

  // The diff pages and filters on the server, in the URL: only the added entries, with how many there are.
  const kinds = diff.getByLabel('Kind of change');
  const addedCount = Number((await kinds.getByRole('link', { name: /^added / }).textContent())!.replace(/\D/g, ''));
  await kinds.getByRole('link', { name: /^added / }).click();
  await expect(page).toHaveURL(/change=added/);
  await expect(kinds.getByRole('link', { name: /^added / })).toHaveAttribute('aria-current', 'true');
  await expect(changes.locator('tbody tr')).toHaveCount(Math.min(addedCount, 50));
  await expect(changes.locator('tbody tr:not([data-kind="added"])')).toHaveCount(0);
  await expect(diff.getByRole('navigation', { name: 'Changes pages' })).toContainText(`of ${addedCount}`);
  // The API pages the same diff: kind, page and size.
  const { pathname, searchParams } = new URL(page.url());
  const diffApi = `/api/v1${pathname}/diff?from=${searchParams.get('from')}&to=${searchParams.get('to')}`;
  const whole = await (await page.request.get(diffApi)).json();
  expect(whole.total).toBe(whole.changes.length);
  expect(Object.values(whole.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(whole.total);
  expect(whole.counts.added).toBe(addedCount);
  const second = await (await page.request.get(`${diffApi}&kind=added&size=1&page=2`)).json();
  expect(second.total).toBe(addedCount);
  expect(second.changes).toEqual(whole.changes.filter((c: { kind: string }) => c.kind === 'added').slice(1, 2));
  await page.goBack();
  await expect(page).not.toHaveURL(/change=/);

  const labels = page.getByRole('region', { name: 'Labels' });
  const box = labels.getByRole('textbox', { name: /Labels, one key=value per line/ });
  await box.fill(`${await box.inputValue()}\ne2e-owner=team-x`);
  await labels.getByRole('button', { name: 'Save labels' }).click();
  await expect(labels.getByRole('status')).toHaveText('Labels saved.');
  await expect(labels).toContainText('e2e-owner=team-x');
  await expect(labels).toContainText('role=workstation');

  await page.goBack();
  await expect(page).toHaveURL(/\/hosts\/\d+$/);
  await page.goBack();
  await expect(page).toHaveURL(entryUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('UpdateOrchestrator');
});

test('a host as it was at a time, and the timeline with its snapshots', async ({ page }) => {
  await page.goto('/hosts');
  await page.getByRole('table', { name: 'Hosts' }).getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/hosts\/\d+$/);
  const snapshots = page.getByRole('region', { name: 'Snapshots' });
  await expect(snapshots.getByRole('row')).not.toHaveCount(1);
  // The newest day is unfolded; its snapshot rows link to the host as it was then (its entry rows link to entries).
  await page.getByRole('region', { name: 'Timeline' }).locator('details[open] tr[data-kind="snapshot"]').getByRole('link').first().click();
  await expect(page).toHaveURL(/at=/);
  await expect(page.getByRole('region', { name: 'Entries' }).getByRole('heading')).toContainText('Entries at');
});

test('unknown ids are not found', async ({ page }) => {
  for (const url of ['/entries/999999', '/hosts/999999', '/entries/abc']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
});

test('labels API: ingest tokens may set labels, read tokens may not', async ({ page, request }) => {
  const tokens = readTokens();
  await page.goto('/hosts/1');
  // Keep the demo labels (other specs rank by peer groups) and add one.
  const current = await page.getByRole('region', { name: 'Labels' }).locator('p .tag').allTextContents();
  const labels = { ...Object.fromEntries(current.map((t) => t.split('='))), 'e2e-api': 'yes' };
  const put = (token: string, data: unknown) => request.put('/api/v1/hosts/1/labels', { headers: { authorization: `Bearer ${token}` }, data });
  expect((await put(tokens.read, { labels })).status()).toBe(403);
  expect((await put(tokens.ingest, { labels: { 'bad key!': 'x' } })).status()).toBe(400);
  const ok = await put(tokens.ingest, { labels });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ hostId: 1, labels });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Labels' })).toContainText('e2e-api=yes');
});
