import PgBoss from 'pg-boss';
import { databaseUrl, isEmbeddedDb, poolMax } from '@/lib/db/env';
import { embeddedPool } from '@/lib/db/client';

export const INGEST_QUEUE = 'ingest';

/** Settings read once; the environment overrides exist so the crash test can expire a killed job in seconds. */
function settings() {
  const n = (name: string, fallback: number) => {
    const v = Number(process.env[name] ?? '');
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    // pg-boss fails (and retries) a job still running after this long, and only then does a job whose worker
    // died come back: long enough for a 2 GiB archive on a slow machine, short enough to recover the same day.
    expireInSeconds: n('TASKLENS_QUEUE_EXPIRE_SECONDS', 4 * 60 * 60),
    maintenanceIntervalSeconds: n('TASKLENS_QUEUE_MAINTENANCE_SECONDS', 60),
    retryLimit: n('TASKLENS_QUEUE_RETRIES', 5),
  };
}

const globalForBoss = globalThis as unknown as { tasklensBoss?: Promise<PgBoss> };

/**
 * The process's pg-boss instance, started on first use: it creates and migrates its own `pgboss` schema (not part
 * of the Prisma migrations) and the ingest queue. Kept on globalThis because Next loads instrumentation and route
 * handlers as separate module graphs in one process.
 */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.tasklensBoss ??= (async () => {
    const s = settings();
    // On the embedded database the queue shares the app's single connection (see embeddedPool).
    const connection = isEmbeddedDb()
      ? { db: { executeSql: (text: string, values?: unknown[]) => embeddedPool().query(text, values) } }
      : { connectionString: databaseUrl(), max: Math.min(poolMax(), 4), application_name: 'tasklens-queue' };
    const boss = new PgBoss({ ...connection, maintenanceIntervalSeconds: s.maintenanceIntervalSeconds });
    boss.on('error', (err) => console.error('ingest queue:', err));
    await boss.start();
    // Retries back off exponentially from retryDelay; an active job whose worker died expires and is retried.
    const queue = { name: INGEST_QUEUE, retryLimit: s.retryLimit, retryDelay: 5, retryBackoff: true, expireInSeconds: s.expireInSeconds };
    if (await boss.getQueue(INGEST_QUEUE)) await boss.updateQueue(INGEST_QUEUE, queue);
    else await boss.createQueue(INGEST_QUEUE, queue);
    return boss;
  })();
  return globalForBoss.tasklensBoss;
}

/** Stop workers after their current job (graceful) and close the queue's pool. */
export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.tasklensBoss;
  globalForBoss.tasklensBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 60_000 });
}
