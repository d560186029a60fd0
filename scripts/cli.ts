// tasklens <command>: the command-line entry point (see README "Command line").
// Each command's module is imported when it runs: loading all of them (bench, start, demo...) through tsx took a
// second of every short command's start.
export {};

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  start: { run: (a) => import('./commands/start').then((m) => m.runStart(a)), help: 'build if needed and serve the dashboard (embedded database unless DATABASE_URL is set)' },
  migrate: { run: () => import('./commands/migrate').then((m) => m.runMigrate()), help: 'apply pending database migrations' },
  demo: { run: (a) => import('./commands/demo').then((m) => m.runDemo(a)), help: 'ingest a generated demo fleet: demo [--hosts 120 --days 14 --seed 1] [--out DIR to only write files]' },
  bench: { run: (a) => import('./commands/bench').then((m) => m.runBench(a)), help: 'speed figures (PRODUCT.md §9) on a fresh database: bench [--quick] | bench --fleet large' },
  analytics: { run: (a) => import('./commands/analytics').then((m) => m.runAnalytics(a)), help: 'analytics rebuild: recompute prevalence from history; analytics prune [--days N]: drop closed history past the retention' },
  push: { run: (a) => import('./commands/push').then((m) => m.runPush(a)), help: 'send files, archives or folders: push <paths>... [--server URL --token T] [--host H] [--collected-at ISO] [--labels k=v]' },
  ingest: { run: (a) => import('./commands/push').then((m) => m.runPush(a)), help: 'push without --server: ingest straight into the database (back-fills)' },
  worker: { run: (a) => import('./commands/worker').then((m) => m.runWorker(a)), help: 'process queued uploads (pg-boss) until stopped: worker [--concurrency 2]' },
  backup: { run: (a) => import('./commands/backup').then((m) => m.runBackup(a)), help: 'back up the database: backup [--out FILE] (pg_dump, or an archive of the embedded database with the server stopped)' },
  restore: { run: (a) => import('./commands/backup').then((m) => m.runRestore(a)), help: 'restore a backup: restore FILE (the embedded database keeps the previous folder aside)' },
  user: { run: (a) => import('./commands/user').then((m) => m.runUser(a)), help: 'add a local account: user add --email E --role R [--name N] (password on stdin)' },
  token: { run: (a) => import('./commands/token').then((m) => m.runToken(a)), help: 'create an API token, printed once: token create --name N --scope ingest|read [--expires 30d]' },
};

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  console.log('usage: tasklens <command> [options]\n');
  for (const [n, c] of Object.entries(COMMANDS)) console.log(`  ${n.padEnd(10)} ${c.help}`);
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}
// Exit as soon as the command returns: Prisma's WASM schema engine leaves a 10 s timer behind after applying
// migrations (engine.free() does not clear it), which kept every short command alive 10 s longer than its work.
// Commands that serve (start, worker) return only once stopped; stdout and stderr are synchronous for files and pipes.
process.exit(await command.run(args));
