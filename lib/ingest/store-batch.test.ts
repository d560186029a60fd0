import { afterAll, describe, expect, it } from 'vitest';
import { benchFiles, type BenchFile } from '@/lib/bench/fleet';
import { db, disconnectDb } from '@/lib/db/client';
import { createUpload, ingestBytes, processUpload } from './run-upload';

afterAll(disconnectDb);

// Two copies of the same fleet under different host-name prefixes: one stored a host per upload (one transaction
// each), the other as multi-host uploads (hosts stored in batched transactions). Everything they leave must match.
const stamp = Date.now();
const ONE = `one-${stamp}-`;
const BATCH = `bat-${stamp}-`;
// More hosts than a batch holds (50), so an upload spans two batches; enough churn that days differ.
const days = [...benchFiles({ hosts: 56, days: 3, seed: 11, churn: 0.05 })];
const day = (d: number) => days.filter((f) => f.day === d);

async function oneByOne(files: BenchFile[]) {
  const out = [];
  for (const f of files) {
    const r = await ingestBytes(f.bytes, 'autorunsc.csv', { host: `${ONE}${f.host}`, collectedAt: files[0]!.collectedAt });
    out.push(...r.snapshots.map((s) => ({ ...s, host: s.host.slice(ONE.length) })));
  }
  return out;
}

async function together(files: BenchFile[], prefix = BATCH) {
  const parts = files.map((f) => ({ fileName: `${prefix}${f.host}/autorunsc.csv`, bytes: f.bytes }));
  const uploadId = await createUpload({ fileName: 'fleet', sha256: `batch-${stamp}`, size: 1, files: parts.length });
  // An upload has one collection time (the form's), so both copies take the day's first.
  const r = await processUpload(uploadId, parts, { collectedAt: files[0]!.collectedAt });
  return r.snapshots.map((s) => ({ ...s, host: s.host.slice(prefix.length) }));
}

/** The same, parsed on the storing thread (TASKLENS_PARSE_THREADS=0) instead of on parse threads. */
async function togetherOnThisThread(files: BenchFile[], prefix: string) {
  const before = process.env.TASKLENS_PARSE_THREADS;
  process.env.TASKLENS_PARSE_THREADS = '0';
  try {
    return await together(files, prefix);
  } finally {
    if (before === undefined) delete process.env.TASKLENS_PARSE_THREADS;
    else process.env.TASKLENS_PARSE_THREADS = before;
  }
}

/** Per host and snapshot: what the ingest reported (ids aside). */
function outcome(snapshots: Awaited<ReturnType<typeof oneByOne>>) {
  return snapshots
    .map((s) => ({ host: s.host, isDuplicate: s.isDuplicate, added: s.added, removed: s.removed, entries: s.entries, warnings: s.warnings.map((w) => w.message) }))
    .sort((a, b) => (a.host < b.host ? -1 : 1));
}

/** Every presence interval of a copy, named by entry and variant keys and collection times. */
async function intervals(prefix: string) {
  const rows = await db().$queryRaw<{ host: string; line: string }[]>`
    SELECT substr(h.key, length(${prefix}) + 1) AS host,
           concat_ws(' ', e.key, v.key, p.from_at, p.until_at, p.is_baseline, fs.collected_at, ls.collected_at) AS line
    FROM presences p JOIN hosts h ON h.id = p.host_id JOIN entries e ON e.id = p.entry_id JOIN variants v ON v.id = p.variant_id
    JOIN snapshots fs ON fs.id = p.first_snapshot_id LEFT JOIN snapshots ls ON ls.id = p.last_snapshot_id
    WHERE h.key LIKE ${`${prefix.toLowerCase()}%`}
    ORDER BY 1, 2`;
  return rows.map((r) => `${r.host} ${r.line}`);
}

async function families(prefix: string) {
  const rows = await db().$queryRaw<{ line: string }[]>`
    SELECT concat_ws(' ', substr(h.key, length(${prefix}) + 1), f.family, f.last_snapshot_at) AS line
    FROM host_families f JOIN hosts h ON h.id = f.host_id WHERE h.key LIKE ${`${prefix.toLowerCase()}%`} ORDER BY 1`;
  return rows.map((r) => r.line);
}

