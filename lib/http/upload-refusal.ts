import { toErrorResponse } from '@/lib/errors';

/**
 * A refused upload answers like every API error ({ error, message }) plus the `errors` list the upload shape
 * has, so a collector reads failures one way whether the refusal came before or after ingest. 5xx stay opaque.
 */
export async function uploadRefusal(err: unknown): Promise<Response> {
  const response = toErrorResponse(err);
  if (response.status >= 500) return response;
  const body = (await response.json()) as { message: string; line?: number | null };
  const errors = [{ file: null, line: body.line ?? null, message: body.message }];
  return Response.json({ ...body, status: 'failed', errors }, { status: response.status });
}
