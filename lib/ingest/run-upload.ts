import { createReadStream } from 'node:fs';
import type { Prisma } from '@/lib/generated/prisma/client';
import { refreshDirtyEntryStats } from '@/lib/analytics/entry-stats';
import { db } from '@/lib/db/client';
import { ArchiveError } from './archive';
import { ingestUpload, type IngestUploadResult } from './ingest-upload';
import { sha256Hex } from './store-snapshot';
import { ParseError, type FormatId } from './types';

export interface UploadOptions {
  host?: string | null;
  collectedAt?: Date | null;
  labels?: Record<string, string>;
  format?: FormatId | null;
  /** Leave the prevalence refresh to the caller (queue workers and the bench coalesce it over many uploads). */
  deferStats?: boolean;
}

/** Record a received upload (status "received") before any parsing, so it can be followed and retried. */
export async function createUpload(o: { fileName: string; sha256: string; size: number; files?: number; uploadedBy?: string | null }): Promise<number> {
  const row = await db().upload.create({
    data: { fileName: o.fileName, sha256: o.sha256, sizeBytes: BigInt(o.size), filesTotal: o.files ?? 1, uploadedBy: o.uploadedBy ?? null },
    select: { id: true },
  });
  return row.id;
}

/** One file of a received upload: spooled on disk (API, queue) or in memory (CLI, tests). */
/** `sha256`, when the receiver already hashed the part (spooling does), spares hashing it again. */
export type ReceivedPart = { fileName: string; sha256?: string } & ({ path: string } | { bytes: Uint8Array });

/** The name an upload of several files goes by in lists: the first file's, with how many follow. */
export function uploadName(fileNames: string[]): string {
  return fileNames.length > 1 ? `${fileNames[0]} (+${fileNames.length - 1} more)` : (fileNames[0] ?? 'upload');
}

/** Process a received upload from its spooled files or bytes, and record the outcome on the upload row. */
export async function processUpload(uploadId: number, received: ReceivedPart[], options: UploadOptions): Promise<IngestUploadResult> {
  const parts = received.map((p) => ({ fileName: p.fileName, sha256: p.sha256, source: 'path' in p ? createReadStream(p.path) : oneChunk(p.bytes) }));
  const fileName = uploadName(received.map((p) => p.fileName));
  const { deferStats, ...ingestOptions } = options;
  try {
    const result = await ingestUpload({ uploadId, parts, fileName, ...ingestOptions });
    // Stats of hosts committed before a failure stay marked dirty and are picked up by the next refresh.
    if (!deferStats) await refreshDirtyEntryStats(db());
    const duplicates = result.snapshots.filter((s) => s.isDuplicate).length;
    await finish(uploadId, {
      status: result.status,
      message: result.status === 'duplicate' ? 'already ingested: nothing new' : duplicates ? `${duplicates} snapshot(s) already ingested` : null,
      filesTotal: result.files,
      filesDone: result.files,
      rowsDone: result.rows,
      warnings: result.warnings.slice(0, 500) as unknown as Prisma.InputJsonValue,
    });
    return result;
  } catch (err) {
    const isExpected = err instanceof ParseError || err instanceof ArchiveError;
    const message = isExpected ? (err as Error).message : 'internal error while ingesting';
    // The refusal is the upload's error list too, so GET /api/v1/uploads/{id} says which file and line.
    const error = { file: received.length === 1 ? received[0]!.fileName : fileName, line: err instanceof ParseError ? (err.line ?? null) : null, message };
    await finish(uploadId, { status: 'failed', message, warnings: [error] as unknown as Prisma.InputJsonValue });
    throw err;
  }
}

async function finish(uploadId: number, data: Prisma.UploadUpdateInput) {
  await db().upload.update({ where: { id: uploadId }, data: { ...data, finishedAt: new Date() } });
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Ingest bytes already in memory (CLI, tests): create the upload row and process it. */
export async function ingestBytes(
  bytes: Uint8Array,
  fileName: string,
  options: UploadOptions & { uploadedBy?: string | null } = {},
): Promise<IngestUploadResult> {
  const sha256 = sha256Hex(bytes);
  const uploadId = await createUpload({ fileName, sha256, size: bytes.length, uploadedBy: options.uploadedBy });
  return processUpload(uploadId, [{ fileName, bytes, sha256 }], options);
}
