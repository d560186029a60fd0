import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applyMigrations } from '../../lib/db/migrations';
import { ensureBuild } from './build-check';
import { openDatabase } from './database';

/**
 * Serve the dashboard: database (embedded unless DATABASE_URL), migrations, build if needed, `next start`.
 * Ctrl-C stops Next first, then closes the embedded database cleanly.
 */
export async function runStart(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'no-build': { type: 'boolean' } },
  });
  const root = process.cwd();
  const port = values.port ?? process.env.PORT ?? '3000';
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  if (!values['no-build']) ensureBuild(root);
  const database = await openDatabase();
  await applyMigrations(database.url);
  console.log(database.embedded ? `embedded database: ${path.relative(root, path.resolve('data')) || '.'}/pglite` : 'database: DATABASE_URL');

  const next = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', host, '-p', port], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    next.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const code = await new Promise<number>((resolve) => next.on('exit', (c, s) => resolve(c ?? (s ? 0 : 1))));
  await database.close();
  console.log(isStopping ? 'stopped; database closed cleanly' : `next exited with code ${code}; database closed`);
  return isStopping ? 0 : code || 1;
}
