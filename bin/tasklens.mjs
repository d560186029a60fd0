#!/usr/bin/env node
// The `tasklens` command: runs scripts/cli.ts through tsx. The react-server condition lets the CLI load the
// same server-only data layer the app uses.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = createRequire(import.meta.url).resolve('tsx');
const child = spawn(
  process.execPath,
  ['--conditions=react-server', '--import', tsx, path.join(root, 'scripts', 'cli.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: process.cwd() },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
