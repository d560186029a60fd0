import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { identityOf } from './normalize';
import type { FormatId, JobRecord, ParseWarning } from './types';
import { variantFields, variantKey } from './variant-key';

type Tx = Prisma.TransactionClient;

export interface SnapshotInput {
  hostId: number;
  source: FormatId;
  collectedAt: Date;
  uploadId: number | null;
  fileName: string;
  contentHash: string;
  parserVersion: string;
  records: JobRecord[];
  warnings: ParseWarning[];
  /** false when adding to a snapshot stream already written by the same upload: nothing gets closed. */
  closeMissing?: boolean;
}

export interface StoredSnapshot {
  snapshotId: number;
  isDuplicate: boolean;
  added: number;
  removed: number;
  unchanged: number;
}

/** Rows of one snapshot after identity and variant hashing; duplicates within a snapshot collapse. */
function prepare(records: JobRecord[]) {
  const entries = new Map<string, { family: string; normName: string; normCommand: string; executable: string; name: string; command: string }>();
  const variants = new Map<string, { entryKey: string; fields: ReturnType<typeof variantFields>; raw: unknown }>();
  for (const rec of records) {
    const id = identityOf(rec);
    if (!entries.has(id.key)) {
      entries.set(id.key, { family: rec.family, normName: id.normName, normCommand: id.normCommand, executable: id.executable, name: rec.name, command: rec.command });
    }
    const fields = variantFields(rec);
    const vKey = variantKey(id.key, fields);
    if (!variants.has(vKey)) variants.set(vKey, { entryKey: id.key, fields, raw: rec.raw });
  }
  return { entries, variants };
}

/**
 * Write one host's snapshot set-based (unnest arrays: one statement per table, STYLE.md B2) and maintain
 * presence intervals: only entries that appeared or disappeared since the stream's open intervals are written,
 * so an unchanged re-snapshot costs one snapshot row.
 */
export async function storeSnapshot(tx: Tx, input: SnapshotInput): Promise<StoredSnapshot> {
  const existing = await tx.snapshot.findUnique({
    where: { hostId_source_contentHash: { hostId: input.hostId, source: input.source, contentHash: input.contentHash } },
    select: { id: true },
  });
  if (existing) return { snapshotId: existing.id, isDuplicate: true, added: 0, removed: 0, unchanged: 0 };

  const latest = await tx.snapshot.findFirst({
    where: { hostId: input.hostId, source: input.source },
    orderBy: { collectedAt: 'desc' },
    select: { collectedAt: true },
  });
  // History is kept as intervals along collection time; a back-filled older snapshot is stored for provenance
  // but does not rewrite intervals that newer snapshots already closed or opened.
  const isBackfill = latest !== null && latest.collectedAt > input.collectedAt;
  if (isBackfill) {
    input.warnings.push({ message: `older than this host's latest ${input.source} snapshot (${latest.collectedAt.toISOString()}): stored, history unchanged` });
  }
  const { entries, variants } = prepare(input.records);
  const snapshot = await tx.snapshot.create({
    data: {
      hostId: input.hostId,
      source: input.source,
      collectedAt: input.collectedAt,
      uploadId: input.uploadId,
      fileName: input.fileName,
      contentHash: input.contentHash,
      parserVersion: input.parserVersion,
      entryCount: variants.size,
      warningCount: input.warnings.length,
      warnings: input.warnings.slice(0, 200) as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  const at = input.collectedAt;
  const e = [...entries.entries()];
  await tx.$executeRaw`
    INSERT INTO entries (key, family, norm_name, norm_command, executable, name, command, first_seen_at, last_seen_at)
    SELECT k, f, nn, nc, ex, n, c, ${at}, ${at}
    FROM unnest(${e.map(([k]) => k)}::text[], ${e.map(([, v]) => v.family)}::text[], ${e.map(([, v]) => v.normName)}::text[],
                ${e.map(([, v]) => v.normCommand)}::text[], ${e.map(([, v]) => v.executable)}::text[],
                ${e.map(([, v]) => v.name)}::text[], ${e.map(([, v]) => v.command)}::text[]) AS t(k, f, nn, nc, ex, n, c)
    ON CONFLICT (key) DO UPDATE SET
      first_seen_at = LEAST(entries.first_seen_at, EXCLUDED.first_seen_at),
      last_seen_at = GREATEST(entries.last_seen_at, EXCLUDED.last_seen_at)`;
  const v = [...variants.entries()];
  await tx.$executeRaw`
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
    ON CONFLICT (key) DO NOTHING`;
  if (isBackfill) return { snapshotId: snapshot.id, isDuplicate: false, added: 0, removed: 0, unchanged: 0 };
  return { snapshotId: snapshot.id, isDuplicate: false, ...(await updatePresence(tx, input, snapshot.id, v.map(([k]) => k))) };
}

async function updatePresence(tx: Tx, input: SnapshotInput, snapshotId: number, variantKeys: string[]) {
  // The snapshot's (entry, variant) pairs, compared with the stream's open intervals.
  await tx.$executeRaw`
    CREATE TEMP TABLE IF NOT EXISTS tl_current (entry_id int, variant_id int) ON COMMIT DROP`;
  await tx.$executeRaw`TRUNCATE tl_current`;
  await tx.$executeRaw`
    INSERT INTO tl_current SELECT v.entry_id, v.id FROM variants v WHERE v.key = ANY(${variantKeys}::text[])`;
  const prev = await tx.snapshot.findFirst({
    where: { hostId: input.hostId, source: input.source, id: { not: snapshotId }, collectedAt: { lte: input.collectedAt } },
    orderBy: [{ collectedAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  const removed = input.closeMissing === false ? 0 : await tx.$executeRaw`
    UPDATE presences p SET until_at = ${input.collectedAt}, last_snapshot_id = ${prev?.id ?? null}::int
    WHERE p.host_id = ${input.hostId} AND p.source = ${input.source} AND p.until_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM tl_current c WHERE c.entry_id = p.entry_id AND c.variant_id = p.variant_id)`;
  const added = await tx.$executeRaw`
    INSERT INTO presences (host_id, source, entry_id, variant_id, first_snapshot_id, from_at)
    SELECT ${input.hostId}, ${input.source}, c.entry_id, c.variant_id, ${snapshotId}, ${input.collectedAt}
    FROM tl_current c
    WHERE NOT EXISTS (SELECT 1 FROM presences p WHERE p.host_id = ${input.hostId} AND p.source = ${input.source}
                        AND p.until_at IS NULL AND p.entry_id = c.entry_id AND p.variant_id = c.variant_id)`;
  return { added, removed, unchanged: variantKeys.length - added };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
