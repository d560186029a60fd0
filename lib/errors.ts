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

/** An API error answer: status, JSON body and extra headers. */
export interface ErrorAnswer {
  status: number;
  body: { error: string; message: string; line?: number | null };
  headers?: Record<string, string>;
}

/** The one place errors become API answers; unknown errors are logged and never echoed. */
export function toErrorAnswer(err: unknown): ErrorAnswer {
  if (err instanceof AppError) return { status: STATUS[err.code], body: { error: err.code, message: err.message } };
  if (err instanceof ArchiveError) return { status: 422, body: { error: 'unprocessable', message: err.message } };
  if (err instanceof ParseError) return { status: 422, body: { error: 'unprocessable', message: err.message, line: err.line } };
  if (err instanceof ZodError) {
    const message = err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return { status: 400, body: { error: 'bad_request', message } };
  }
  if (isDatabaseUnavailable(err)) {
    // Stopped or restarting: the client may try again, and nothing was half-done (every write is a transaction).
    console.error('database unavailable:', err instanceof Error ? err.message : err);
    return { status: 503, body: { error: 'unavailable', message: 'the database is not reachable; try again shortly' }, headers: { 'retry-after': '5' } };
  }
  console.error(err);
  return { status: 500, body: { error: 'internal', message: 'internal error' } };
}

/** Route handlers' catch: the error as a JSON response. */
export function toErrorResponse(err: unknown): Response {
  const { status, body, headers } = toErrorAnswer(err);
  return Response.json(body, { status, headers });
}