describe('hosts stored in batches (several per transaction) and one per transaction', () => {
  it('leave the same snapshots, intervals and families, day after day', async () => {
    for (const d of [0, 1, 2]) {
      expect(outcome(await together(day(d)))).toEqual(outcome(await oneByOne(day(d))));
    }
    const batchHosts = (await db().host.findMany({ where: { key: { startsWith: BATCH.toLowerCase() } }, select: { id: true } })).map((h) => h.id);
    const closed = await db().presence.count({ where: { hostId: { in: batchHosts }, untilAt: { not: null } } });
    expect(closed).toBeGreaterThan(0);
    expect(await intervals(BATCH)).toEqual(await intervals(ONE));
    expect(await families(BATCH)).toEqual(await families(ONE));
    // presences.entry_id has no foreign key of its own: it must be the entry of the row's variant.
    const [{ n }] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM presences p JOIN variants v ON v.id = p.variant_id WHERE p.entry_id <> v.entry_id`;
    expect(n).toBe(0);
  });

  it('agree on an upload seen again and on a back-filled older day', async () => {
    // The last day again: duplicates everywhere. Then day 1 again with one byte more: where day 2 stored a newer
    // snapshot, an older one, stored with a warning, intervals unchanged.
    expect(outcome(await together(day(2))).every((s) => s.isDuplicate)).toBe(true);
    expect(outcome(await oneByOne(day(2))).every((s) => s.isDuplicate)).toBe(true);
    const older = day(1).map((f) => ({ ...f, bytes: Buffer.concat([f.bytes, Buffer.from('\r\n', 'utf16le')]) }));
    const batched = outcome(await together(older));
    expect(batched).toEqual(outcome(await oneByOne(older)));
    expect(batched.filter((s) => s.isDuplicate)).toEqual([]);
    // Hosts that changed on the last day have a newer snapshot; the others' latest is day 1's, confirmed on day 2.
    expect(batched.filter((s) => s.warnings.some((w) => w.startsWith('older than'))).length).toBeGreaterThan(0);
    expect(await intervals(BATCH)).toEqual(await intervals(ONE));
  });
});

describe('files parsed on parse threads and on the storing thread', () => {
  it('leave the same snapshots, intervals and families, day after day', async () => {
    const threads = `thr-${stamp}-`;
    const here = `here-${stamp}-`;
    for (const d of [0, 1, 2]) {
      expect(outcome(await togetherOnThisThread(day(d), here))).toEqual(outcome(await together(day(d), threads)));
    }
    expect((await intervals(here)).length).toBeGreaterThan(days.length);
    expect(await intervals(here)).toEqual(await intervals(threads));
    expect(await families(here)).toEqual(await families(threads));
  });
});

describe('a host whose files are not together in a multi-host upload', () => {
  it('is stored in two runs, the second adding without closing what the first stored', async () => {
    const [a, b, c] = day(0);
    const host = `split-${stamp}`;
    const parts = [
      { fileName: `${host}/autorunsc.csv`, bytes: a!.bytes },
      { fileName: `other-${stamp}/autorunsc.csv`, bytes: b!.bytes },
      { fileName: `${host}/autoruns/autorunsc.csv`, bytes: c!.bytes },
    ];
    const uploadId = await createUpload({ fileName: 'split', sha256: `split-${stamp}`, size: 1, files: parts.length });
    const r = await processUpload(uploadId, parts, { collectedAt: a!.collectedAt });
    const runs = r.snapshots.filter((s) => s.host === host);
    expect(runs.map((s) => s.isDuplicate)).toEqual([false, false]);
    expect(runs[1]!.warnings.some((w) => w.message.includes('files were not together'))).toBe(true);
    expect(runs[1]!.removed).toBe(0);
    const hostId = (await db().host.findUniqueOrThrow({ where: { key: host } })).id;
    const open = await db().presence.findMany({ where: { hostId, untilAt: null }, select: { variantId: true } });
    const both = await db().presence.count({ where: { hostId } });
    expect(open.length).toBe(both);
    expect(open.length).toBe(runs[0]!.entries + runs[1]!.added);
  });
});
