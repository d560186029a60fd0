import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { HOSTILE_CORPUS, type HostileCase } from '@/lib/testing/hostile-corpus';
import { tenThousandHosts } from '@/lib/testing/hostile-corpus-archives';
import { ArchiveError, unpackUpload } from './archive';
import { parseMember } from './parse-member';
import { hintsFromPath } from './path-hints';
import type { IngestUploadResult } from './ingest-upload';
import { createUpload, processUpload } from './run-upload';
import { sha256Hex } from './store-snapshot';
import { ParseError } from './types';

// Every hostile or broken input goes through the real ingest (the same createUpload + processUpload that
// ingestBytes and the queue run). Each must end as a clear refusal or a stored upload with warnings, and the
// database must never hold half of an upload.

afterAll(disconnectDb);

const RUN = Date.now().toString(36);
// Storing 10,000 hosts is one transaction of ~15 statements each: minutes on a shared 2-core machine (docs/reliability.md).
const SLOW = process.env.TASKLENS_SLOW_TESTS === '1';

async function ingestCase(c: HostileCase) {
  const bytes = c.bytes();
  const host = c.host === '*' ? `hostile-${c.id}-${RUN}` : (c.host ?? null);
  const uploadId = await createUpload({ fileName: c.fileName, sha256: sha256Hex(bytes), size: bytes.length });
  let result: IngestUploadResult | null = null;
  let error: unknown = null;
  try {
    result = await processUpload(uploadId, [{ fileName: c.fileName, bytes }], { host, format: c.format ?? null });
  } catch (err) {
    error = err;
  }
  return { uploadId, host, result, error };
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Snapshots of this upload that are their stream's latest but whose open presences disagree with entry_count. */
async function inconsistentSnapshots(uploadId: number): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM snapshots s
    WHERE s.upload_id = ${uploadId}
      AND NOT EXISTS (SELECT 1 FROM snapshots l WHERE l.host_id = s.host_id AND l.source = s.source
                      AND (l.collected_at, l.id) > (s.collected_at, s.id))
      AND s.entry_count <> (SELECT count(*) FROM presences p WHERE p.host_id = s.host_id AND p.source = s.source AND p.until_at IS NULL)`;
  return rows[0].n;
}

async function warningsOf(uploadId: number): Promise<string[]> {
  const upload = await db().upload.findUniqueOrThrow({ where: { id: uploadId }, select: { warnings: true } });
  const snaps = await db().snapshot.findMany({ where: { uploadId }, select: { warnings: true } });
  return [upload.warnings, ...snaps.map((s) => s.warnings)].flatMap((w) => (w as { message: string }[]).map((x) => x.message));
}

describe('hostile and broken inputs through the real ingest', () => {
  it('10,000 hosts in one upload: unpacked, parsed and routed to 10,000 hosts with bounded memory', { timeout: 120_000 }, async () => {
    const bytes = tenThousandHosts();
    const before = process.memoryUsage().heapUsed;
    let files = 0;
    const hosts = new Set<string>();
    for await (const item of unpackUpload(oneChunk(bytes), 'fleet.tar')) {
      expect(item.kind).toBe('file');
      if (item.kind !== 'file') continue;
      files++;
      const member = parseMember(item.path, item.bytes, null);
      expect(member.kind === 'parsed' && member.result.records.length).toBe(1);
      hosts.add(hintsFromPath(item.path).host ?? '');
    }
    expect(files).toBe(10_000);
    expect(hosts.size).toBe(10_000);
    // Members are taken one at a time: the heap grows by far less than ten copies of the 10 MB upload.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('the corpus has at least 50 cases with unique ids', () => {
    expect(HOSTILE_CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(HOSTILE_CORPUS.map((c) => c.id)).size).toBe(HOSTILE_CORPUS.length);
  });

  for (const c of HOSTILE_CORPUS) {
    it.skipIf(c.slow && !SLOW)(`${c.id}: ${c.outcome === 'reject' ? 'refused with a clear message' : 'stored, with warnings where due'}`, { timeout: c.heavy ? 180_000 : 30_000 }, async () => {
      const { uploadId, host, result, error } = await ingestCase(c);
      const upload = await db().upload.findUniqueOrThrow({ where: { id: uploadId }, select: { status: true, message: true } });
      if (c.outcome === 'reject') {
        expect(error, `${c.id} should be refused`).toBeTruthy();
        expect(error instanceof ParseError || error instanceof ArchiveError, `${c.id} threw ${String(error)}`).toBe(true);
        const message = (error as Error).message;
        if (c.message) expect(message).toMatch(c.message);
        expect(upload).toEqual({ status: 'failed', message });
        expect(await db().snapshot.count({ where: { uploadId } })).toBe(0);
        if (host) {
          expect(await db().snapshot.count({ where: { host: { key: host.toLowerCase() } } })).toBe(0);
          const stored = await db().host.findUnique({ where: { key: host.toLowerCase() }, select: { id: true } });
          if (stored) expect(await db().presence.count({ where: { hostId: stored.id } })).toBe(0);
        }
        return;
      }
      expect(error, `${c.id} should be stored, got ${String(error)}`).toBeNull();
      expect(['done', 'partial', 'duplicate']).toContain(result!.status);
      expect(upload.status).toBe(result!.status);
      expect(result!.snapshots.length + result!.events).toBeGreaterThan(0);
      if (c.message) expect(await warningsOf(uploadId)).toContainEqual(expect.stringMatching(c.message));
      expect(await inconsistentSnapshots(uploadId)).toBe(0);
      // Every entry stored for this upload has a name and a command string, however hostile the input.
      const blank = await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM presences p JOIN snapshots s ON s.id = p.first_snapshot_id JOIN entries e ON e.id = p.entry_id
        WHERE s.upload_id = ${uploadId} AND (e.name IS NULL OR e.name = '' OR e.command IS NULL)`;
      expect(blank[0].n).toBe(0);
    });
  }
});
