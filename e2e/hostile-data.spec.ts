import { expect, test, type Page } from '@playwright/test';
import { readTokens } from './support/auth';

// Everything in an upload is attacker-controlled. This file carries script payloads in entry names, launch strings,
// descriptions, the host name and the file name; every page that shows them must show them as text and run nothing.

const RUN = Date.now().toString(36);
const PAYLOADS = {
  script: `<script>window.__pwned=1</script>${RUN}`,
  img: `<img src=x onerror="window.__pwned=1">${RUN}`,
  jsUrl: `javascript:alert(1)//${RUN}`,
  markdown: `[click me](javascript:alert(1))${RUN}`,
  rtlo: `invoice\u202Egpj.exe${RUN}`,
  homoglyph: `\u0441md\u0435xe-${RUN}`, // Cyrillic с and е
};
const HOST = `<img src=x onerror=alert(1)>HOST-${RUN}`;
// No '/' in it: multipart file names keep only their last path segment.
const FILE_NAME = `<img src=x onerror=window.__pwned=1>[x](javascript:alert(1))-${RUN}.csv`;

function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function hostileAutoruns(): string {
  const header = 'Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String';
  const location = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
  const rows = [
    [PAYLOADS.script, PAYLOADS.img, 'c:\\windows\\system32\\cmd.exe', `cmd.exe /c "${PAYLOADS.script}"`],
    [PAYLOADS.img, PAYLOADS.markdown, 'c:\\temp\\a.exe', `c:\\temp\\a.exe ${PAYLOADS.img}`],
    [PAYLOADS.jsUrl, PAYLOADS.jsUrl, 'c:\\temp\\b.exe', PAYLOADS.jsUrl],
    [PAYLOADS.markdown, PAYLOADS.script, 'c:\\temp\\c.exe', `c:\\temp\\c.exe ${PAYLOADS.markdown}`],
    [PAYLOADS.rtlo, PAYLOADS.rtlo, `c:\\users\\public\\${PAYLOADS.rtlo}`, `c:\\users\\public\\${PAYLOADS.rtlo}`],
    [PAYLOADS.homoglyph, '=HYPERLINK("http://evil.test","x")', `c:\\windows\\${PAYLOADS.homoglyph}.exe`, `c:\\windows\\${PAYLOADS.homoglyph}.exe /q`],
  ].map(([entry, description, image, launch]) =>
    ['20240101-000000', location, entry, 'enabled', 'Logon', 'System-wide', description, '(Not verified)', 'Evil Corp', image, '1.0', launch].map(csvField).join(','),
  );
  return [header, ...rows].join('\r\n') + '\r\n';
}

async function expectInert(page: Page, url: string, visibleTexts: string[]) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  for (const text of visibleTexts) await expect(page.getByText(text, { exact: false }).first(), `${url} shows ${text}`).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${url} ran a payload`).toBeUndefined();
  expect(dialogs, `${url} opened a dialog`).toEqual([]);
  // No attacker text became a link target or an element.
  expect(await page.locator('a[href^="javascript:" i], img[src="x"], script:not([src]):text("__pwned")').count()).toBe(0);
}

test('hostile upload: payloads are shown as text on every page and never run', async ({ page, request }) => {
  const upload = await request.post('/api/v1/uploads', {
    headers: { authorization: `Bearer ${readTokens().ingest}` },
    multipart: { file: { name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(hostileAutoruns()) }, host: HOST },
  });
  expect(upload.status(), await upload.text()).toBe(201);

  await expectInert(page, '/', []);
  await expectInert(page, `/hosts?q=${encodeURIComponent(`HOST-${RUN}`)}`, [HOST]);
  await expectInert(page, `/inventory?q=${RUN}`, [PAYLOADS.script, PAYLOADS.img, PAYLOADS.markdown, PAYLOADS.homoglyph, `javascript:alert(1)//${RUN}`]);
  await expectInert(page, `/inventory?q=${encodeURIComponent(PAYLOADS.rtlo)}`, [PAYLOADS.rtlo]);
  await expectInert(page, '/uploads', [FILE_NAME]);
  await expectInert(page, `/admin/audit?action=upload.create`, [FILE_NAME]);
});

test('the audit CSV export neutralizes formula cells', async ({ page }) => {
  const formulaName = `=cmd|' -C calc'!A0-${RUN}.csv`;
  const upload = await page.request.post('/api/v1/uploads', {
    headers: { authorization: `Bearer ${readTokens().ingest}` },
    multipart: { file: { name: formulaName, mimeType: 'text/csv', buffer: Buffer.from(hostileAutoruns()) }, host: `formula-${RUN}` },
  });
  expect(upload.status()).toBe(201);
  const download = await page.request.get(`/admin/audit/export?action=upload.create&actor=token:e2e-ingest`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('text/csv');
  const body = await download.text();
  expect(body.split('\r\n')[0]).toContain('time,actor,action,target,ip,details');
  expect(body).toContain(`,'=cmd|' -C calc'!A0-${RUN}.csv,`);
  // No cell anywhere starts with a formula character.
  expect(body).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
});
