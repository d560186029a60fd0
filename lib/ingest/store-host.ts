import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import { moveHostPeerCounts } from '@/lib/analytics/peer-counts';
import { db } from '@/lib/db/client';
import { parseSystemdUnits } from './systemd';
import { storeEvents } from './store-events';
import { storeSnapshots, type SnapshotInput } from './store-snapshot';
import type { HostGroup, SourceGroup } from './upload-batch';
import type { FormatId, ParseWarning } from './types';

type Tx = Prisma.TransactionClient;

export interface IngestedSnapshot {
  snapshotId: number;
  host: string;
  source: FormatId;
  collectedAt: string;
  entries: number;
  warnings: ParseWarning[];
  isDuplicate: boolean;
  added: number;
  removed: number;
}

export interface StoredHost {
  snapshots: IngestedSnapshot[];
  events: number;
}

/** Join a host's systemd unit files (timer -> service ExecStart) into one source group. */
function unitGroup(group: HostGroup): SourceGroup | null {
  if (group.units.length === 0) return null;
  const parsed = parseSystemdUnits(group.units.map((u) => ({ name: u.name, bytes: u.bytes })));
  return {
    source: 'systemd',
    records: parsed.records,
    warnings: parsed.warnings,
    fileHashes: group.units.map((u) => u.sha256),
    fileNames: group.units.map((u) => u.name),
  };
}

function contentHash(g: SourceGroup): string {
  return createHash('sha256').update(g.source).update([...g.fileHashes].sort().join('\n')).digest('hex');
}

/** A host of an upload ready to store; `isContinuation`: its files came in two runs of the same upload. */
export interface PendingHost {
  group: HostGroup;
  isContinuation: boolean;
}

/**
 * Upsert the batch's hosts in one statement; returns their ids by key. An existing host is only written when its
 * OS family becomes known or changes. A host another transaction inserted while this statement ran is not in
 * the statement's snapshot, so keys left out are read again.
 */
async function upsertHosts(tx: Tx, groups: HostGroup[]): Promise<Map<string, number>> {
  const sorted = [...groups].sort((a, b) => (a.hostName.toLowerCase() < b.hostName.toLowerCase() ? -1 : 1));
  const keys = sorted.map((g) => g.hostName.toLowerCase());
  const rows = await tx.$queryRaw<{ id: number; key: string }[]>`
    WITH t AS (SELECT * FROM unnest(${keys}::text[], ${sorted.map((g) => g.hostName)}::text[], ${sorted.map((g) => g.os)}::text[]) AS t(key, name, os)),
    ins AS (
      INSERT INTO hosts (key, name, os_family) SELECT key, name, os FROM t
      ON CONFLICT (key) DO UPDATE SET os_family = EXCLUDED.os_family
      WHERE EXCLUDED.os_family IS NOT NULL AND hosts.os_family IS DISTINCT FROM EXCLUDED.os_family
      RETURNING id, key
    )
    SELECT id, key FROM ins UNION ALL SELECT h.id, h.key FROM hosts h JOIN t ON t.key = h.key WHERE h.key NOT IN (SELECT key FROM ins)`;
  const ids = new Map(rows.map((r) => [r.key, r.id]));
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length > 0) {
    for (const r of await tx.host.findMany({ where: { key: { in: missing } }, select: { id: true, key: true } })) ids.set(r.key, r.id);
  }
  return ids;
}

async function storeLabels(tx: Tx, hostId: number, labels: Record<string, string>): Promise<void> {
  if (Object.keys(labels).length === 0) return;
  const old = await tx.hostLabel.findMany({ where: { hostId }, select: { key: true, value: true } });
  for (const [k, value] of Object.entries(labels)) {
    await tx.hostLabel.upsert({ where: { hostId_key: { hostId, key: k } }, create: { hostId, key: k, value }, update: { value } });
  }
  const before = Object.fromEntries(old.map((l) => [l.key, l.value]));
  await moveHostPeerCounts(tx, hostId, before, { ...before, ...labels });
}

/**
 * Store several hosts' parts of an upload in one transaction, set-based across them (a handful of statements
 * per batch instead of per host): hosts, labels, one snapshot per host and source, events. Each host may appear
 * once; a continuation adds entries without closing the ones an earlier run of the same upload stored.
 */
export async function storeHostGroups(pending: PendingHost[], o: { uploadId: number; parserVersion: string }): Promise<StoredHost> {
  return db().$transaction(
    async (tx) => {
      const hostIds = await upsertHosts(tx, pending.map((p) => p.group));
      const inputs: SnapshotInput[] = [];
      const meta: { hostName: string; entries: number }[] = [];
      let events = 0;
      for (const { group, isContinuation } of pending) {
        const hostId = hostIds.get(group.hostName.toLowerCase())!;
        await storeLabels(tx, hostId, group.labels);
        const units = unitGroup(group);
        for (const g of [...group.sources.values(), ...(units ? [units] : [])]) {
          inputs.push({
            hostId,
            source: g.source,
            collectedAt: group.collectedAt,
            uploadId: o.uploadId,
            fileName: g.fileNames.length === 1 ? g.fileNames[0] : `${g.fileNames[0]} (+${g.fileNames.length - 1} files)`,
            contentHash: contentHash(g),
            parserVersion: o.parserVersion,
            records: g.records,
            warnings: [...g.warnings],
            closeMissing: !isContinuation,
          });
          meta.push({ hostName: group.hostName, entries: g.records.length });
        }
        events += await storeEvents(tx, hostId, o.uploadId, group.events);
      }
      const stored = await storeSnapshots(tx, inputs);
      const snapshots = stored.map((s, i) => ({
        snapshotId: s.snapshotId,
        host: meta[i]!.hostName,
        source: inputs[i]!.source,
        collectedAt: inputs[i]!.collectedAt.toISOString(),
        entries: meta[i]!.entries,
        warnings: inputs[i]!.warnings,
        isDuplicate: s.isDuplicate,
        added: s.added,
        removed: s.removed,
      }));
      return { snapshots, events };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
