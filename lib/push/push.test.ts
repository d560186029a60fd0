import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMultipartUpload } from '@/lib/http/multipart';
import { batchFiles, collectFiles } from './collect-files';
import { multipartBody } from './multipart-body';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'tasklens-push-'));
  process.env.TASKLENS_SPOOL_DIR = path.join(root, 'spool');
  const fleet = path.join(root, 'fleet');
  for (const [rel, content] of [
    ['WS-B/autoruns.csv', 'b'.repeat(300)],
    ['WS-A/autoruns.csv', 'a'.repeat(100)],
    ['WS-A/nested/crontab "odd\r\nname', 'cron'],
    ['.DS_Store', 'junk'],
  ] as const) {
    mkdirSync(path.dirname(path.join(fleet, rel)), { recursive: true });
    writeFileSync(path.join(fleet, rel), content);
  }
});

describe('collectFiles and batchFiles', () => {
  it('walks folders in a stable order with folder-relative names, skipping dot files', async () => {
    const files = await collectFiles([path.join(root, 'fleet')]);
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ['fleet/WS-A/autoruns.csv', 100],
      ['fleet/WS-A/nested/crontab "odd\r\nname', 4],
      ['fleet/WS-B/autoruns.csv', 300],
    ]);
  });

  it('cuts batches by part count and bytes, a big file going alone', () => {
    const f = (size: number) => ({ path: 'x', name: `f${size}`, size });
    expect(batchFiles([f(1), f(2), f(3)], 2, 100).map((b) => b.map((x) => x.size))).toEqual([[1, 2], [3]]);
    expect(batchFiles([f(10), f(500), f(20)], 50, 100).map((b) => b.map((x) => x.size))).toEqual([[10], [500], [20]]);
  });
});

describe('multipartBody read back by the server-side reader', () => {
  it('round-trips every part, odd names and fields included, with the announced length and progress', async () => {
    const files = await collectFiles([path.join(root, 'fleet')]);
    let sent = 0;
    const body = multipartBody(files, { host: 'WS-Z', labels: 'role=dc' }, (n) => (sent += n));
    const bytes = new Uint8Array(await new Response(body.body).arrayBuffer());
    expect(bytes.length).toBe(body.length);
    expect(sent).toBe(404);
    const request = new Request('http://x/api/v1/uploads', { method: 'POST', headers: { 'content-type': body.contentType }, body: bytes });
    const upload = await readMultipartUpload(request, 10_000);
    expect(upload.fields).toEqual({ host: 'WS-Z', labels: 'role=dc' });
    expect(upload.files.map((f) => [f.fileName, f.size])).toEqual(files.map((f) => [f.name.replace(/["\r\n]/g, (c) => encodeURIComponent(c)), f.size]));
    for (const [i, f] of upload.files.entries()) expect(await readFile(f.path)).toEqual(await readFile(files[i]!.path));
  });

  it('refuses an upload larger than the limit over all parts together and leaves nothing spooled', async () => {
    const files = await collectFiles([path.join(root, 'fleet')]);
    const body = multipartBody(files, {}, () => {});
    const spooledBefore = readdirSync(process.env.TASKLENS_SPOOL_DIR!).length;
    const request = new Request('http://x', { method: 'POST', headers: { 'content-type': body.contentType }, body: new Uint8Array(await new Response(body.body).arrayBuffer()) });
    // Each part is under 350 bytes; together they are 404.
    await expect(readMultipartUpload(request, 350)).rejects.toThrow(/larger than 350 bytes/);
    expect(readdirSync(process.env.TASKLENS_SPOOL_DIR!)).toHaveLength(spooledBefore);
  });

  it('refuses a request with no file part', async () => {
    const form = new FormData();
    form.set('host', 'x');
    await expect(readMultipartUpload(new Request('http://x', { method: 'POST', body: form }), 1000)).rejects.toThrow(/no "file" part/);
  });
});
