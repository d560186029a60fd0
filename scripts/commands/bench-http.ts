import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { db } from '../../lib/db/client';
import { createSession } from '../../lib/data/sessions';
import { SESSION_COOKIE } from '../../lib/auth/session';
import { createToken, DIST_DIR, startServer } from '../../reliability/support/server';
import { figures, type LatencyFigures } from '../../reliability/support/load';
import { ensureBuild } from './build-check';

/**
 * One client per core of this machine: latency, not queueing behind other requests. TASKLENS_BENCH_CLIENTS=1
 * separates a page's own latency from the contention of two requests with the database on two cores.
 */
export const CLIENTS = Number(process.env.TASKLENS_BENCH_CLIENTS) || 2;
const SECONDS = 8;

export interface HttpTargets {
  entryId: number;
  hostId: number;
  fromSnapshot: number;
  toSnapshot: number;
}

/** `CLIENTS` clients requesting `url` back to back for `SECONDS`, after three warm-up requests; non-200 answers throw. */
async function load(url: string, headers: Record<string, string>): Promise<LatencyFigures> {
  const get = async () => {
    const t = performance.now();
    const r = await fetch(url, { headers, redirect: 'manual' });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 3; i++) await get();
  const ms: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < end) ms.push(await get());
  }));
  return figures(ms);
}

/**
 * Server-side latency of the pages and their API endpoints as a browser and an API client see them: a production
 * build served by `tasklens start` on the large fleet's database, warm, `CLIENTS` concurrent clients per route.
 * Pages are fetched with a viewer's session cookie, API endpoints with a read token.
 */
export async function benchHttp(databaseUrl: string, t: HttpTargets): Promise<[string, LatencyFigures][]> {
  // The reliability tests' build directory: one build shared with `npm run test:reliability`.
  process.env.TASKLENS_DIST_DIR = DIST_DIR;
  ensureBuild(process.cwd());
  const email = 'bench-viewer@tasklens.invalid';
  const user = await db().user.upsert({ where: { email }, create: { email, role: 'viewer' }, update: { isDisabled: false }, select: { id: true } });
  const session = await createSession(user.id, { userAgent: 'tasklens bench' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tasklens-bench-http-'));
  const options = { dataDir, databaseUrl, env: { TASKLENS_WORKERS: '0' } };
  const token = createToken(options, 'read');
  const server = await startServer(options);
  try {
    const page = { cookie: `${SESSION_COOKIE}=${session.token}` };
    const api = { authorization: `Bearer ${token}` };
    const diff = `from=${t.fromSnapshot}&to=${t.toSnapshot}`;
    const routes: [string, string, Record<string, string>][] = [
      ['page /', '/', page],
      ['page /outliers', '/outliers', page],
      ['page /inventory', '/inventory', page],
      ['page /inventory?q=update', '/inventory?q=update', page],
      ['page /entries/{id}', `/entries/${t.entryId}`, page],
      ['page /hosts/{id}', `/hosts/${t.hostId}`, page],
      ['page /hosts/{id}?from&to (diff)', `/hosts/${t.hostId}?${diff}`, page],
      ['GET /api/v1/outliers', '/api/v1/outliers', api],
      ['GET /api/v1/entries', '/api/v1/entries', api],
      ['GET /api/v1/entries/{id}', `/api/v1/entries/${t.entryId}`, api],
      ['GET /api/v1/hosts', '/api/v1/hosts', api],
      ['GET /api/v1/hosts/{id}/diff', `/api/v1/hosts/${t.hostId}/diff?${diff}`, api],
    ];
    const out: [string, LatencyFigures][] = [];
    for (const [name, route, headers] of routes) {
      console.error(`http: ${name}`);
      out.push([name, await load(`${server.url}${route}`, headers)]);
    }
    return out;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
