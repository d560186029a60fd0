import { Readable } from 'node:stream';
import { createUpload } from '@/lib/ingest/run-upload';
import { spoolStream } from '@/lib/ingest/spool';
import { enqueueUpload } from '@/lib/queue/ingest-queue';

/** Do what POST /api/v1/uploads does before answering: spool the bytes, record the upload, queue it. */
export async function queueBytes(bytes: Uint8Array, fileName: string, o: { host?: string; collectedAt?: Date } = {}) {
  const file = await spoolStream(Readable.from([Buffer.from(bytes)]));
  const uploadId = await createUpload({ fileName, sha256: file.sha256, size: file.size, uploadedBy: 'test' });
  const jobId = await enqueueUpload({
    uploadId,
    files: [{ fileName, path: file.path }],
    host: o.host ?? null,
    collectedAt: o.collectedAt?.toISOString() ?? null,
    labels: {},
    format: null,
  });
  return { uploadId, jobId, path: file.path };
}
