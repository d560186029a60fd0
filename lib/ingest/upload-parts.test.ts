import { afterAll, describe, expect, it } from 'vitest';
import { getUpload } from '@/lib/data/uploads';
import { db, disconnectDb } from '@/lib/db/client';
import { readSample } from '@/lib/testing/samples';
import { createUpload, processUpload } from './run-upload';
import { ParseError } from './types';

afterAll(disconnectDb);

const RUN = Date.now().toString(36);

async function upload(parts: { fileName: string; bytes: Uint8Array }[], options: { host?: string } = {}) {
  const size = parts.reduce((n, p) => n + p.bytes.length, 0);
  const uploadId = await createUpload({ fileName: parts[0]!.fileName, sha256: 'test', size, files: parts.length, uploadedBy: 'test' });
  return { uploadId, size, run: () => processUpload(uploadId, parts, { host: options.host ?? null }) };
}

describe('an upload of several files', () => {
  it('ingests every part, reads host names from each, and reports bytes and rows read', async () => {
    const crontab = new TextEncoder().encode('*/5 * * * * /usr/local/bin/backup.sh\n@reboot /opt/agent/start\n');
    const parts = [
      { fileName: `WS-A-${RUN}/autoruns.csv`, bytes: readSample('autoruns/limgreg_autorunslab1.csv') },
      { fileName: `srv-b-${RUN}/crontabs/root`, bytes: crontab },
    ];
    const u = await upload(parts);
    const result = await u.run();
    expect(result.status).toBe('done');
    const view = await getUpload(u.uploadId);
    expect(view).toMatchObject({ status: 'done', outcome: 'ingested', duplicate: false, errors: [] });
    expect(view!.progress).toMatchObject({ bytes: u.size, totalBytes: u.size, files: 2, totalFiles: 2 });
    const entries = view!.snapshots.reduce((n, s) => n + s.entries, 0);
    // Rows are records parsed; entries are distinct after folding (Autoruns lists some twice), so rows >= entries.
    expect(view!.progress.rows).toBeGreaterThanOrEqual(entries);
    const hosts = view!.snapshots.map((s) => [s.host, s.source]);
    expect(hosts).toEqual(expect.arrayContaining([[`srv-b-${RUN}`, 'cron']]));
    expect(view!.snapshots.find((s) => s.source === 'cron')).toMatchObject({ entries: 2, collectedAt: expect.any(String) });
  });

  it('keeps the good parts and lists a part that cannot be read as an error, naming the file', async () => {
    const host = `mixed-${RUN}`;
    const u = await upload(
      [
        { fileName: 'root.crontab', bytes: new TextEncoder().encode('0 4 * * * /usr/bin/updatedb\n') },
        { fileName: 'junk.csv', bytes: new TextEncoder().encode('hello,world\n1,2\n') },
      ],
      { host },
    );
    expect((await u.run()).status).toBe('partial');
    const view = await getUpload(u.uploadId);
    expect(view).toMatchObject({ status: 'done', outcome: 'partial' });
    expect(view!.snapshots).toEqual([expect.objectContaining({ host, source: 'cron', entries: 1 })]);
    expect(view!.errors).toEqual([expect.objectContaining({ file: 'junk.csv', message: expect.stringMatching(/could not be read/) })]);
  });

  it('a lone file that cannot be read fails the upload with the file and line in its errors, storing nothing', async () => {
    const before = await db().snapshot.count();
    const u = await upload([{ fileName: 'junk.csv', bytes: new TextEncoder().encode('hello,world\n1,2\n') }], { host: `junk-${RUN}` });
    await expect(u.run()).rejects.toBeInstanceOf(ParseError);
    const view = await getUpload(u.uploadId);
    expect(view).toMatchObject({ status: 'failed', outcome: 'failed', snapshots: [] });
    expect(view!.errors).toEqual([{ file: 'junk.csv', line: null, message: expect.stringMatching(/format not recognised/) }]);
    expect(await db().snapshot.count()).toBe(before);
  });

  it('the same parts again are answered as a duplicate', async () => {
    const parts = [{ fileName: `dup-${RUN}/root.crontab`, bytes: new TextEncoder().encode('15 2 * * * /usr/sbin/logrotate\n') }];
    await (await upload(parts)).run();
    const again = await upload(parts);
    await again.run();
    expect(await getUpload(again.uploadId)).toMatchObject({ status: 'done', outcome: 'duplicate', duplicate: true });
  });
});
