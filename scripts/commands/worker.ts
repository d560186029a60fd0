import { parseArgs } from 'node:util';
import { disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { stopBoss } from '../../lib/queue/boss';
import { settleStatsRefresh } from '../../lib/queue/stats-refresher';
import { startWorkersFromEnv } from '../../lib/queue/workers';
import { openDatabase } from './database';

/** `tasklens worker [--concurrency N]`: process queued uploads until SIGINT/SIGTERM, then finish the current ones. */
export async function runWorker(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { concurrency: { type: 'string' } } });
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    await startWorkersFromEnv('worker', concurrency || undefined);
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    console.log('stopping: finishing the uploads in progress…');
    await stopBoss();
    await settleStatsRefresh();
    return 0;
  } finally {
    await disconnectDb();
    await database.close();
  }
}
