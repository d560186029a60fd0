import pg from 'pg';

/** The parts of the upload JSON (POST/GET /api/v1/uploads) these tests read. */
export interface UploadJson {
  id: number;
  status: 'queued' | 'processing' | 'done' | 'failed';
  outcome: string | null;
  duplicate: boolean;
  snapshots: { id: number; host: string; entries: number }[];
}

/** A small crontab of its own (upload it with `host`): each such upload makes one new snapshot of that host. */
export function crontab(host: string, n = 0): Uint8Array {
  const lines = ['SHELL=/bin/sh', 'MAILTO=""'];
  for (let i = 0; i < 12; i++) lines.push(`${(i * 5) % 60} ${i % 24} * * * /opt/${host}/job-${i}.sh --run ${n}`);
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** POST one file as multipart with an ingest token. */
export async function postUpload(baseUrl: string, token: string, bytes: Uint8Array, fileName: string, query = '', fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${baseUrl}/api/v1/uploads${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as UploadJson & { error?: string; message?: string } };
}

export async function getUploadJson(baseUrl: string, token: string, id: number) {
  const res = await fetch(`${baseUrl}/api/v1/uploads/${id}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as UploadJson };
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface SnapshotRow {
  id: number;
  host: string;
  source: string;
  entry_count: number;
  /** Presences the snapshot opened: a whole snapshot opens one per entry (its host's first snapshot of a source). */
  opened: number;
}

/** Every snapshot of one upload with what it opened; a half-written one would show fewer presences than entries. */
export async function snapshotsOfUpload(c: pg.Client, uploadId: number): Promise<SnapshotRow[]> {
  const r = await c.query<SnapshotRow>(
    `SELECT s.id, h.key AS host, s.source::text AS source, s.entry_count,
            (SELECT count(*)::int FROM presences p WHERE p.first_snapshot_id = s.id) AS opened
       FROM snapshots s JOIN hosts h ON h.id = s.host_id
      WHERE s.upload_id = $1 ORDER BY h.key`,
    [uploadId],
  );
  return r.rows;
}

const ADMIN_URL = process.env.TASKLENS_TEST_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * An empty database on the local PostgreSQL (the one npm test uses), or null when none answers. Empty: the server's
 * own start migrates it, as it would for a user (migrating it from this process would hold Prisma's advisory lock).
 */
export async function emptyDatabase(label: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const name = `tasklens_${label}_${Date.now()}_${process.pid}`;
  try {
    await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE "${name}"`));
  } catch {
    return null;
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}
