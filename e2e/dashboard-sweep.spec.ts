import { expect, test, type Page } from '@playwright/test';
import { PAGE_POLICY } from '../lib/auth/route-policy';
import { readTokens } from './support/auth';

// Every signed-in page on the demo fleet at 1440x900 (the config's viewport), as the admin: a heading, main content,
// nothing wider than the window and no table scrolling sideways; a full-page screenshot of each for a human look.
// Then the table tools every list shares: the column chooser and the CSV export of the current filter.

const RUN = Date.now().toString(36);
const slug = (url: string) => url.replace(/^\/$/, 'overview').replace(/^\//, '').replace(/[^\w]+/g, '-');

async function firstLinkIn(page: Page, url: string, table: string): Promise<string> {
  await page.goto(url);
  const link = page.getByRole('table', { name: table }).getByRole('row').nth(1).getByRole('link').first();
  return (await link.getAttribute('href'))!;
}

async function checkLayout(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).not.toBeEmpty();
  await page.waitForLoadState('networkidle');
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    tables: [...document.querySelectorAll('.table-wrap')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.querySelector('caption')?.textContent ?? el.querySelector('table')?.getAttribute('aria-label') ?? 'table'}: ${el.scrollWidth} > ${el.clientWidth}`),
  }));
  expect(widths.page, `${url} is ${widths.page}px wider than the window`).toBeLessThanOrEqual(0);
  expect(widths.tables.join('; '), `${url} has tables scrolling sideways: ${widths.tables.join('; ')}`).toBe('');
  await page.screenshot({ path: test.info().outputPath(`${slug(url)}.png`), fullPage: true });
}

test.describe.configure({ timeout: 300_000 });

test('every page at 1440x900: heading, content, no sideways scrolling; screenshots', async ({ page }) => {
  const dynamic: Record<string, string> = {
    '/hosts/[id]': await firstLinkIn(page, '/hosts?sort=entries.desc', 'Hosts'),
    '/entries/[id]': await firstLinkIn(page, '/outliers', 'Outliers'),
  };
  const urls = Object.entries(PAGE_POLICY)
    .filter(([, access]) => access !== 'public')
    .map(([url]) => dynamic[url] ?? url);
  const failures: string[] = [];
  for (const url of urls) {
    await test.step(url, async () => {
      try {
        await checkLayout(page, url);
      } catch (err) {
        failures.push(`${url}: ${(err as Error).message.split('\n')[0]}`);
        await page.screenshot({ path: test.info().outputPath(`${slug(url)}-failed.png`), fullPage: true });
      }
    });
  }
  expect(failures).toEqual([]);
});

test('the column chooser hides a column and remembers it after a reload', async ({ page }) => {
  await page.goto('/inventory');
  const table = page.getByRole('table', { name: 'Inventory entries' });
  await expect(table.getByRole('columnheader', { name: /First seen/ })).toBeVisible();
  await page.getByText(/^Columns/).click();
  await page.getByRole('checkbox', { name: 'First seen' }).uncheck();
  await expect(table.getByRole('columnheader', { name: /First seen/ })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole('columnheader', { name: /Name/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /First seen/ })).toHaveCount(0);
  // The server renders the choice too (a cookie, not localStorage): the HTML before any script has no such column.
  const html = await page.evaluate(async () => (await fetch('/inventory', { cache: 'no-store' })).text());
  const headers = [...html.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  expect(headers.some((h) => h.startsWith('Name'))).toBe(true);
  expect(headers.some((h) => h.startsWith('First seen'))).toBe(false);
  await page.getByText(/^Columns/).click();
  await page.getByRole('button', { name: 'Default columns' }).click();
  await expect(table.getByRole('columnheader', { name: /First seen/ })).toBeVisible();
});

test('Export CSV carries the current filter and sort, and holds every row of it, not only the page', async ({ page }) => {
  await page.goto('/inventory?sort=name.asc');
  await page.getByRole('searchbox', { name: 'Search inventory' }).fill('microsoft');
  await expect(page).toHaveURL(/q=microsoft/);
  const total = Number((await page.getByRole('navigation', { name: 'Pagination' }).textContent())!.match(/of ([\d,]+)/)![1].replace(/,/g, ''));
  expect(total).toBeGreaterThan(50);
  const href = (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
  expect(href).toMatch(/^\/inventory\/export\?/);
  expect(href).toContain('q=microsoft');
  expect(href).toContain('sort=name.asc');
  const answer = await page.request.get(href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('text/csv');
  const lines = (await answer.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toBe('entry_id,family,name,command,executable,hosts_now,hosts_ever,first_seen,last_seen');
  expect(lines.length - 1).toBe(total);
});

test('every list export neutralizes formulas in hostile host and entry data, and answers with the role rules', async ({ page, request }) => {
  const auth = { authorization: `Bearer ${readTokens().ingest}` };
  const host = `-sweep-host-${RUN}`;
  const now = Date.now();
  const crontab = `0 3 * * * root =cmd|' /C calc'!A0-${RUN}\n5 3 * * * root @evil-${RUN}\n`;
  for (const [content, at] of [['0 1 * * * root /bin/true\n', now - 3600_000], [crontab, now]] as const) {
    const upload = await request.post('/api/v1/uploads', {
      headers: auth,
      multipart: { file: { name: `sweep-${RUN}.crontab`, mimeType: 'text/plain', buffer: Buffer.from(content) }, host, collectedAt: new Date(at).toISOString() },
    });
    expect(upload.status(), await upload.text()).toBe(201);
  }
  await page.goto(`/hosts?q=${encodeURIComponent(RUN)}`);
  await page.getByRole('link', { name: host }).click();
  await expect(page).toHaveURL(/\/hosts\/\d+/);
  const hostExport = (await page.getByRole('region', { name: 'Entries' }).getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
  await page.getByRole('searchbox', { name: 'Search entries' }).fill(`evil-${RUN}`);
  await expect(page).toHaveURL(/q=evil/);
  await page.getByRole('table', { name: 'Entries on this host' }).getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/entries\/\d+/);
  const entryExport = (await page.getByRole('region', { name: 'Hosts having it' }).getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
  const read = { authorization: `Bearer ${readTokens().read}` };
  const exports = [
    page.request.get(`/inventory/export?q=${RUN}`),
    page.request.get(`/hosts/export?q=${RUN}`),
    page.request.get(hostExport),
    page.request.get(entryExport),
    page.request.get(`/outliers/export?q=${RUN}&minScore=0`),
    request.get(`/hosts/export?q=${RUN}`, { headers: read }),
  ];
  for (const pending of exports) {
    const answer = await pending;
    expect(answer.status()).toBe(200);
    const body = await answer.text();
    expect(body).toContain(RUN);
    expect(body).not.toMatch(/(^|,|\r\n|\uFEFF)"?[=+\-@]/);
  }
  // The triage queue export is a person's view: tokens are refused, sessions served.
  expect((await request.get('/triage/export', { headers: read })).status()).toBe(403);
  expect((await page.request.get('/triage/export?view=all')).status()).toBe(200);
  expect((await page.request.get('/suppressions/export?status=all')).status()).toBe(200);
});
