import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openEmbeddedPglite } from './embedded';

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => reject(new Error(`${cmd}: ${err.message} (is the PostgreSQL client installed?)`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} failed (${code}): ${stderr.trim().slice(0, 500)}`))));
  });
}

/** pg_dump's custom format: compressed, restorable table by table, version-tolerant. */
export function backupPostgres(url: string, file: string): Promise<void> {
  return run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
}

/** Restore into an existing database, replacing what the dump contains, in one transaction. */
export function restorePostgres(url: string, file: string): Promise<void> {
  return run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, file]);
}

/**
 * The embedded database as PGlite's own data-folder archive (a consistent copy: taken with the folder's lock,
 * so the server must be stopped; a live copy of the files could catch a half-written page).
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  const { pg, releaseLock } = await openEmbeddedPglite(dataDir);
  try {
    const blob = await pg.dumpDataDir('gzip');
    await writeFile(file, new Uint8Array(await blob.arrayBuffer()));
  } finally {
    await pg.close();
    releaseLock();
  }
}

/** Restore an embedded archive; an existing database folder is kept aside as `pglite.before-restore-<time>`. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<string | null> {
  const pgDir = path.join(dataDir, 'pglite');
  let keptAside: string | null = null;
  if (existsSync(pgDir) && readdirSync(pgDir).length > 0) {
    keptAside = `${pgDir}.before-restore-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
    renameSync(pgDir, keptAside);
  }
  const { pg, releaseLock } = await openEmbeddedPglite(dataDir, { loadDataDir: new Blob([new Uint8Array(await readFile(file))]) });
  await pg.close();
  releaseLock();
  return keptAside;
}
