import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { reopenDriftedItems } from '@/lib/triage/drift';
import { recordKeys } from './record-keys';
import { updatePresences } from './store-presence';
import { probeKnownKeys, recordFamilies, upsertEntries, upsertVariants, type EntryRow, type VariantIds, type VariantRow } from './store-rows';
import type { FormatId, JobRecord, ParseWarning } from './types';
import { variantFields } from './variant-key';

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

/** Rows of a batch's snapshots after identity and variant hashing; the same entry or variant collapses to one row. */
function prepare(inputs: SnapshotInput[]) {
  const entries = new Map<string, EntryRow>();
  const variants = new Map<string, VariantRow>();
  const keysOf = inputs.map((input) => {
    const keys = new Set<string>();
    for (const rec of input.records) {
      const { identity: id, variantKey: vKey } = recordKeys(rec);
      const entry = entries.get(id.key);
      if (!entry) {
        entries.set(id.key, { family: rec.family, normName: id.normName, normCommand: id.normCommand, executable: id.executable, name: rec.name, command: rec.command, firstSeenAt: input.collectedAt });
      } else if (input.collectedAt < entry.firstSeenAt) entry.firstSeenAt = input.collectedAt;
      if (!variants.has(vKey)) variants.set(vKey, { entryKey: id.key, fields: variantFields(rec), record: rec, identity: id });
      keys.add(vKey);
    }
    return [...keys];
  });
  return { entries, variants, keysOf };
}

interface Latest {
  id: number;
  collectedAt: Date;
  confirmedAt: Date | null;
  contentHash: string;
  /** An earlier snapshot of the stream with the same contents at the same time (the same upload again). */
  repeatedId: number | null;
}

/** Each stream's latest snapshot and an earlier upload of the same contents at the same time, in one round trip. */
async function findLatest(tx: Tx, inputs: SnapshotInput[]): Promise<(Latest | { id: null; repeatedId: number | null })[]> {
  const rows = await tx.$queryRaw<
    { i: number; id: number | null; collected_at: Date | null; confirmed_at: Date | null; content_hash: string | null; repeated_id: number | null }[]
  >`
    SELECT t.i::int AS i, l.id, l.collected_at, l.confirmed_at, l.content_hash,
           (SELECT r.id FROM snapshots r WHERE r.host_id = t.h AND r.source = t.s AND r.content_hash = t.c AND r.collected_at = t.at LIMIT 1) AS repeated_id
    FROM unnest(${inputs.map((x) => x.hostId)}::int[], ${inputs.map((x) => x.source)}::text[], ${inputs.map((x) => x.contentHash)}::text[],
                ${inputs.map((x) => x.collectedAt)}::timestamptz[]) WITH ORDINALITY AS t(h, s, c, at, i)
    LEFT JOIN LATERAL (SELECT s.id, s.collected_at, s.confirmed_at, s.content_hash FROM snapshots s
                       WHERE s.host_id = t.h AND s.source = t.s ORDER BY s.collected_at DESC, s.id DESC LIMIT 1) l ON true`;
  const out: (Latest | { id: null; repeatedId: number | null })[] = inputs.map(() => ({ id: null, repeatedId: null }));
  for (const r of rows) {
    out[r.i - 1] =
      r.id === null
        ? { id: null, repeatedId: r.repeated_id }
        : { id: r.id, collectedAt: new Date(r.collected_at!), confirmedAt: r.confirmed_at && new Date(r.confirmed_at), contentHash: r.content_hash!, repeatedId: r.repeated_id };
  }
  return out;
}

/** Insert the batch's new snapshot rows in one statement; returns their ids in input order. */
async function insertSnapshots(tx: Tx, inputs: SnapshotInput[], entryCounts: number[]): Promise<number[]> {
  const rows = await tx.$queryRaw<{ i: number; id: number }[]>`
    WITH t AS (
      SELECT * FROM unnest(${inputs.map((x) => x.hostId)}::int[], ${inputs.map((x) => x.source)}::text[], ${inputs.map((x) => x.collectedAt)}::timestamptz[],
                           ${inputs.map((x) => x.uploadId)}::int[], ${inputs.map((x) => x.fileName)}::text[], ${inputs.map((x) => x.contentHash)}::text[],
                           ${inputs.map((x) => x.parserVersion)}::text[], ${entryCounts}::int[], ${inputs.map((x) => x.warnings.length)}::int[],
                           ${inputs.map((x) => JSON.stringify(x.warnings.slice(0, 200)))}::jsonb[]) WITH ORDINALITY
        AS t(h, s, at, u, f, c, pv, n, wn, w, i)
    ), ins AS (
      INSERT INTO snapshots (host_id, source, collected_at, upload_id, file_name, content_hash, parser_version, entry_count, warning_count, warnings)
      SELECT h, s, at, u, f, c, pv, n, wn, w FROM t ORDER BY i
      RETURNING id, host_id, source
    )
    SELECT t.i::int AS i, ins.id FROM ins JOIN t ON t.h = ins.host_id AND t.s = ins.source`;
  const ids: number[] = [];
  for (const r of rows) ids[r.i - 1] = r.id;
  return ids;
}

