import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { gzipSync } from 'node:zlib';
import { readSample } from '@/lib/testing/samples';
import { createUpload, ingestBytes, processUpload } from './run-upload';

afterAll(disconnectDb);

describe('ingestUpload of one file', () => {
  const host = `ws-${Date.now()}`;

  it('stores one snapshot with entries, variants and open presence intervals', async () => {
    const bytes = readSample('autoruns/limgreg_autorunslab2_banner.csv');
    const r = await ingestBytes(bytes, 'lab2.csv', { host, collectedAt: new Date('2025-07-03T10:00:00Z') });
    expect(r.snapshots[0].source).toBe('autoruns');
    expect(r.snapshots).toHaveLength(1);
    const snap = r.snapshots[0];
    expect(snap.isDuplicate).toBe(false);
    expect(snap.host).toBe(host);
    const hostId = (await db().host.findUniqueOrThrow({ where: { key: host } })).id;
    const open = await db().presence.count({ where: { hostId, untilAt: null } });
    expect(open).toBe(snap.added);
    expect(open).toBeGreaterThan(100);
    const evil = await db().entry.findMany({ where: { command: { contains: 'evil.exe', mode: 'insensitive' } }, select: { id: true } });
    expect(evil.length).toBeGreaterThan(0);
  });

  it('recognises the same bytes for the same host and writes nothing new', async () => {
    const before = await db().snapshot.count();
    const bytes = readSample('autoruns/limgreg_autorunslab2_banner.csv');
    const r = await ingestBytes(bytes, 'lab2-again.csv', { host });
    expect(r.snapshots[0].isDuplicate).toBe(true);
    expect(await db().snapshot.count()).toBe(before);
  });

  it('a later snapshot closes removed intervals and opens added ones only', async () => {
    const bytes = readSample('autoruns/limgreg_autorunslab3_banner.csv');
    const r = await ingestBytes(bytes, 'lab3.csv', { host, collectedAt: new Date('2025-07-03T10:30:00Z') });
    const snap = r.snapshots[0];
    expect(snap.isDuplicate).toBe(false);
    // lab2 and lab3 differ by a handful of planted rows (SOURCES.md): most intervals stay open untouched.
    expect(snap.added).toBeGreaterThan(0);
    expect(snap.added).toBeLessThan(20);
    expect(snap.removed).toBeGreaterThan(0);
    const hostId = (await db().host.findUniqueOrThrow({ where: { key: host } })).id;
    const closed = await db().presence.count({ where: { hostId, untilAt: new Date('2025-07-03T10:30:00Z') } });
    expect(closed).toBe(snap.removed);
  });

  it('confirms an unchanged re-collection, and treats contents seen before a change as a new snapshot', async () => {
    const h = `${host}-abc`;
    const a = new TextEncoder().encode('0 3 * * * root /usr/bin/backup\n');
    const b = new TextEncoder().encode('0 4 * * * root /usr/bin/backup\n');
    const at = (d: number) => new Date(Date.UTC(2026, 0, d, 6));
    const first = await ingestBytes(a, 'etc/crontab', { host: h, collectedAt: at(1) });
    const unchanged = await ingestBytes(a, 'etc/crontab', { host: h, collectedAt: at(2) });
    expect(unchanged.snapshots[0]).toMatchObject({ isDuplicate: true, snapshotId: first.snapshots[0].snapshotId });
    const confirmed = await db().snapshot.findUnique({ where: { id: first.snapshots[0].snapshotId }, select: { confirmedAt: true } });
    expect(confirmed?.confirmedAt).toEqual(at(2));
    await ingestBytes(b, 'etc/crontab', { host: h, collectedAt: at(3) });
    const back = await ingestBytes(a, 'etc/crontab', { host: h, collectedAt: at(4) });
    expect(back.snapshots[0]).toMatchObject({ isDuplicate: false, added: 1, removed: 1 });
  });

  it('refuses a file without a host name and leaves nothing behind', async () => {
    const snapshots = await db().snapshot.count();
    await expect(ingestBytes(readSample('autoruns/velociraptor_testdata_autoruns.csv'), 'x.csv')).rejects.toThrow(/no host name/);
    expect(await db().snapshot.count()).toBe(snapshots);
    const failed = await db().upload.findFirst({ orderBy: { id: 'desc' }, select: { status: true, message: true } });
    expect(failed).toMatchObject({ status: 'failed', message: expect.stringMatching(/no host name/) });
  });
});

describe("a part's hash taken by the receiver", () => {
  const crontab = (host: string) => new TextEncoder().encode(`0 1 * * * root /opt/${host}/job\n`);
  const MARK = 'f'.repeat(64);
  async function upload(host: string, part: { fileName: string; bytes: Uint8Array; sha256: string }) {
    const uploadId = await createUpload({ fileName: part.fileName, sha256: part.sha256, size: part.bytes.length });
    return processUpload(uploadId, [part], { host });
  }

  it('is the identity of a plain file (not hashed again), so the same bytes hashed here are a new snapshot', async () => {
    const host = `given-hash-${Date.now()}`;
    // A receiver's hash that is not the bytes' own: taken as given, so the bytes below do not repeat it.
    const first = await upload(host, { fileName: 'crontab', bytes: crontab(host), sha256: MARK });
    expect(first.snapshots[0]!.isDuplicate).toBe(false);
    const again = await ingestBytes(crontab(host), 'crontab', { host, collectedAt: new Date() });
    expect(again.snapshots[0]!.isDuplicate).toBe(false);
  });

  it('is not used for what was unpacked from the part: a gzipped file is its content', async () => {
    const host = `gz-hash-${Date.now()}`;
    const first = await upload(host, { fileName: 'crontab.gz', bytes: gzipSync(crontab(host)), sha256: MARK });
    expect(first.snapshots[0]!.isDuplicate).toBe(false);
    const again = await ingestBytes(crontab(host), 'crontab', { host });
    expect(again.snapshots[0]!.isDuplicate).toBe(true);
  });
});
