import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server';

const BIN = process.env.TASKLENS_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** A database `tasklens` on the private server. */
  url: string;
  /** `pg_ctl stop -m fast`: every connection is closed, as in a restart of the server. */
  stop(): void;
  start(): void;
  /** Stop (if running) and delete the cluster. */
  destroy(): void;
}

export function hasPostgresBinaries(): boolean {
  return existsSync(path.join(BIN, 'initdb')) && existsSync(path.join(BIN, 'pg_ctl'));
}

/**
 * A throwaway PostgreSQL server of our own (never the shared one on 5432, which others use) on a free loopback
 * port, so a test can stop and start it under a running app. initdb refuses root: as root it runs as `postgres`.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tasklens-private-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, bin), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(BIN, bin), args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  // fsync off: a throwaway cluster; -k: its socket stays in the temp folder.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  let isRunning = false;
  const pgCtl = {
    start() {
      run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
      isRunning = true;
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      isRunning = false;
    },
  };
  pgCtl.start();
  try {
    const admin = new pg.Client(`postgresql://postgres@127.0.0.1:${port}/postgres`);
    await admin.connect();
    await admin.query('CREATE DATABASE tasklens');
    await admin.end();
  } catch (err) {
    pgCtl.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/tasklens`,
    ...pgCtl,
    destroy() {
      if (isRunning) pgCtl.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
