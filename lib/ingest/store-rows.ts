import type { Prisma } from '@/lib/generated/prisma/client';
import { heuristicById } from '@/lib/analytics/heuristics';
import type { EntryIdentity } from './normalize';
import type { JobRecord } from './types';
import type { variantFields } from './variant-key';
import { hitsOf } from './variant-hits';

type Tx = Prisma.TransactionClient;

export interface EntryRow {
  family: string;
  normName: string;
  normCommand: string;
  executable: string;
  name: string;
  command: string;
  /** The earliest collection time of the batch's snapshots that hold the entry. */
  firstSeenAt: Date;
}

/** A stored variant's id and its entry's, which the presence rows take. */
export interface VariantIds {
  id: number;
  entryId: number;
}

export interface VariantRow {
  entryKey: string;
  fields: ReturnType<typeof variantFields>;
  record: JobRecord;
  identity: EntryIdentity;
}

/**
 * Keys of a batch's entries and variants the database already has, in one round trip: most are known
 * fleet-wide, and knowing which spares sending and conflict-checking them. Entries count as settled only when
 * first seen no later than their earliest sighting in the batch (a back-fill may still move it earlier). Known
 * variants come with their ids and their entries' ids, which the presence rows take instead of the keys.
 */
export async function probeKnownKeys(tx: Tx, entries: Map<string, EntryRow>, variantKeys: string[]): Promise<{ entries: Set<string>; variants: Map<string, VariantIds> }> {
  const rows = await tx.$queryRaw<{ id: number | null; entry_id: number | null; key: string }[]>`
    SELECT NULL::int AS id, NULL::int AS entry_id, e.key FROM entries e
    JOIN unnest(${[...entries.keys()]}::text[], ${[...entries.values()].map((r) => r.firstSeenAt)}::timestamptz[]) AS t(k, at)
      ON e.key = t.k AND e.first_seen_at <= t.at
    UNION ALL
    SELECT id, entry_id, key FROM variants WHERE key = ANY(${variantKeys}::text[])`;
  const known = { entries: new Set<string>(), variants: new Map<string, VariantIds>() };
  for (const r of rows) {
    if (r.id === null) known.entries.add(r.key);
    else known.variants.set(r.key, { id: r.id, entryId: r.entry_id! });
  }
  return known;
}

/**
 * Insert new entries; an existing one is only written when a back-filled snapshot moves its first sighting
 * earlier (the conditional DO UPDATE writes nothing otherwise), so unchanged re-snapshots cost no entry writes.
 * Keys go in sorted so that concurrent batches lock shared entries in the same order and cannot deadlock.
 */
