/** Database settings; the only place that reads them from the environment. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it to the embedded database when unset)');
  return url;
}

/** The embedded database serializes queries anyway; a small pool keeps its multiplexer's queue short. */
export function poolMax(): number {
  const n = Number(process.env.TASKLENS_DB_POOL_MAX ?? '');
  return Number.isInteger(n) && n > 0 ? n : 10;
}

/** Connections of the ingest workers' own pool (TASKLENS_INGEST_POOL_MAX, default 4): one store-host transaction each. */
export function ingestPoolMax(): number {
  const n = Number(process.env.TASKLENS_INGEST_POOL_MAX ?? '');
  return Number.isInteger(n) && n > 0 ? n : 4;
}

/** Set by the commands that serve the embedded database (PGlite) to the processes that use it. */
export function isEmbeddedDb(): boolean {
  return process.env.TASKLENS_EMBEDDED_DB === '1';
}
