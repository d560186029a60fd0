import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { ingestBytes } from './run-upload';
import { updatePresences } from './store-presence';

afterAll(disconnectDb);

const crontab = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

/** A host with three open cron intervals, and the ids of its variants and their entries. */
async function hostWithThreeEntries(host: string) {
  const collectedAt = new Date('2026-11-01T00:00:00Z');
  await ingestBytes(crontab(['0 1 * * * /opt/a.sh', '0 2 * * * /opt/b.sh', '0 3 * * * /opt/c.sh']), 'crontab', { host, collectedAt });
  const { id: hostId } = await db().host.findUniqueOrThrow({ where: { key: host } });
  const open = await db().presence.findMany({ where: { hostId, untilAt: null }, select: { variantId: true, entryId: true }, orderBy: { variantId: 'asc' } });
  expect(open).toHaveLength(3);
  return { hostId, open, collectedAt };
}

async function newSnapshot(hostId: number, collectedAt: Date) {
  const s = await db().snapshot.create({
    data: { hostId, source: 'cron', collectedAt, fileName: 'crontab', contentHash: `test-${Date.now()}-${Math.random()}`, parserVersion: 'test', entryCount: 1 },
  });
  return s.id;
}

describe('updatePresences', () => {
  it('compares a stream that has open intervals even when the snapshot claims to be its first', async () => {
    // Open intervals without an earlier snapshot cannot happen through the ingest (open intervals are never
    // pruned); the shortcut for first snapshots must not write a second open interval of a variant all the same.
    const { hostId, open, collectedAt } = await hostWithThreeEntries(`guard-${Date.now()}`);
    const later = new Date(collectedAt.getTime() + 86_400_000);
    const snapshotId = await newSnapshot(hostId, later);
    const kept = open[0]!;
    const changes = await db().$transaction((tx) =>
      updatePresences(tx, [
        { hostId, source: 'cron', collectedAt: later, snapshotId, variantIds: [kept.variantId], entryIds: [kept.entryId], closeMissing: true, prevSnapshotId: null },
      ]),
    );
    expect(changes.get(snapshotId)).toEqual({ added: 0, removed: 2, touchedEntryIds: open.slice(1).map((p) => p.entryId).sort((a, b) => a - b) });
    const nowOpen = await db().presence.findMany({ where: { hostId, untilAt: null }, select: { variantId: true } });
    expect(nowOpen).toEqual([{ variantId: kept.variantId }]);
  });

  it("reports a first snapshot's additions and touched entries as the comparison would", async () => {
    // Another host's variants, sent as a new host's first snapshot.
    const { open } = await hostWithThreeEntries(`donor-${Date.now()}`);
    const host = await db().host.create({ data: { key: `fresh-${Date.now()}`, name: 'fresh' } });
    const at = new Date('2026-11-02T00:00:00Z');
    const snapshotId = await newSnapshot(host.id, at);
    // Listed out of entry order, so that the touched entries come back sorted and distinct.
    const pairs = [...open].reverse();
    const changes = await db().$transaction((tx) =>
      updatePresences(tx, [
        { hostId: host.id, source: 'cron', collectedAt: at, snapshotId, variantIds: pairs.map((p) => p.variantId), entryIds: pairs.map((p) => p.entryId), closeMissing: true, prevSnapshotId: null },
      ]),
    );
    expect(changes.get(snapshotId)).toEqual({ added: 3, removed: 0, touchedEntryIds: open.map((p) => p.entryId).sort((a, b) => a - b) });
    const rows = await db().presence.findMany({ where: { hostId: host.id }, select: { variantId: true, entryId: true, isBaseline: true, firstSnapshotId: true, untilAt: true, fromAt: true }, orderBy: { variantId: 'asc' } });
    expect(rows).toEqual(open.map((p) => ({ ...p, isBaseline: true, firstSnapshotId: snapshotId, untilAt: null, fromAt: at })));
    const [{ n }] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM entry_stats_dirty WHERE entry_id = ANY(${open.map((p) => p.entryId)}::int[])`;
    expect(n).toBe(3);
  });
});
