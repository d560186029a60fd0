import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { reopenDriftedItems } from '@/lib/triage/drift';
import { identityOf, type EntryIdentity } from './normalize';
import { updatePresence } from './store-presence';
import { probeKnownKeys, recordFamilies, upsertEntries, upsertVariants, type EntryRow, type VariantRow } from './store-rows';
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

/** identityOf is pure and most records repeat across the hosts of a fleet; bounded so memory stays flat. */
const identities = new Map<string, EntryIdentity>();
const IDENTITY_CACHE_MAX = 50_000;

function cachedIdentity(rec: JobRecord): EntryIdentity {
  const k = `${rec.family}\0${rec.name}\0${rec.command}\0${rec.imagePath ?? ''}`;
  let id = identities.get(k);
  if (!id) {
    if (identities.size >= IDENTITY_CACHE_MAX) identities.clear();
    id = identityOf(rec);
    identities.set(k, id);
  }
  return id;
}

/** Rows of one snapshot after identity and variant hashing; duplicates within a snapshot collapse. */
function prepare(records: JobRecord[]) {
  const entries = new Map<string, EntryRow>();
  const variants = new Map<string, VariantRow>();
  for (const rec of records) {
    const id = cachedIdentity(rec);
    if (!entries.has(id.key)) {
      entries.set(id.key, { family: rec.family, normName: id.normName, normCommand: id.normCommand, executable: id.executable, name: rec.name, command: rec.command });
    }
    const fields = variantFields(rec);
    const vKey = variantKey(id.key, fields);
    if (!variants.has(vKey)) variants.set(vKey, { entryKey: id.key, fields, raw: rec.raw, record: rec, identity: id });
  }
  return { entries, variants };
}

/**
 * Write one host's snapshot set-based (unnest arrays: one statement per table, STYLE.md B2) and maintain
 * presence intervals: only entries that appeared or disappeared since the stream's open intervals are written,
 * so an unchanged re-snapshot costs one snapshot row.
 */
export async function storeSnapshot(tx: Tx, input: SnapshotInput): Promise<StoredSnapshot> {
  // The stream's latest snapshot and an earlier upload of the same contents at the same time, in one round trip.
  const [found] = await tx.$queryRaw<
    { id: number | null; collected_at: Date | null; confirmed_at: Date | null; content_hash: string | null; repeated_id: number | null }[]
  >`
    SELECT l.id, l.collected_at, l.confirmed_at, l.content_hash,
           (SELECT r.id FROM snapshots r WHERE r.host_id = ${input.hostId} AND r.source = ${input.source}
              AND r.content_hash = ${input.contentHash} AND r.collected_at = ${input.collectedAt} LIMIT 1) AS repeated_id
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT s.id, s.collected_at, s.confirmed_at, s.content_hash FROM snapshots s
                       WHERE s.host_id = ${input.hostId} AND s.source = ${input.source}
                       ORDER BY s.collected_at DESC, s.id DESC LIMIT 1) l ON true`;
  const latest =
    found.id === null
      ? null
      : { id: found.id, collectedAt: new Date(found.collected_at!), confirmedAt: found.confirmed_at && new Date(found.confirmed_at), contentHash: found.content_hash };
  // The same contents as the stream's latest snapshot: an unchanged re-collection (confirm it, one row update)
  // or the same upload again. Either way nothing new is written.
  if (latest?.contentHash === input.contentHash) {
    if (input.collectedAt > (latest.confirmedAt ?? latest.collectedAt)) {
      await tx.snapshot.update({ where: { id: latest.id }, data: { confirmedAt: input.collectedAt } });
    }
    return { snapshotId: latest.id, isDuplicate: true, added: 0, removed: 0, unchanged: 0 };
  }
  if (found.repeated_id !== null) return { snapshotId: found.repeated_id, isDuplicate: true, added: 0, removed: 0, unchanged: 0 };
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
  const known = await probeKnownKeys(tx, [...entries.keys()], [...variants.keys()], input.collectedAt);
  await upsertEntries(tx, [...entries.entries()], input.collectedAt, known.entries);
  const variantKeys = await upsertVariants(tx, [...variants.entries()], known.variants);
  await recordFamilies(tx, input.hostId, input.records, input.collectedAt);
  if (isBackfill) return { snapshotId: snapshot.id, isDuplicate: false, added: 0, removed: 0, unchanged: 0 };
  // Not a back-fill, so the stream's previous snapshot is the latest one found above; this also marks the touched
  // entries dirty for the coalesced entry_stats refresh.
  const change = await updatePresence(tx, { ...input, snapshotId: snapshot.id, variantKeys, prevSnapshotId: latest?.id ?? null });
  await reopenDriftedItems(tx, { snapshotId: snapshot.id, hostId: input.hostId, entryIds: change.touchedEntryIds });
  return { snapshotId: snapshot.id, isDuplicate: false, added: change.added, removed: change.removed, unchanged: variantKeys.length - change.added };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
