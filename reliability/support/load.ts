import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import type pg from 'pg';
import { benchFiles } from '../../lib/bench/fleet';
import { createToken, startServer } from './server';
import { crontab, emptyDatabase, getUploadJson, postUpload, withClient } from './uploads';

export interface LoadOptions {
  url: string;
  databaseUrl: string;
  ingestToken: string;
  readToken: string;
  seconds: number;
  uploaders: number;
  readers: number;
  /** Hosts ingested before the load starts, so reads have a fleet to page through. */
  seedHosts: number;
}

export interface LatencyFigures {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadReport {
  seconds: number;
  /** POST with wait=true (answered once ingested) and with wait=false (answered once queued). */
  uploads: LatencyFigures;
  queuedUploads: LatencyFigures;
  reads: LatencyFigures;
  readsPerRoute: Record<string, LatencyFigures>;
  /** Answers by status code, every request of the run. */
  statuses: Record<string, number>;
  serverErrors: string[];
  networkErrors: string[];
  acknowledged: number;
  /** Acknowledged uploads not done, or not stored exactly once, after the queue drained. */
  missing: string[];
}

export function figures(ms: number[]): LatencyFigures {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!) : 0);
  return { count: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/**
 * `uploaders` collectors each POSTing a small crontab at a time (a quarter of them with wait=false: the 202 path), and
 * `readers` clients GETting API pages, for `seconds`; then waits for the queue to drain and checks in the database
 * that every acknowledged upload is done with exactly one snapshot. Latencies are per request, in milliseconds.
 */
export async function runLoad(o: LoadOptions): Promise<LoadReport> {
  const statuses: Record<string, number> = {};
  const serverErrors: string[] = [];
  const networkErrors: string[] = [];
  const count = (route: string, status: number, body: string) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 500) serverErrors.push(`${route} ${status} ${body.slice(0, 200)}`);
  };

  const seed = [...benchFiles({ hosts: o.seedHosts, days: 1, seed: 7 })];
  const seeded = await postUpload(o.url, o.ingestToken, zipSync(Object.fromEntries(seed.map((f) => [`${f.host}/autorunsc.csv`, new Uint8Array(f.bytes)]))), 'seed.zip');
  if (seeded.status !== 201) throw new Error(`seed upload answered ${seeded.status}: ${JSON.stringify(seeded.body)}`);

  const end = Date.now() + o.seconds * 1000;
  const uploadMs: number[] = [];
  const queuedMs: number[] = [];
  const acked: { id: number; host: string }[] = [];
  const uploader = async (u: number) => {
    for (let n = 0; Date.now() < end; n++) {
      const host = `load-${u}-${n}`;
      const t = performance.now();
      try {
        const isQueued = (u + n) % 4 === 0;
        const r = await postUpload(o.url, o.ingestToken, crontab(host, n), `${host}.crontab`, isQueued ? '?wait=false' : '', { host });
        (isQueued ? queuedMs : uploadMs).push(performance.now() - t);
        count('POST /api/v1/uploads', r.status, JSON.stringify(r.body));
        if (r.status === 201 || r.status === 202) acked.push({ id: r.body.id, host });
      } catch (err) {
        networkErrors.push(`POST /api/v1/uploads: ${(err as Error).message}`);
      }
    }
  };

  const routes = ['/api/v1/hosts', '/api/v1/hosts?sort=-entries&size=100', '/api/v1/outliers', '/api/v1/entries?q=update', '/api/v1/entries?page=2', '/login'];
  const readMs: Record<string, number[]> = Object.fromEntries(routes.map((r) => [r, []]));
  const reader = async (r: number) => {
    for (let n = r; Date.now() < end; n++) {
      const route = routes[n % routes.length]!;
      const t = performance.now();
      try {
        const res = await fetch(`${o.url}${route}`, { headers: { authorization: `Bearer ${o.readToken}` } });
        const body = await res.text();
        readMs[route]!.push(performance.now() - t);
        count(`GET ${route}`, res.status, body);
      } catch (err) {
        networkErrors.push(`GET ${route}: ${(err as Error).message}`);
      }
    }
  };
  await Promise.all([...Array.from({ length: o.uploaders }, (_, i) => uploader(i)), ...Array.from({ length: o.readers }, (_, i) => reader(i))]);

  // Drain: the wait=false uploads finish in the background.
  const drainEnd = Date.now() + 180_000;
  for (const a of acked) {
    for (;;) {
      const { body } = await getUploadJson(o.url, o.ingestToken, a.id);
      if (body.status === 'done' || body.status === 'failed' || Date.now() > drainEnd) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const missing = await withClient(o.databaseUrl, (c) => checkExactlyOnce(c, acked));
  return {
    seconds: o.seconds,
    uploads: figures(uploadMs),
    queuedUploads: figures(queuedMs),
    reads: figures(Object.values(readMs).flat()),
    readsPerRoute: Object.fromEntries(Object.entries(readMs).map(([k, v]) => [k, figures(v)])),
    statuses,
    serverErrors,
    networkErrors,
    acknowledged: acked.length,
    missing,
  };
}

/** Every acknowledged upload: done, and its host holds exactly one snapshot, from that upload. */
async function checkExactlyOnce(c: pg.Client, acked: { id: number; host: string }[]): Promise<string[]> {
  const rows = await c.query<{ id: number; status: string; host: string | null; snapshots: number; host_snapshots: number }>(
    `SELECT u.id, u.status, h.key AS host,
            (SELECT count(*)::int FROM snapshots s WHERE s.upload_id = u.id) AS snapshots,
            (SELECT count(*)::int FROM snapshots s WHERE s.host_id = h.id) AS host_snapshots
       FROM uploads u
       LEFT JOIN snapshots s1 ON s1.upload_id = u.id
       LEFT JOIN hosts h ON h.id = s1.host_id
      WHERE u.id = ANY($1::int[])`,
    [acked.map((a) => a.id)],
  );
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  const missing: string[] = [];
  for (const a of acked) {
    const r = byId.get(a.id);
    if (!r) missing.push(`upload ${a.id} (${a.host}): no row`);
    else if (r.status !== 'done' || r.snapshots !== 1 || r.host !== a.host || r.host_snapshots !== 1) missing.push(`upload ${a.id} (${a.host}): ${JSON.stringify(r)}`);
  }
  const all = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM uploads WHERE file_name LIKE 'load-%'");
  if (all.rows[0]!.n !== acked.length) missing.push(`${all.rows[0]!.n} load uploads stored for ${acked.length} acknowledged`);
  return missing;
}

/** The report as printed by `npm run loadtest` and the test. */
export function formatReport(r: LoadReport): string {
  const line = (name: string, f: LatencyFigures) => `${name.padEnd(40)} ${String(f.count).padStart(7)}  p50 ${f.p50} ms  p95 ${f.p95} ms  p99 ${f.p99} ms  max ${f.max} ms`;
  return [
    `${r.seconds} s: ${r.acknowledged} uploads acknowledged, ${r.reads.count} reads; statuses ${JSON.stringify(r.statuses)}`,
    line('POST /api/v1/uploads (ingested)', r.uploads),
    line('POST /api/v1/uploads?wait=false', r.queuedUploads),
    line('GET (all reads)', r.reads),
    ...Object.entries(r.readsPerRoute).map(([k, f]) => line(`  GET ${k}`, f)),
    `5xx: ${r.serverErrors.length}, network errors: ${r.networkErrors.length}, acknowledged uploads not stored exactly once: ${r.missing.length}`,
  ].join('\n');
}

/**
 * Start `tasklens start` on a fresh database of the local PostgreSQL (dropped afterwards), run the load against it,
 * stop it. Null when no PostgreSQL answers.
 */
export async function loadTestNewServer(o: Omit<LoadOptions, 'url' | 'databaseUrl' | 'ingestToken' | 'readToken'>): Promise<LoadReport | null> {
  const database = await emptyDatabase('load');
  if (!database) return null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tasklens-load-'));
  try {
    const so = { dataDir, databaseUrl: database.url };
    const ingestToken = createToken(so, 'ingest');
    const readToken = createToken(so, 'read');
    const server = await startServer(so);
    try {
      return await runLoad({ ...o, url: server.url, databaseUrl: database.url, ingestToken, readToken });
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
