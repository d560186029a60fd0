// POST /api/v1/uploads – ingest an export or an archive (multipart: file; optional host, collectedAt, labels, format, wait)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { actorName } from '@/lib/auth/principal';
import { clientIp } from '@/lib/auth/session';
import { recordAudit } from '@/lib/data/audit';
import { toErrorResponse } from '@/lib/errors';
import { maxUploadBytes } from '@/lib/http/limits';
import { readMultipartUpload } from '@/lib/http/multipart';
import { ParseError } from '@/lib/ingest/types';
import { createUpload } from '@/lib/ingest/run-upload';
import { removeSpooled } from '@/lib/ingest/spool';
import { enqueueUpload, waitForJob } from '@/lib/queue/ingest-queue';
import { uploadFieldsSchema } from '@/lib/validation/upload';

export async function POST(request: Request): Promise<Response> {
  let spooled: string | null = null;
  try {
    const principal = await authenticateRequest(request, { minRole: 'analyst', scopes: ['ingest'] });
    const upload = await readMultipartUpload(request, maxUploadBytes());
    spooled = upload.file.path;
    const url = new URL(request.url);
    const { wait, ...options } = uploadFieldsSchema.parse({ ...upload.fields, wait: url.searchParams.get('wait') ?? upload.fields.wait });
    const uploadId = await createUpload({ fileName: upload.fileName, sha256: upload.file.sha256, size: upload.file.size, uploadedBy: actorName(principal) });
    await recordAudit({ actor: actorName(principal), action: 'upload.create', target: upload.fileName, ip: clientIp(request.headers), details: { uploadId, size: upload.file.size } });
    const jobId = await enqueueUpload({ uploadId, fileName: upload.fileName, path: upload.file.path, ...options, collectedAt: options.collectedAt?.toISOString() ?? null });
    // Queued: the spooled file now belongs to the queue, which deletes it once the upload is ingested.
    spooled = null;
    if (!wait) return Response.json({ uploadId, status: 'received', statusUrl: `/api/v1/uploads/${uploadId}` }, { status: 202 });
    const output = await waitForJob(jobId);
    if (!output) return Response.json({ error: 'internal', message: 'the upload could not be ingested', uploadId }, { status: 500 });
    if (!output.ok) throw new ParseError(output.message, output.line);
    return Response.json(output.result, { status: output.result.status === 'duplicate' ? 200 : 201 });
  } catch (err) {
    if (spooled) await removeSpooled(spooled);
    return toErrorResponse(err);
  }
}
