/**
 * True when an error means the database cannot be reached right now (stopped, restarting, connection dropped), as
 * opposed to a bad query: such requests answer 503 and such ingest jobs wait for the database before retrying.
 * Looks through the wrappers (Prisma's error, its driver adapter error, pg's error, AggregateError) to the cause.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 6) return false;
  const e = err as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.kind === 'string' && UNAVAILABLE_KINDS.has(e.kind)) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  const inner = [e.cause, meta, meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => isDatabaseUnavailable(x, depth + 1));
}

// Socket errors, PostgreSQL's shutdown/startup/connection classes (57P01-03, 08xxx) and Prisma's "can't reach".
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'P1001', 'P1002', 'P1017']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command|Can't reach database server|Server has closed the connection|Connection is closed|timeout exceeded when trying to connect/i;