/**
 * Write a batch of snapshots (several hosts and sources) set-based: one statement per table for the whole batch
 * (unnest arrays, STYLE.md B2), whatever its size. Presence intervals are maintained
 * along collection time: only entries that appeared or disappeared since a stream's open intervals are written,
 * so an unchanged re-snapshot costs one snapshot row, and the same contents again cost nothing.
 */
export async function storeSnapshots(tx: Tx, inputs: SnapshotInput[]): Promise<StoredSnapshot[]> {
  // Each statement below compares a stream once. A host can send one source twice (systemd list output and unit
  // files are both `systemd`): the second goes in a later round, after the first, as if the host had sent it next.
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, i) => {
    const stream = `${input.hostId}\0${input.source}`;
    const round = seen.get(stream) ?? 0;
    seen.set(stream, round + 1);
    (rounds[round] ??= []).push(i);
  });
  const stored: StoredSnapshot[] = [];
  for (const round of rounds) {
    const results = await storeRound(tx, round.map((i) => inputs[i]!));
    round.forEach((i, j) => (stored[i] = results[j]!));
  }
  return stored;
}

/** storeSnapshots for a batch in which every stream appears once. */
async function storeRound(tx: Tx, inputs: SnapshotInput[]): Promise<StoredSnapshot[]> {
  if (inputs.length === 0) return [];
  const found = await findLatest(tx, inputs);
  const results: StoredSnapshot[] = [];
  const confirm: { id: number; at: Date }[] = [];
  const fresh: { input: SnapshotInput; index: number; prevId: number | null; isBackfill: boolean }[] = [];
  inputs.forEach((input, index) => {
    const latest = found[index]!;
    const duplicateOf = (id: number) => (results[index] = { snapshotId: id, isDuplicate: true, added: 0, removed: 0, unchanged: 0 });
    // The same contents as the stream's latest snapshot: an unchanged re-collection (confirm it, one row update)
    // or the same upload again. Either way nothing new is written.
    if (latest.id !== null && latest.contentHash === input.contentHash) {
      if (input.collectedAt > (latest.confirmedAt ?? latest.collectedAt)) confirm.push({ id: latest.id, at: input.collectedAt });
      return duplicateOf(latest.id);
    }
    if (latest.repeatedId !== null) return duplicateOf(latest.repeatedId);
    // History is kept as intervals along collection time; a back-filled older snapshot is stored for provenance
    // but does not rewrite intervals that newer snapshots already closed or opened.
    const isBackfill = latest.id !== null && latest.collectedAt > input.collectedAt;
    if (latest.id !== null && isBackfill) {
      input.warnings.push({ message: `older than this host's latest ${input.source} snapshot (${latest.collectedAt.toISOString()}): stored, history unchanged` });
    }
    fresh.push({ input, index, prevId: latest.id, isBackfill });
  });
  if (confirm.length > 0) {
    await tx.$executeRaw`UPDATE snapshots s SET confirmed_at = t.at
      FROM unnest(${confirm.map((c) => c.id)}::int[], ${confirm.map((c) => c.at)}::timestamptz[]) AS t(id, at) WHERE s.id = t.id`;
  }
  if (fresh.length === 0) return results;
  const { entries, variants, keysOf } = prepare(fresh.map((f) => f.input));
  const ids = await insertSnapshots(tx, fresh.map((f) => f.input), keysOf.map((k) => k.length));
  const known = await probeKnownKeys(tx, entries, [...variants.keys()]);
  await upsertEntries(tx, entries, known.entries);
  await upsertVariants(tx, variants, known.variants);
  await recordFamilies(tx, fresh.map((f) => f.input));
  const streams = fresh.flatMap((f, j) => {
    if (f.isBackfill) return [];
    const stored = keysOf[j]!.map((k) => idsOf(known.variants, k));
    return [{ ...f.input, snapshotId: ids[j]!, variantIds: stored.map((v) => v.id), entryIds: stored.map((v) => v.entryId), prevSnapshotId: f.prevId, closeMissing: f.input.closeMissing !== false }];
  });
  // Also marks the touched entries dirty for the coalesced entry_stats refresh.
  const changes = await updatePresences(tx, streams);
  await reopenDriftedItems(tx, streams.map((s) => ({ snapshotId: s.snapshotId, hostId: s.hostId, entryIds: changes.get(s.snapshotId)!.touchedEntryIds })));
  fresh.forEach((f, j) => {
    const change = changes.get(ids[j]!) ?? { added: 0, removed: 0 };
    results[f.index] = { snapshotId: ids[j]!, isDuplicate: false, added: change.added, removed: change.removed, unchanged: f.isBackfill ? 0 : keysOf[j]!.length - change.added };
  });
  return results;
}

function idsOf(ids: Map<string, VariantIds>, key: string): VariantIds {
  const id = ids.get(key);
  // Only a variant deleted while the batch was written (a concurrent prune) has none: retry the batch.
  if (id === undefined) throw new Error(`variant ${key} vanished while the batch was stored`);
  return id;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
