import { rebuildAnalytics } from '../../lib/analytics/entry-stats';
import { prunePresences } from '../../lib/analytics/prune';
import { getRetentionDays } from '../../lib/data/settings';
import { db, disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { retentionSchema } from '../../lib/validation/settings';
import { openDatabase } from './database';

const USAGE = 'usage: tasklens analytics rebuild | tasklens analytics prune [--days N]';

/** `--days N` when given (checked like the setting), else null. */
function daysArg(argv: string[]): number | null | 'invalid' {
  const i = argv.indexOf('--days');
  if (i < 0) return null;
  const parsed = retentionSchema.safeParse({ days: argv[i + 1] });
  return parsed.success ? parsed.data.days : 'invalid';
}

/**
 * `tasklens analytics rebuild`: recompute every derived prevalence row from presences.
 * `tasklens analytics prune`: delete closed presence history older than the retention setting (or --days), then rebuild.
 */
export async function runAnalytics(argv: string[]): Promise<number> {
  const days = daysArg(argv);
  if ((argv[0] !== 'rebuild' && argv[0] !== 'prune') || days === 'invalid') {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    if (argv[0] === 'prune') {
      const retention = days ?? (await getRetentionDays());
      const r = await prunePresences(db(), retention);
      console.log(`pruned ${r.deleted} closed presence intervals older than ${retention} days; rebuilt prevalence for ${r.entries} entries`);
    } else {
      const r = await rebuildAnalytics(db());
      console.log(`rebuilt prevalence for ${r.entries} entries`);
    }
    return 0;
  } finally {
    await disconnectDb();
    await database.close();
  }
}
