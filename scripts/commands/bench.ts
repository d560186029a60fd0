import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildArchive, ingestArchiveInChild } from '../../lib/bench/archive';
import { benchFiles, withTrailingNewlines } from '../../lib/bench/fleet';
import { timeIngest, timeParse } from '../../lib/bench/ingest-phases';
import { formatReport, type FirstRun, type Resnapshot } from '../../lib/bench/report';
import { measureCopyFloor } from '../../lib/data/bench-floor';
import { disconnectDb } from '../../lib/db/client';
import { PUSH_BATCH_FILES } from '../../lib/push/push-to-server';
import { createTestDatabase } from '../../lib/testing/test-database';
import { runLargeBench } from './bench-large';

/**
 * (a) and the one-byte (b) are each run this many times and the median reported: a single run's ratio moved by
 * ±30 % on a shared machine (docs/benchmarks.md, tenth round), and the median of three still swung across the line
 * with the machine's speed, which changed by half within seconds (eleventh round).
 */
const RUNS = 5;

/** The warm-up's files: an upload for each of the two queue workers, as `tasklens push` sends them. */
const WARM_UP_FILES = 2 * PUSH_BATCH_FILES;

const USAGE = 'usage: tasklens bench [--quick] [--hosts N] [--archive-mb M] | bench --fleet large [--hosts 10000 --days 30] [--reuse] [--http]';

/** `tasklens bench`: PRODUCT.md §9 figures on a fresh database (created and dropped like the test databases). */
export async function runBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean' }, fleet: { type: 'string' }, reuse: { type: 'boolean' }, http: { type: 'boolean' }, hosts: { type: 'string' }, days: { type: 'string' }, 'archive-mb': { type: 'string' } },
  });
  if (values.fleet === 'large') return runLargeBench({ hosts: Number(values.hosts ?? 10_000), days: Number(values.days ?? 30), reuse: values.reuse, http: values.http });
  if (values.fleet) return console.error(USAGE), 2;
  const hosts = Number(values.hosts ?? (values.quick ? 25 : 1000));
  const archiveMb = Number(values['archive-mb'] ?? (values.quick ? 16 : 1024));
  let database = await createTestDatabase('bench');
  if (database.kind !== 'postgresql') console.warn('no PostgreSQL on 127.0.0.1:5432: running on embedded PGlite, figures are not comparable');
  process.env.DATABASE_URL = database.url;
  const work = await mkdtemp(path.join(tmpdir(), 'tasklens-bench-'));
  try {
    console.error(`generating ${hosts} hosts × 250 Autoruns entries (UTF-16)…`);
    const files = [...benchFiles({ hosts, days: 1 })];
    // timeParse keeps the best of two warm runs, in time and in CPU time, the figure a loaded machine distorts least.
    const parse = timeParse(files);
    const firsts: FirstRun[] = [];
    // Two uploads, untimed, so that the runs are timed with compiled code, as in a server that has ingested
    // uploads before; the first run otherwise also paid the storing path's compilation (1-4 s of CPU time).
    console.error('(a) warming up…');
    await timeIngest(files.slice(0, WARM_UP_FILES), { coldCaches: true });
    for (let run = 1; run <= RUNS; run++) {
      console.error(`(a) first snapshot, run ${run} of ${RUNS}…`);
      await disconnectDb();
      await database.drop();
      database = await createTestDatabase('bench');
      process.env.DATABASE_URL = database.url;
      // Each run on a fresh database with empty memos: what carries over from run to run is compiled code.
      const ingest = await timeIngest(files, { coldCaches: true });
      firsts.push({ ingest, copy: await measureCopyFloor(database.url) });
    }
    console.error('(b) re-snapshots…');
    const dedup = await timeIngest(files, { shiftDays: 1 });
    const resnapshots: Resnapshot[] = [];
    for (let run = 1; run <= RUNS; run++) {
      // Compared with a parse of the same bytes timed just before, as each (a) run is with its own floor: the
      // machine's speed drifts within a minute. Each day's exports have one more trailing CRLF than the day
      // before's: new bytes, the same records.
      const parsed = timeParse(files, 1);
      resnapshots.push({ parse: parsed, ingest: await timeIngest(files, { shiftDays: 1 + run, mutate: (b) => withTrailingNewlines(b, run) }) });
    }
    console.error(`(d) building a ${archiveMb} MB archive…`);
    const file = path.join(work, 'fleet.tar.gz');
    const built = await buildArchive(file, archiveMb * 1e6);
    const archive = { ...built, ...(await ingestArchiveInChild(file, database.url)) };
    console.log(formatReport({ hosts, parse, firsts, dedup, resnapshots, archive }, `npx tasklens bench ${argv.join(' ')}`.trim()));
    return 0;
  } finally {
    await disconnectDb();
    await database.drop();
    await rm(work, { recursive: true, force: true });
  }
}
