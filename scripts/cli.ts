// tasklens <command>: the command-line entry point (see README "Command line").
import { runAnalytics } from './commands/analytics';
import { runBackup, runRestore } from './commands/backup';
import { runBench } from './commands/bench';
import { runDemo } from './commands/demo';
import { runMigrate } from './commands/migrate';
import { runPush } from './commands/push';
import { runStart } from './commands/start';
import { runToken } from './commands/token';
import { runUser } from './commands/user';
import { runWorker } from './commands/worker';

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  start: { run: runStart, help: 'build if needed and serve the dashboard (embedded database unless DATABASE_URL is set)' },
  migrate: { run: runMigrate, help: 'apply pending database migrations' },
  demo: { run: runDemo, help: 'ingest a generated demo fleet: demo [--hosts 120 --days 14 --seed 1] [--out DIR to only write files]' },
  bench: { run: runBench, help: 'speed figures (PRODUCT.md §9) on a fresh database: bench [--quick] | bench --fleet large' },
  analytics: { run: runAnalytics, help: 'analytics rebuild: recompute prevalence from history; analytics prune [--days N]: drop closed history past the retention' },
  push: { run: runPush, help: 'send files, archives or folders: push <paths>... [--server URL --token T] [--host H] [--collected-at ISO] [--labels k=v]' },
  ingest: { run: runPush, help: 'push without --server: ingest straight into the database (back-fills)' },
  worker: { run: runWorker, help: 'process queued uploads (pg-boss) until stopped: worker [--concurrency 2]' },
  backup: { run: runBackup, help: 'back up the database: backup [--out FILE] (pg_dump, or an archive of the embedded database with the server stopped)' },
  restore: { run: runRestore, help: 'restore a backup: restore FILE (the embedded database keeps the previous folder aside)' },
  user: { run: runUser, help: 'add a local account: user add --email E --role R [--name N] (password on stdin)' },
  token: { run: runToken, help: 'create an API token, printed once: token create --name N --scope ingest|read [--expires 30d]' },
};

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  console.log('usage: tasklens <command> [options]\n');
  for (const [n, c] of Object.entries(COMMANDS)) console.log(`  ${n.padEnd(10)} ${c.help}`);
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
process.exitCode = await command.run(args);
