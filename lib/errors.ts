import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { ArchiveError } from '@/lib/ingest/archive-limits';
import { ParseError } from '@/lib/ingest/types';

export type AppErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unprocessable';

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
};

/** An expected failure with a message safe to show to the client. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The one place route handlers map errors to HTTP answers; unknown errors are logged and never echoed. */
export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) return Response.json({ error: err.code, message: err.message }, { status: STATUS[err.code] });
  if (err instanceof ArchiveError) return Response.json({ error: 'unprocessable', message: err.message }, { status: 422 });
  if (err instanceof ParseError) {
    return Response.json({ error: 'unprocessable', message: err.message, line: err.line }, { status: 422 });
  }
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return Response.json({ error: 'bad_request', message }, { status: 400 });
  }
  if (isDatabaseUnavailable(err)) {
    // Stopped or restarting: the client may try again, and nothing was half-done (every write is a transaction).
    console.error('database unavailable:', err instanceof Error ? err.message : err);
    return Response.json({ error: 'unavailable', message: 'the database is not reachable; try again shortly' }, { status: 503, headers: { 'retry-after': '5' } });
  }
  console.error(err);
  return Response.json({ error: 'internal', message: 'internal error' }, { status: 500 });
}
