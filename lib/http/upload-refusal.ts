import { toErrorAnswer } from '@/lib/errors';

/**
 * A refused upload answers like every API error ({ error, message }) plus the `errors` list the upload shape
 * has, so a collector reads failures one way whether the refusal came before or after ingest. 5xx stay opaque.
 */
export function uploadRefusal(err: unknown): Response {
  const { status, body, headers } = toErrorAnswer(err);
  if (status >= 500) return Response.json(body, { status, headers });
  const errors = [{ file: null, line: body.line ?? null, message: body.message }];
  return Response.json({ ...body, status: 'failed', errors }, { status, headers });
}
