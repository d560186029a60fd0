// Next 16 calls register() once per server start: the in-process ingest workers live here.
export async function register(): Promise<void> {
  // Not during `next build` (no database), not in the Edge runtime, and not without a database to work on.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build' || !process.env.DATABASE_URL) return;
  const { startWorkersFromEnv } = await import('./lib/queue/workers');
  await startWorkersFromEnv('server');
}
