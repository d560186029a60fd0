import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { boundHeapGrowth } from '../../lib/ingest/heap-growth';
import { collectFiles, type LocalFile } from '../../lib/push/collect-files';
import { pushToServer, type BatchResult } from '../../lib/push/push-to-server';
import { createUpload, processUpload } from '../../lib/ingest/run-upload';
import { uploadFieldsSchema } from '../../lib/validation/upload';
import { openDatabase } from './database';

const USAGE =
  'usage: tasklens push <files or folders>... [--server URL --token T] [--host H] [--collected-at ISO] [--labels k=v,...] [--format F]\n' +
  '  with --server: upload through the API (token also from TASKLENS_TOKEN); without: ingest straight into the database';

/** `tasklens push` (and its older name `ingest`, which never takes --server). */
export async function runPush(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      host: { type: 'string' },
      'collected-at': { type: 'string' },
      format: { type: 'string' },
      labels: { type: 'string' },
    },
  });
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const raw = { host: values.host, collectedAt: values['collected-at'], format: values.format, labels: values.labels };
  const parsed = uploadFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    return 2;
  }
  const files = await collectFiles(positionals);
  if (files.length === 0) {
    console.error('no files to push');
    return 2;
  }
  if (!values.server) return pushToDatabase(files, parsed.data);
  const token = values.token ?? process.env.TASKLENS_TOKEN;
  if (!token) {
    console.error('--server needs an API token with the ingest scope: --token T or TASKLENS_TOKEN (create one: tasklens token create)');
    return 2;
  }
  // The server validates the same fields again; send them as given.
  const fields = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => Boolean(e[1])));
  const results = await pushToServer(files, { server: values.server, token, fields, progress: process.stderr });
  return report(results);
}

function report(results: BatchResult[]): number {
  let failures = 0;
  for (const r of results) {
    if ('error' in r) {
      failures++;
      console.error(`${r.files.map((f) => f.name).join(', ')}: ${r.error}`);
      continue;
    }
    const u = r.upload;
    for (const s of u.snapshots) console.log(`upload ${u.id}: host=${s.host} source=${s.source} entries=${s.entries}${u.duplicate ? ' (already ingested)' : ''}`);
    for (const e of u.errors) console.error(`upload ${u.id}: ${e.file ?? u.fileName}${e.line ? `:${e.line}` : ''}: ${e.message}`);
    if (u.status === 'failed') failures++;
  }
  return failures ? 1 : 0;
}

/** Without a server: the same ingest the queue runs, streamed from disk, one upload per file (for back-fills). */
async function pushToDatabase(files: LocalFile[], fields: ReturnType<typeof uploadFieldsSchema.parse>): Promise<number> {
  const { wait: _wait, ...options } = fields;
  const database = await openDatabase();
  let failures = 0;
  try {
    await applyMigrations(database.url);
    boundHeapGrowth();
    for (const file of files) {
      try {
        const sha256 = await sha256OfFile(file.path);
        const uploadId = await createUpload({ fileName: file.name, sha256, size: file.size, uploadedBy: 'cli' });
        const r = await processUpload(uploadId, [{ fileName: file.name, path: file.path, sha256 }], options);
        for (const w of r.warnings) console.warn(`${file.name}: ${w.file}: ${w.message}`);
        for (const s of r.snapshots) {
          console.log(`${file.name}: ${s.isDuplicate ? 'already ingested' : `snapshot ${s.snapshotId}`} host=${s.host} source=${s.source} entries=${s.entries} warnings=${s.warnings.length}`);
        }
      } catch (err) {
        failures++;
        console.error(`${file.name}: ${(err as Error).message}`);
      }
    }
  } finally {
    await disconnectDb();
    await database.close();
  }
  return failures ? 1 : 0;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
