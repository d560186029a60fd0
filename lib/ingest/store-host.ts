import { createHash } from 'node:crypto';
import { moveHostPeerCounts } from '@/lib/analytics/peer-counts';
import { db } from '@/lib/db/client';
import { parseSystemdUnits } from './systemd';
import { storeEvents } from './store-events';
import { storeSnapshot } from './store-snapshot';
import type { HostGroup, SourceGroup } from './upload-batch';
import type { FormatId, ParseWarning } from './types';

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

/**
 * Store one host's part of an upload in one transaction: host and labels, one snapshot per source, events.
 * `isContinuation` marks a host whose files came in two runs of the same upload: the second run adds
 * entries without closing the ones the first run stored.
 */
export async function storeHostGroup(
  group: HostGroup,
  o: { uploadId: number; parserVersion: string; isContinuation: boolean },
): Promise<StoredHost> {
  const units = unitGroup(group);
  const sources = [...group.sources.values(), ...(units ? [units] : [])];
  return db().$transaction(
    async (tx) => {
      const key = group.hostName.toLowerCase();
      const host = await tx.host.upsert({
        where: { key },
        create: { key, name: group.hostName, osFamily: group.os },
        update: group.os ? { osFamily: group.os } : {},
        select: { id: true },
      });
      if (Object.keys(group.labels).length > 0) {
        const old = await tx.hostLabel.findMany({ where: { hostId: host.id }, select: { key: true, value: true } });
        for (const [k, value] of Object.entries(group.labels)) {
          await tx.hostLabel.upsert({ where: { hostId_key: { hostId: host.id, key: k } }, create: { hostId: host.id, key: k, value }, update: { value } });
        }
        const before = Object.fromEntries(old.map((l) => [l.key, l.value]));
        await moveHostPeerCounts(tx, host.id, before, { ...before, ...group.labels });
      }
      const snapshots: IngestedSnapshot[] = [];
      for (const g of sources) {
        const warnings = [...g.warnings];
        const stored = await storeSnapshot(tx, {
          hostId: host.id,
          source: g.source,
          collectedAt: group.collectedAt,
          uploadId: o.uploadId,
          fileName: g.fileNames.length === 1 ? g.fileNames[0] : `${g.fileNames[0]} (+${g.fileNames.length - 1} files)`,
          contentHash: contentHash(g),
          parserVersion: o.parserVersion,
          records: g.records,
          warnings,
          closeMissing: !o.isContinuation,
        });
        snapshots.push({
          snapshotId: stored.snapshotId,
          host: group.hostName,
          source: g.source,
          collectedAt: group.collectedAt.toISOString(),
          entries: g.records.length,
          warnings,
          isDuplicate: stored.isDuplicate,
          added: stored.added,
          removed: stored.removed,
        });
      }
      const events = await storeEvents(tx, host.id, o.uploadId, group.events);
      return { snapshots, events };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
