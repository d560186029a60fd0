import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { moveHostPeerCounts } from '@/lib/analytics/peer-counts';
import { actorName, type Principal } from '@/lib/auth/principal';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from './audit';

export interface HostDetail {
  id: number;
  name: string;
  osFamily: string | null;
  labels: Record<string, string>;
  entriesNow: number;
  lastSnapshotAt: string | null;
}

export interface HostSnapshot {
  id: number;
  source: string;
  collectedAt: string;
  fileName: string;
  uploadId: number | null;
  uploadFileName: string | null;
  contentHash: string;
  parserVersion: string;
  entryCount: number;
  warningCount: number;
}

/** A host with its labels and current entry count; null when there is no such host. */
export async function getHost(id: number): Promise<HostDetail | null> {
  const host = await db().host.findUnique({ where: { id }, select: { id: true, name: true, osFamily: true, labels: { select: { key: true, value: true }, orderBy: { key: 'asc' } } } });
  if (!host) return null;
  const [entries, last] = await Promise.all([
    db().$queryRaw<{ n: number }[]>`SELECT count(DISTINCT entry_id)::int AS n FROM presences WHERE host_id = ${id} AND until_at IS NULL`,
    db().snapshot.aggregate({ where: { hostId: id }, _max: { collectedAt: true } }),
  ]);
  return {
    id: host.id,
    name: host.name,
    osFamily: host.osFamily,
    labels: Object.fromEntries(host.labels.map((l) => [l.key, l.value])),
    entriesNow: entries[0]?.n ?? 0,
    lastSnapshotAt: last._max.collectedAt?.toISOString() ?? null,
  };
}

/**
 * Replace a host's labels (its peer groups) and audit the change; analysts, ingest tokens and the CLI only.
 * Returns the labels as stored.
 */
export async function setHostLabels(actor: Principal, hostId: number, labels: Record<string, string>, ip?: string | null): Promise<Record<string, string>> {
  const allowed = actor.kind === 'system' || (actor.kind === 'user' ? hasRole(actor.role, 'analyst') : actor.scope === 'ingest');
  if (!allowed) throw new AppError('forbidden', 'editing labels needs the analyst role or an ingest token');
  const before = await db().$transaction(async (tx) => {
    const host = await tx.host.findUnique({ where: { id: hostId }, select: { name: true, labels: { select: { key: true, value: true } } } });
    if (!host) throw new AppError('not_found', `no host ${hostId}`);
    await tx.hostLabel.deleteMany({ where: { hostId } });
    await tx.hostLabel.createMany({ data: Object.entries(labels).map(([key, value]) => ({ hostId, key, value })) });
    const old: Record<string, string> = Object.fromEntries(host.labels.map((l) => [l.key, l.value]));
    await moveHostPeerCounts(tx, hostId, old, labels);
    return { name: host.name, labels: old };
  });
  await recordAudit({ actor: actorName(actor), action: 'host.labels', target: before.name, ip, details: { hostId, from: before.labels, to: labels } });
  return labels;
}

/** A host's snapshots with their provenance, newest first per source (capped at 1,000). */
export async function listHostSnapshots(hostId: number): Promise<HostSnapshot[]> {
  const rows = await db().snapshot.findMany({
    where: { hostId },
    orderBy: [{ source: 'asc' }, { collectedAt: 'desc' }, { id: 'desc' }],
    take: 1000,
    select: {
      id: true, source: true, collectedAt: true, fileName: true, uploadId: true, contentHash: true, parserVersion: true, entryCount: true, warningCount: true,
      upload: { select: { fileName: true } },
    },
  });
  return rows.map(({ upload, collectedAt, ...r }) => ({ ...r, collectedAt: collectedAt.toISOString(), uploadFileName: upload?.fileName ?? null }));
}
