// POST /api/v1/uploads – ingest exports or archives (multipart: one or more `file` parts; optional host, collectedAt, labels, format, wait)
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { actorName } from '@/lib/auth/principal';
import { clientIp } from '@/lib/auth/session';
import { recordAudit } from '@/lib/data/audit';
import { getUpload } from '@/lib/data/uploads';
import { maxUploadBytes } from '@/lib/http/limits';
import { readMultipartUpload, type MultipartFile } from '@/lib/http/multipart';
import { uploadRefusal } from '@/lib/http/upload-refusal';
import { createUpload, uploadName } from '@/lib/ingest/run-upload';
import { removeSpooled } from '@/lib/ingest/spool';
import { sha256Hex } from '@/lib/ingest/store-snapshot';
import { enqueueUpload, waitForJob } from '@/lib/queue/ingest-queue';
import { uploadFieldsSchema } from '@/lib/validation/upload';

export async function POST(request: Request): Promise<Response> {
  let spooled: MultipartFile[] = [];
  try {
    const principal = await authenticateRequest(request, { minRole: 'analyst', scopes: ['ingest'] });
    const upload = await readMultipartUpload(request, maxUploadBytes());
    spooled = upload.files;
    const url = new URL(request.url);
    const { wait, ...options } = uploadFieldsSchema.parse({ ...upload.fields, wait: url.searchParams.get('wait') ?? upload.fields.wait });
    const fileName = uploadName(spooled.map((f) => f.fileName));
    const uploadId = await createUpload({
      fileName,
      // One file: its own hash; several: a hash over theirs, so the same set sent again is recognisable.
      sha256: spooled.length === 1 ? spooled[0]!.sha256 : sha256Hex(new TextEncoder().encode(spooled.map((f) => f.sha256).join('\n'))),
      size: spooled.reduce((n, f) => n + f.size, 0),
      files: spooled.length,
      uploadedBy: actorName(principal),
    });
    await recordAudit({ actor: actorName(principal), action: 'upload.create', target: fileName, ip: clientIp(request.headers), details: { uploadId, files: spooled.length } });
    const jobId = await enqueueUpload({
      uploadId,
      files: spooled.map((f) => ({ fileName: f.fileName, path: f.path, sha256: f.sha256 })),
      ...options,
      collectedAt: options.collectedAt?.toISOString() ?? null,
    });
    // Queued: the spooled files now belong to the queue, which deletes them once the upload is ingested.
    spooled = [];
    if (!wait) return Response.json(await getUpload(uploadId), { status: 202, headers: { location: `/api/v1/uploads/${uploadId}` } });
    const output = await waitForJob(jobId);
    const view = await getUpload(uploadId);
    if (!output) return Response.json({ ...view, error: 'internal', message: 'the upload could not be ingested' }, { status: 500 });
    if (!output.ok) return Response.json({ ...view, error: 'unprocessable', message: output.message }, { status: 422 });
    return Response.json(view, { status: view?.duplicate ? 200 : 201 });
  } catch (err) {
    await Promise.all(spooled.map((f) => removeSpooled(f.path)));
    return uploadRefusal(err);
  }
}
