import { refreshDirtyEntryStats } from '../../lib/analytics/entry-stats';
import { benchFiles, type BenchFile } from '../../lib/bench/fleet';
import { ingestAsUpload } from '../../lib/bench/ingest-phases';
import { databaseSize } from '../../lib/data/bench-floor';
import { getEntry, getEntryScore, listEntryHits, listEntryVariants } from '../../lib/data/entry';
import { getEntryDays, listEntryEvents } from '../../lib/data/entry-history';
import { listEntryHosts } from '../../lib/data/entry-hosts';
import { getHost, listHostSnapshots } from '../../lib/data/host-detail';
import { getHostTimeline } from '../../lib/data/host-timeline';
import { listHostEntries } from '../../lib/data/host-entries';
import { listHosts } from '../../lib/data/hosts';
import { listInventory } from '../../lib/data/inventory';
import { listOutliers } from '../../lib/data/outliers';
import { getEntryPeerPrevalence } from '../../lib/data/peer-groups';
import { getCoverage, getFleetSummary, getOverviewSeries, getTriageBacklog } from '../../lib/data/overview';
import { diffSnapshots } from '../../lib/data/snapshot-diff';
import { db, disconnectDb } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrations';
import { PUSH_BATCH_FILES } from '../../lib/push/push-to-server';
import { parseEntryHostSearchParams } from '../../lib/validation/entry';
import { parseHostDetailSearchParams } from '../../lib/validation/host-detail';
import { parseHostSearchParams } from '../../lib/validation/hosts';
import { parseInventorySearchParams } from '../../lib/validation/inventory';
import { parseOutlierSearchParams } from '../../lib/validation/outliers';
import { benchHttp, CLIENTS } from './bench-http';
import { openDatabase } from './database';

const RUNS = 40;

async function p95(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.ceil(RUNS * 0.95) - 1]!;
}

/**
 * `tasklens bench --fleet large`: ingest hosts × days of Autoruns exports (0.5 % daily churn) into DATABASE_URL
 * (or the embedded database), then report the database size and the warm p95 of each page's data-access calls.
 * Hours of work at the default size; it keeps what it ingested so the page timings can be re-run.
 */
export async function runLargeBench(o: { hosts: number; days: number; reuse?: boolean; http?: boolean }): Promise<number> {
  const database = await openDatabase();
  try {
    await applyMigrations(database.url);
    const t0 = performance.now();
    // --reuse: time the pages of a fleet an earlier run left in this database.
    const ingest = !(o.reuse && (await db().host.count()) > 0);
    let day = -1;
    let upload: BenchFile[] = [];
    // Uploads of PUSH_BATCH_FILES exports of one day, as `tasklens push --server` sends a collection run.
    for (const f of ingest ? benchFiles({ hosts: o.hosts, days: o.days, churn: 0.005 }) : []) {
      if (upload.length === PUSH_BATCH_FILES || (upload.length > 0 && f.day !== day)) {
        await ingestAsUpload(upload);
        upload = [];
      }
      if (f.day !== day) {
        if (day >= 0) await refreshDirtyEntryStats(db());
        day = f.day;
        console.error(`day ${day + 1}/${o.days} (${((performance.now() - t0) / 60_000).toFixed(1)} min)`);
      }
      upload.push(f);
    }
    if (upload.length > 0) await ingestAsUpload(upload);
    await refreshDirtyEntryStats(db());
    const ingestMin = (performance.now() - t0) / 60_000;
    // Pages are timed on a database in its steady state. A server with autovacuum off (this machine's is) never
    // vacuums or analyzes: without statistics and visibility maps the entry page ran 3x slower than on a default one.
    const [{ autovacuum }] = await db().$queryRaw<{ autovacuum: string }[]>`SELECT current_setting('autovacuum') AS autovacuum`;
    if (autovacuum === 'off') {
      console.error('autovacuum is off on this server: VACUUM (ANALYZE) before timing, as autovacuum would have done');
      await db().$executeRawUnsafe('VACUUM (ANALYZE)');
    }
    const [host] = (await listHosts(parseHostSearchParams({}))).rows;
    const [entry] = (await listInventory(parseInventorySearchParams({}))).rows;
    const snaps = await db().snapshot.findMany({ where: { hostId: host!.id }, orderBy: { collectedAt: 'asc' }, select: { id: true } });
    const timings: [string, number][] = [
      ['overview', await p95(() => Promise.all([getFleetSummary(), getCoverage(), getOverviewSeries(), getTriageBacklog()]))],
      ['outliers', await p95(() => listOutliers(parseOutlierSearchParams({})))],
      ['inventory', await p95(() => listInventory(parseInventorySearchParams({})))],
      ['inventory search', await p95(() => listInventory(parseInventorySearchParams({ q: 'update' })))],
      ['entry', await p95(() => Promise.all([getEntry(entry!.id), getEntryScore(entry!.id), listEntryHits(entry!.id), listEntryVariants(entry!.id), getEntryDays(entry!.id), listEntryEvents(entry!.id), getEntryPeerPrevalence(entry!.id), listEntryHosts(entry!.id, parseEntryHostSearchParams({}))]))],
      ['hosts', await p95(() => listHosts(parseHostSearchParams({})))],
      ['host', await p95(() => Promise.all([getHost(host!.id), listHostSnapshots(host!.id), listHostEntries(host!.id, parseHostDetailSearchParams({})), getHostTimeline(host!.id)]))],
      ['diff (first → last snapshot)', await p95(() => diffSnapshots(snaps[0]!.id, snaps.at(-1)!.id))],
    ];
    console.log(`- ${ingest ? `${o.hosts} hosts × ${o.days} days ingested in ${ingestMin.toFixed(0)} min` : `${await db().host.count()} hosts from an earlier run (--reuse)`}; database ${(await databaseSize(database.url) / 2 ** 30).toFixed(2)} GiB (target < 10 GB)`);
    console.log('\n| page (its data-access calls, warm, one client) | p95 | target < 200 ms |\n|---|---|---|');
    for (const [name, ms] of timings) console.log(`| ${name} | ${ms.toFixed(0)} ms | ${ms < 200 ? 'met' : '**missed**'} |`);
    if (o.http) {
      const served = await benchHttp(database.url, { entryId: entry!.id, hostId: host!.id, fromSnapshot: snaps[0]!.id, toSnapshot: snaps.at(-1)!.id });
      console.log(`\n| served by \`tasklens start\` (warm, ${CLIENTS} client(s) × 8 s) | requests | p50 | p95 | p99 | target < 200 ms (p95) |\n|---|---|---|---|---|---|`);
      for (const [name, f] of served) console.log(`| ${name} | ${f.count} | ${f.p50} ms | ${f.p95} ms | ${f.p99} ms | ${f.p95 < 200 ? 'met' : '**missed**'} |`);
    }
    return 0;
  } finally {
    await disconnectDb();
    await database.close();
  }
}
