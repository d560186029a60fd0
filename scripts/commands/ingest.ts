import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { ingestBytes } from '../../lib/ingest/run-upload';
import { uploadFieldsSchema } from '../../lib/validation/upload';
import { openDatabase } from './database';

/** Direct ingest into the database, for back-fills (same code path as the upload API). */
export async function runIngest(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { host: { type: 'string' }, 'collected-at': { type: 'string' }, format: { type: 'string' }, labels: { type: 'string' } },
  });
  if (positionals.length === 0) {
    console.error('usage: tasklens ingest <file-or-archive>... [--host H] [--collected-at ISO] [--labels k=v,...] [--format F]');
    return 2;
  }
  const { wait: _wait, ...fields } = uploadFieldsSchema.parse({ host: values.host, collectedAt: values['collected-at'], format: values.format, labels: values.labels });
  const database = await openDatabase();
  let failures = 0;
  try {
    await applyMigrations(database.url);
    for (const file of positionals) {
      try {
        const r = await ingestBytes(new Uint8Array(await readFile(file)), path.basename(file), { ...fields, uploadedBy: 'cli' });
        for (const w of r.warnings) console.warn(`${file}: ${w.file}: ${w.message}`);
        for (const s of r.snapshots) {
          console.log(`${file}: ${s.isDuplicate ? 'already ingested' : `snapshot ${s.snapshotId}`} host=${s.host} source=${s.source} entries=${s.entries} warnings=${s.warnings.length}`);
        }
      } catch (err) {
        failures++;
        console.error(`${file}: ${(err as Error).message}`);
      }
    }
  } finally {
    await disconnectDb();
    await database.close();
  }
  return failures ? 1 : 0;
}
