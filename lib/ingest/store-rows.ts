import type { Prisma } from '@/lib/generated/prisma/client';
import { evaluateHeuristics, heuristicById, toHeuristicInput } from '@/lib/analytics/heuristics';
import type { EntryIdentity } from './normalize';
import type { JobRecord } from './types';
import type { variantFields } from './variant-key';

type Tx = Prisma.TransactionClient;

export interface EntryRow {
  family: string;
  normName: string;
  normCommand: string;
  executable: string;
  name: string;
  command: string;
}

export interface VariantRow {
  entryKey: string;
  fields: ReturnType<typeof variantFields>;
  raw: unknown;
  record: JobRecord;
  identity: EntryIdentity;
}

/**
 * Keys of a snapshot's entries and variants the database already has, in one round trip: most are known
 * fleet-wide, and knowing which spares sending and conflict-checking them. Entries count as settled only when
 * first seen no later than `at` (a back-fill may still move their first sighting earlier).
 */
export async function probeKnownKeys(tx: Tx, entryKeys: string[], variantKeys: string[], at: Date): Promise<{ entries: Set<string>; variants: Set<string> }> {
  const rows = await tx.$queryRaw<{ v: boolean; key: string }[]>`
    SELECT false AS v, key FROM entries WHERE key = ANY(${entryKeys}::text[]) AND first_seen_at <= ${at}
    UNION ALL
    SELECT true AS v, key FROM variants WHERE key = ANY(${variantKeys}::text[])`;
  const entries = new Set<string>();
  const variants = new Set<string>();
  for (const r of rows) (r.v ? variants : entries).add(r.key);
  return { entries, variants };
}

/**
 * Insert new entries; an existing one is only written when a back-filled snapshot moves its first sighting
 * earlier (the conditional DO UPDATE writes nothing otherwise), so unchanged re-snapshots cost no entry writes.
 */
export async function upsertEntries(tx: Tx, all: [string, EntryRow][], at: Date, settled?: Set<string>): Promise<void> {
  if (all.length === 0) return;
  // Most entries of a snapshot are known fleet-wide: one index probe spares sending and conflict-checking them.
  const skip =
    settled ??
    new Set(
      (await tx.$queryRaw<{ key: string }[]>`
        SELECT key FROM entries WHERE key = ANY(${all.map(([k]) => k)}::text[]) AND first_seen_at <= ${at}`).map((r) => r.key),
    );
  const e = all.filter(([k]) => !skip.has(k));
  if (e.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO entries (key, family, norm_name, norm_command, executable, name, command, first_seen_at)
    SELECT k, f, nn, nc, ex, n, c, ${at}
    FROM unnest(${e.map(([k]) => k)}::text[], ${e.map(([, v]) => v.family)}::text[], ${e.map(([, v]) => v.normName)}::text[],
                ${e.map(([, v]) => v.normCommand)}::text[], ${e.map(([, v]) => v.executable)}::text[],
                ${e.map(([, v]) => v.name)}::text[], ${e.map(([, v]) => v.command)}::text[]) AS t(k, f, nn, nc, ex, n, c)
    ON CONFLICT (key) DO UPDATE SET first_seen_at = EXCLUDED.first_seen_at
    WHERE EXCLUDED.first_seen_at < entries.first_seen_at`;
}

/** Insert new variants and evaluate the heuristic catalogue once for each new one. Returns all variant keys. */
export async function upsertVariants(tx: Tx, all: [string, VariantRow][], known?: Set<string>): Promise<string[]> {
  if (all.length === 0) return [];
  const skip =
    known ?? new Set((await tx.$queryRaw<{ key: string }[]>`SELECT key FROM variants WHERE key = ANY(${all.map(([k]) => k)}::text[])`).map((r) => r.key));
  const v = all.filter(([k]) => !skip.has(k));
  if (v.length === 0) return all.map(([k]) => k);
  const created = await tx.$queryRaw<{ id: number; key: string }[]>`
    INSERT INTO variants (entry_id, key, name, command, image_path, enabled, hidden, run_as, run_level, schedule, triggers,
                          signer, verified, md5, sha1, sha256, author, description, company, file_not_found, raw)
    SELECT en.id, t.k, d->>'name', d->>'command', d->>'imagePath', (d->>'enabled')::boolean, (d->>'hidden')::boolean,
           d->>'runAs', d->>'runLevel', d->>'schedule', d->'triggers', d->>'signer', (d->>'verified')::boolean,
           d->>'md5', d->>'sha1', d->>'sha256', d->>'author', d->>'description', d->>'company',
           (d->>'fileNotFound')::boolean, t.raw
    FROM unnest(${v.map(([k]) => k)}::text[], ${v.map(([, x]) => x.entryKey)}::text[],
                ${v.map(([, x]) => JSON.stringify(x.fields))}::jsonb[], ${v.map(([, x]) => JSON.stringify(x.raw))}::jsonb[])
         AS t(k, ek, d, raw)
    JOIN entries en ON en.key = t.ek
    ON CONFLICT (key) DO NOTHING
    RETURNING id, key`;
  await storeHits(tx, created, new Map(v));
  return all.map(([k]) => k);
}

async function storeHits(tx: Tx, created: { id: number; key: string }[], rows: Map<string, VariantRow>): Promise<void> {
  const ids: number[] = [];
  const heuristicIds: string[] = [];
  const severities: number[] = [];
  const details: string[] = [];
  for (const { id, key } of created) {
    const row = rows.get(key)!;
    for (const hit of evaluateHeuristics(toHeuristicInput(row.record))) {
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

/** Note which job families the host reports; the denominator of prevalence ("on N of M hosts"). */
export async function recordFamilies(tx: Tx, hostId: number, records: JobRecord[], at: Date): Promise<void> {
  const families = [...new Set(records.map((r) => r.family))];
  if (families.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO host_families (host_id, family, last_snapshot_at)
    SELECT ${hostId}, f, ${at} FROM unnest(${families}::text[]) AS f
    ON CONFLICT (host_id, family) DO UPDATE SET last_snapshot_at = EXCLUDED.last_snapshot_at
    WHERE host_families.last_snapshot_at < EXCLUDED.last_snapshot_at`;
}
