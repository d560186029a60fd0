import { expect, test } from '@playwright/test';
import { HOSTILE_CORPUS } from '../lib/testing/hostile-corpus';
import { readTokens } from './support/auth';

// A representative subset of the hostile corpus (lib/testing/hostile-corpus.ts) over HTTP: each refused upload
// answers 4xx with a JSON message, never 5xx, and the server keeps answering. Big cases stay in the integration
// test. Script payloads in the UI are e2e/hostile-data.spec.ts's job.

const RUN = Date.now().toString(36);
const SUBSET = HOSTILE_CORPUS.filter((c) => c.api && !c.heavy);
const auth = () => ({ authorization: `Bearer ${readTokens().ingest}` });

test('a representative subset of hostile inputs: 4xx with a message or stored, never 5xx', async ({ request }) => {
  expect(SUBSET.length).toBeGreaterThanOrEqual(15);
  const accepted: number[] = [];
  for (const c of SUBSET) {
    const host = c.host === '*' ? `e2e-hostile-${c.id}-${RUN}` : c.host;
    const answer = await request.post('/api/v1/uploads', {
      headers: auth(),
      multipart: { file: { name: c.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(c.bytes()) }, ...(host ? { host } : {}) },
    });
    const body = (await answer.json()) as { message?: string; id?: number; status?: string; errors?: { message: string }[] };
    expect(answer.status(), `${c.id}: ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
    if (c.outcome === 'reject') {
      expect(answer.status(), c.id).toBeGreaterThanOrEqual(400);
      expect(body.message, c.id).toEqual(expect.any(String));
      expect(body.errors?.[0]?.message, c.id).toEqual(expect.any(String));
      if (c.message) expect(body.message, c.id).toMatch(c.message);
    } else {
      expect([200, 201], c.id).toContain(answer.status());
      accepted.push(body.id!);
    }
  }
  // Still answering, and each stored upload can be followed.
  for (const id of accepted) {
    const status = await request.get(`/api/v1/uploads/${id}`, { headers: auth() });
    expect(status.status()).toBe(200);
    expect(((await status.json()) as { status: string }).status).toBe('done');
  }
});

test('a refused upload sent without waiting ends as failed with its reason', async ({ request }) => {
  const c = HOSTILE_CORPUS.find((x) => x.id === 'zip-bomb-ratio')!;
  const answer = await request.post('/api/v1/uploads?wait=false', {
    headers: auth(),
    multipart: { file: { name: c.fileName, mimeType: 'application/zip', buffer: Buffer.from(c.bytes()) } },
  });
  expect(answer.status()).toBe(202);
  const { id: uploadId } = (await answer.json()) as { id: number };
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/uploads/${uploadId}`, { headers: auth() })).json()) as { status: string }).status, { timeout: 60_000 })
    .toBe('failed');
  const upload = (await (await request.get(`/api/v1/uploads/${uploadId}`, { headers: auth() })).json()) as { message: string; errors: { file: string; message: string }[] };
  expect(upload.message).toMatch(/ratio|bomb/);
  expect(upload.errors).toEqual([expect.objectContaining({ file: c.fileName, message: upload.message })]);
});

test('the Uploads page shows why a broken file was refused', async ({ page }) => {
  await page.goto('/uploads');
  await page.getByLabel('Export files').setInputFiles({ name: `junk-${RUN}.csv`, mimeType: 'text/csv', buffer: Buffer.from(HOSTILE_CORPUS.find((c) => c.id === 'binary-junk-csv-name')!.bytes()) });
  await page.getByLabel('Host').fill(`ui-junk-${RUN}`);
  await page.getByRole('button', { name: 'Upload' }).click();
  const shown = page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: /binary|not recognised/ });
  await expect(shown.first()).toBeVisible({ timeout: 30_000 });
});

test('CSV exports neutralize formulas in hostile entry names and commands', async ({ request }) => {
  const formula = `=cmd|' /C calc'!A0-${RUN}`;
  const crontab = `0 3 * * * root ${formula}\n5 3 * * * root +SUM(1+1)-${RUN}\n10 3 * * * root @evil-${RUN}\n`;
  // A host's first snapshot is its baseline, not news: the hostile jobs arrive in its second one, an hour later.
  const host = `-formula-host-${RUN}`;
  const now = Date.now();
  for (const [content, at] of [['0 1 * * * root /bin/true\n', now - 3600_000], [crontab, now]] as const) {
    const upload = await request.post('/api/v1/uploads', {
      headers: auth(),
      multipart: { file: { name: `formula-${RUN}.crontab`, mimeType: 'text/plain', buffer: Buffer.from(content) }, host, collectedAt: new Date(at).toISOString() },
    });
    expect(upload.status(), await upload.text()).toBe(201);
  }
  // Every route built on lib/csv-export.ts: the change feed (read token) and the audit log (the admin session).
  const exports = [
    request.get(`/changes/export?window=week&q=${RUN}`, { headers: { authorization: `Bearer ${readTokens().read}` } }),
    request.get(`/admin/audit/export?action=upload.create`),
  ];
  for (const pending of exports) {
    const answer = await pending;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('text/csv');
    const body = await answer.text();
    expect(body).toContain(RUN);
    // No cell starts with a formula character, quoted or not.
    expect(body).not.toMatch(/(^|,|\r\n|\uFEFF)"?[=+\-@]/);
  }
});
