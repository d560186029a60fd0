import { disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { ingestDemoFleet } from '../../lib/demo/ingest-demo';
import { openDatabase } from './database';
import { parseDemoArgs, writeDemoFleet } from './demo-generate';

/** `tasklens demo [--hosts N --days D --seed S]`: ingest a generated fleet; `--out DIR` only writes the files. */
export async function runDemo(argv: string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const outDir = outAt >= 0 ? argv[outAt + 1] : null;
  const { options } = parseDemoArgs(outAt >= 0 ? argv.filter((_, i) => i !== outAt && i !== outAt + 1) : argv);
  if (outDir) {
    const r = await writeDemoFleet(outDir, options);
    console.log(`wrote ${r.files} files (${(r.bytes / 1e6).toFixed(1)} MB) for ${r.hosts} hosts to ${outDir}`);
    return 0;
  }
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    const r = await ingestDemoFleet(options, (day, n) => console.log(`${day}: ${n} uploads ingested`));
    console.log(`demo fleet ingested: ${r.hosts} hosts × ${r.days} days, ${r.uploads} uploads, ${r.snapshots} snapshots`);
    return 0;
  } finally {
    await disconnectDb();
    await database.close();
  }
}
