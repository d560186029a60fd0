// POST /api/v1/uploads – ingest one export (multipart: file, optional host, collectedAt, format)
import { toErrorResponse } from '@/lib/errors';
import { readMultipartUpload } from '@/lib/http/multipart';
import { maxUploadBytes } from '@/lib/http/limits';
import { ingestFile } from '@/lib/ingest/ingest-file';
import { uploadFieldsSchema } from '@/lib/validation/upload';

export async function POST(request: Request): Promise<Response> {
  try {
    const upload = await readMultipartUpload(request, maxUploadBytes());
    const fields = uploadFieldsSchema.parse(upload.fields);
    const result = await ingestFile({ bytes: upload.bytes, fileName: upload.fileName, ...fields });
    const isDuplicate = result.snapshots.every((s) => s.isDuplicate);
    return Response.json(result, { status: isDuplicate ? 200 : 201 });
  } catch (err) {
    return toErrorResponse(err);
  }
}