export async function upsertEntries(tx: Tx, all: Map<string, EntryRow>, settled: Set<string>): Promise<void> {
  const e = [...all].filter(([k]) => !settled.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  if (e.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO entries (key, family, norm_name, norm_command, executable, name, command, first_seen_at)
    SELECT k, f, nn, nc, ex, n, c, at
    FROM unnest(${e.map(([k]) => k)}::text[], ${e.map(([, v]) => v.family)}::text[], ${e.map(([, v]) => v.normName)}::text[],
                ${e.map(([, v]) => v.normCommand)}::text[], ${e.map(([, v]) => v.executable)}::text[],
                ${e.map(([, v]) => v.name)}::text[], ${e.map(([, v]) => v.command)}::text[],
                ${e.map(([, v]) => v.firstSeenAt)}::timestamptz[]) AS t(k, f, nn, nc, ex, n, c, at)
    ON CONFLICT (key) DO UPDATE SET first_seen_at = EXCLUDED.first_seen_at
    WHERE EXCLUDED.first_seen_at < entries.first_seen_at`;
}

/**
 * Insert new variants and evaluate the heuristic catalogue once for each new one (sorted, as entries are). Adds
 * the new variants' ids (and their entries') to `known`, which then holds them for every variant of the batch.
 */
export async function upsertVariants(tx: Tx, all: Map<string, VariantRow>, known: Map<string, VariantIds>): Promise<void> {
  const v = [...all].filter(([k]) => !known.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  if (v.length === 0) return;
  // One JSON document, sent as it is: node-postgres escapes each element of an array parameter with two string
  // replaces, and the variants' JSON was 130 MB of garbage per 1,000 hosts' first snapshots.
  const created = await tx.$queryRaw<{ id: number; entry_id: number; key: string }[]>`
    INSERT INTO variants (entry_id, key, name, command, image_path, enabled, hidden, run_as, run_level, schedule, triggers,
                          signer, verified, md5, sha1, sha256, author, description, company, file_not_found, raw)
    SELECT en.id, t.k, d->>'name', d->>'command', d->>'imagePath', (d->>'enabled')::boolean, (d->>'hidden')::boolean,
           d->>'runAs', d->>'runLevel', d->>'schedule', d->'triggers', d->>'signer', (d->>'verified')::boolean,
           d->>'md5', d->>'sha1', d->>'sha256', d->>'author', d->>'description', d->>'company',
           (d->>'fileNotFound')::boolean, t.raw
    FROM (SELECT e->>0 AS k, e->>1 AS ek, e->2 AS d, e->3 AS raw
          FROM jsonb_array_elements(${JSON.stringify(v.map(([k, x]) => [k, x.entryKey, x.fields, x.record.raw]))}::jsonb) AS e) AS t
    JOIN entries en ON en.key = t.ek
    ORDER BY t.k
    ON CONFLICT (key) DO NOTHING
    RETURNING id, entry_id, key`;
  for (const { id, entry_id, key } of created) known.set(key, { id, entryId: entry_id });
  // A concurrent batch inserted the rest after the probe (ON CONFLICT DO NOTHING waited for it and skipped them).
  const raced = v.map(([k]) => k).filter((k) => !known.has(k));
  if (raced.length > 0) {
    const rows = await tx.$queryRaw<{ id: number; entry_id: number; key: string }[]>`SELECT id, entry_id, key FROM variants WHERE key = ANY(${raced}::text[])`;
    for (const { id, entry_id, key } of rows) known.set(key, { id, entryId: entry_id });
  }
  await storeHits(tx, created, all);
  await storeSearchValues(tx, created, all);
}

/**
 * The new variants' image paths, signers and descriptions that their entry does not have yet, for the inventory
 * search (entry_search_values). Two batches adding the same value at once may both insert it: harmless, the search
 * returns entry ids once.
 */
async function storeSearchValues(tx: Tx, created: { key: string }[], rows: Map<string, VariantRow>): Promise<void> {
  const pairs = new Set<string>();
  for (const { key } of created) {
    const { entryKey, fields } = rows.get(key)!;
    for (const value of [fields.imagePath, fields.signer, fields.description]) if (value) pairs.add(`${entryKey}\0${value}`);
  }
  if (pairs.size === 0) return;
  const split = [...pairs].map((p) => [p.slice(0, p.indexOf('\0')), p.slice(p.indexOf('\0') + 1)]);
  await tx.$executeRaw`
    INSERT INTO entry_search_values (entry_id, value)
    SELECT en.id, t.value FROM unnest(${split.map(([k]) => k)}::text[], ${split.map(([, v]) => v)}::text[]) AS t(ek, value)
    JOIN entries en ON en.key = t.ek
    WHERE NOT EXISTS (SELECT 1 FROM entry_search_values s WHERE s.entry_id = en.id AND s.value = t.value)`;
}

async function storeHits(tx: Tx, created: { id: number; key: string }[], rows: Map<string, VariantRow>): Promise<void> {
  const ids: number[] = [];
  const heuristicIds: string[] = [];
  const severities: number[] = [];
  const details: string[] = [];
  for (const { id, key } of created) {
    const row = rows.get(key)!;
    for (const hit of hitsOf(row.record, row.identity)) {
      ids.push(id);
      heuristicIds.push(hit.id);
      severities.push(heuristicById(hit.id)?.severity ?? 1);
      details.push(hit.detail);
    }
  }
  if (ids.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO variant_hits (variant_id, heuristic_id, severity, detail)
    SELECT * FROM unnest(${ids}::int[], ${heuristicIds}::text[], ${severities}::int[], ${details}::text[])
    ON CONFLICT DO NOTHING`;
}

/** Note which job families each host reports; the denominator of prevalence ("on N of M hosts"). */
export async function recordFamilies(tx: Tx, snapshots: { hostId: number; records: JobRecord[]; collectedAt: Date }[]): Promise<void> {
  // One row per (host, family), the latest time: ON CONFLICT DO UPDATE may not touch a row twice in one statement.
  const latest = new Map<string, { hostId: number; family: string; at: Date }>();
  for (const s of snapshots) {
    for (const family of new Set(s.records.map((r) => r.family))) {
      const k = `${s.hostId}\0${family}`;
      const seen = latest.get(k);
      if (!seen || seen.at < s.collectedAt) latest.set(k, { hostId: s.hostId, family, at: s.collectedAt });
    }
  }
  const rows = [...latest.values()].sort((a, b) => a.hostId - b.hostId || (a.family < b.family ? -1 : 1));
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO host_families (host_id, family, last_snapshot_at)
    SELECT * FROM unnest(${rows.map((r) => r.hostId)}::int[], ${rows.map((r) => r.family)}::text[], ${rows.map((r) => r.at)}::timestamptz[])
    ON CONFLICT (host_id, family) DO UPDATE SET last_snapshot_at = EXCLUDED.last_snapshot_at
    WHERE host_families.last_snapshot_at < EXCLUDED.last_snapshot_at`;
}
