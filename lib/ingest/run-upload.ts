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
export async function createUpload(o: { fileName: string; sha256: string; size: number; uploadedBy?: string | null }): Promise<number> {
  const row = await db().upload.create({
    data: { fileName: o.fileName, sha256: o.sha256, sizeBytes: BigInt(o.size), uploadedBy: o.uploadedBy ?? null },
    select: { id: true },
  });
  return row.id;
}

/** Process a received upload from its spooled file or bytes, and record the outcome on the upload row. */
export async function processUpload(
  uploadId: number,
  fileName: string,
  content: { path: string } | { bytes: Uint8Array },
  options: UploadOptions,
): Promise<IngestUploadResult> {
  const source = 'path' in content ? createReadStream(content.path) : oneChunk(content.bytes);
  const { deferStats, ...ingestOptions } = options;
  try {
    const result = await ingestUpload({ uploadId, source, fileName, ...ingestOptions });
    // Stats of hosts committed before a failure stay marked dirty and are picked up by the next refresh.
    if (!deferStats) await refreshDirtyEntryStats(db());
    const duplicates = result.snapshots.filter((s) => s.isDuplicate).length;
    await finish(uploadId, {
      status: result.status,
      message: result.status === 'duplicate' ? 'already ingested: nothing new' : duplicates ? `${duplicates} snapshot(s) already ingested` : null,
      filesTotal: result.files,
      filesDone: result.files,
      warnings: result.warnings.slice(0, 500) as unknown as Prisma.InputJsonValue,
    });
    return result;
  } catch (err) {
    const isExpected = err instanceof ParseError || err instanceof ArchiveError;
    await finish(uploadId, { status: 'failed', message: isExpected ? (err as Error).message : 'internal error while ingesting' });
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
  const uploadId = await createUpload({ fileName, sha256: sha256Hex(bytes), size: bytes.length, uploadedBy: options.uploadedBy });
  return processUpload(uploadId, fileName, { bytes }, options);
}
