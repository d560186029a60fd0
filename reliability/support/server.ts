import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The build the servers run (see reliability/global-setup.ts: built once, or the e2e run's when npm test passes it). */
export const DIST_DIR = process.env.TASKLENS_DIST_DIR || '.next-reliability';

export interface ServerOptions {
  /** The embedded database and spool live here (TASKLENS_DATA_DIR). */
  dataDir: string;
  /** PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  env?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  /** SIGKILL the whole process group (the CLI, the embedded database in it, and `next start`). */
  kill(): Promise<void>;
  /** Ctrl-C: Next stops, then the embedded database closes cleanly. */
  stop(): Promise<void>;
  output(): string;
}

/** The environment of a `tasklens` child: this process's, minus the test run's database settings. */
function childEnv(o: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TASKLENS_DIST_DIR: DIST_DIR, TASKLENS_DATA_DIR: o.dataDir, ...o.env };
  for (const k of ['DATABASE_URL', 'TASKLENS_EMBEDDED_DB', 'TASKLENS_DB_POOL_MAX', 'TASKLENS_SPOOL_DIR']) delete env[k];
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  return env;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** `tasklens token create` on the server's database (before the server starts: the embedded folder has one owner). */
export function createToken(o: ServerOptions, scope: 'ingest' | 'read'): string {
  const r = spawnSync(process.execPath, ['bin/tasklens.mjs', 'token', 'create', '--name', `reliability-${scope}-${Date.now()}`, '--scope', scope], {
    cwd: ROOT,
    env: childEnv(o),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`token create failed: ${r.stderr}`);
  return r.stdout.trim();
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGroupGone(pid: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (groupAlive(pid)) {
    if (Date.now() > end) throw new Error(`process group ${pid} still alive`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Start `tasklens start --no-build` in its own process group and wait until it serves requests. */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['bin/tasklens.mjs', 'start', '--port', String(port), '--no-build'], {
    cwd: ROOT,
    env: childEnv(o),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const kill = async () => {
    if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
    await waitGroupGone(pid, 10_000);
  };
  const server: RunningServer = {
    url,
    kill,
    async stop() {
      if (!groupAlive(pid)) return;
      process.kill(-pid, 'SIGINT');
      try {
        await waitGroupGone(pid, 30_000);
      } catch {
        await kill();
      }
    },
    output: () => out,
  };
  const end = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tasklens start exited with ${child.exitCode}:\n${out}`);
    // A static, public route: up means Next serves, whatever the database does.
    const ok = await fetch(`${url}/api/v1/openapi.json`).then((r) => r.ok, () => false);
    if (ok) return server;
    if (Date.now() > end) {
      await kill();
      throw new Error(`tasklens start did not answer in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
