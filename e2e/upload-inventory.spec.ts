import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readTokens } from './support/auth';

const SAMPLES = process.env.TASKLENS_SAMPLES ?? path.resolve(process.cwd(), '..', 'shared', 'samples');
const LAB2 = path.join(SAMPLES, 'autoruns', 'limgreg_autorunslab2_banner.csv');

test('empty states point a new user at the upload page', async ({ page }) => {
  await page.goto('/hosts?q=no-such-host-anywhere');
  await expect(page.getByText('No host name matches')).toBeVisible();
  await page.goto('/inventory?q=zzzz-nothing-matches');
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
});

test('upload an Autoruns CSV, find its host, browse its entries', async ({ page }) => {
  const host = `E2E-WS-${Date.now()}`;
  await page.goto('/uploads');
  await page.getByLabel('Export files').setInputFiles(LAB2);
  await page.getByLabel('Host').fill(host);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status')).toContainText(`entries for ${host}`, { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Upload history' })).toContainText('limgreg_autorunslab2_banner.csv');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts' }).click();
  await page.getByRole('searchbox', { name: 'Search hosts' }).fill(host);
  await expect(page).toHaveURL(new RegExp(`q=${host}`));
  // The list re-renders when the search answers: click the link once the filtered list is the one shown.
  await expect(page.getByRole('table', { name: 'Hosts' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('link', { name: host }).click();
  await expect(page).toHaveURL(/\/hosts\/\d+/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(host);
  await page.goto(`/inventory?host=${encodeURIComponent(host)}`);

  await expect(page).toHaveURL(/\/inventory\?host=/);
  const table = page.getByRole('table', { name: 'Inventory entries' });
  await expect(table.getByRole('row')).toHaveCount(51); // header + 50 rows per page
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('1–50 of');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('51–100 of');

  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name\.(asc|desc)/);
  await expect(page).not.toHaveURL(/page=2/);

  await page.getByRole('searchbox', { name: 'Search inventory' }).fill('evil.exe');
  await expect(page).toHaveURL(/q=evil\.exe/);
  await expect(table).toContainText('c:\\malware\\evil.exe', { ignoreCase: true });

  // The URL holds the state: a reload shows the same filtered view, and Back returns to the previous one.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search inventory' })).toHaveValue('evil.exe');
  await expect(table).toContainText('evil.exe', { ignoreCase: true });
});

test('the upload API answers with the snapshot and recognises a repeat', async ({ playwright, baseURL }) => {
  // As a collector would: no session, an ingest token (created by e2e/auth.setup.ts).
  const request = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${readTokens().ingest}` } });
  const host = `E2E-API-${Date.now()}`;
  const fs = await import('node:fs');
  const file = { name: 'lab2.csv', mimeType: 'text/csv', buffer: fs.readFileSync(LAB2) };
  const first = await request.post('/api/v1/uploads', { multipart: { file, host } });
  expect(first.status()).toBe(201);
  const body = await first.json();
  expect(body).toMatchObject({ status: 'done', duplicate: false, errors: [] });
  expect(body.progress).toMatchObject({ bytes: file.buffer.length, totalBytes: file.buffer.length, rows: expect.any(Number) });
  expect(body.progress.rows).toBeGreaterThan(1000);
  expect(body.snapshots[0]).toMatchObject({ host, source: 'autoruns', entries: expect.any(Number), collectedAt: expect.any(String) });
  const followed = await request.get(`/api/v1/uploads/${body.id}`);
  expect(await followed.json()).toEqual(body);
  const again = await request.post('/api/v1/uploads', { multipart: { file, host } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ status: 'done', duplicate: true });
  const junk = await request.post('/api/v1/uploads', { multipart: { file: { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('hello,world\n1,2\n') }, host } });
  expect(junk.status()).toBe(422);
  const refused = await junk.json();
  expect(refused).toMatchObject({ status: 'failed', message: expect.stringMatching(/format not recognised/) });
  expect(refused.errors).toEqual([expect.objectContaining({ file: 'x.csv', message: refused.message })]);
});

test('several file parts in one request: one upload, each file read, a bad part listed by name', async ({ baseURL }) => {
  const run = Date.now().toString(36);
  const form = new FormData();
  form.append('file', new Blob([`0 5 * * * /usr/bin/backup-${run}\n`]), `web-${run}/root.crontab`);
  form.append('file', new Blob([`0 6 * * * /usr/bin/vacuum-${run}\n`]), `db-${run}/root.crontab`);
  form.append('file', new Blob(['hello,world\n1,2\n']), 'junk.csv');
  form.set('host', `fallback-${run}`);
  const res = await fetch(new URL('/api/v1/uploads', baseURL), { method: 'POST', headers: { authorization: `Bearer ${readTokens().ingest}` }, body: form });
  expect(res.status).toBe(201);
  const upload = await res.json();
  expect(upload).toMatchObject({ status: 'done', outcome: 'partial', progress: { files: 3, totalFiles: 3, rows: 2 } });
  expect(upload.snapshots.map((s: { host: string }) => s.host).sort()).toEqual([`db-${run}`, `web-${run}`]);
  expect(upload.errors).toEqual([expect.objectContaining({ file: 'junk.csv', message: expect.stringMatching(/could not be read/) })]);
});

test('tasklens push --server sends a folder with a progress bar and reports each host', async ({ baseURL }) => {
  const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { spawnSync } = await import('node:child_process');
  const run = Date.now().toString(36);
  const fleet = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-push-')), 'fleet');
  mkdirSync(path.join(fleet, `PUSH-WS-${run}`), { recursive: true });
  writeFileSync(path.join(fleet, `PUSH-WS-${run}`, 'autorunsc.csv'), (await import('node:fs')).readFileSync(LAB2));
  mkdirSync(path.join(fleet, `push-srv-${run}`), { recursive: true });
  writeFileSync(path.join(fleet, `push-srv-${run}`, 'root.crontab'), '*/10 * * * * /opt/monitor/check\n');
  const push = (token: string) =>
    spawnSync(process.execPath, ['bin/tasklens.mjs', 'push', fleet, '--server', baseURL!, '--labels', 'site=e2e'], {
      encoding: 'utf8',
      env: { ...process.env, TASKLENS_TOKEN: token },
      timeout: 120_000,
    });
  const r = push(readTokens().ingest);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toMatch(/\[#+\] 100% /);
  expect(r.stdout).toMatch(new RegExp(`host=PUSH-WS-${run} source=autoruns entries=\\d{3,}`));
  expect(r.stdout).toMatch(new RegExp(`host=push-srv-${run} source=cron entries=1`));
  // A read token may not upload: the server's refusal is printed and the exit code says so.
  const refused = push(readTokens().read);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/HTTP 403/);
});

test('the Uploads page sends several files one upload each, with a row of progress and result per file', async ({ page }) => {
  const run = Date.now().toString(36);
  await page.goto('/uploads');
  await page.getByLabel('Export files').setInputFiles([
    { name: `ui-a-${run}.crontab`, mimeType: 'text/plain', buffer: Buffer.from(`0 1 * * * /opt/a-${run}\n`) },
    { name: `ui-b-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from('hello,world\n1,2\n') },
  ]);
  await page.getByLabel('Host').fill(`ui-multi-${run}`);
  await page.getByRole('button', { name: 'Upload 2 files' }).click();
  const files = page.getByRole('list', { name: 'Files' });
  await expect(files.getByRole('listitem', { name: `ui-a-${run}.crontab` })).toContainText(`1 entries for ui-multi-${run}`, { timeout: 30_000 });
  await expect(files.getByRole('listitem', { name: `ui-b-${run}.csv` })).toContainText(/Failed.*format not recognised/, { timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('uploads-two-files.png') });
});
