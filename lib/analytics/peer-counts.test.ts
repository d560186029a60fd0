import { beforeAll, describe, expect, it } from 'vitest';
import { setHostLabels } from '@/lib/data/host-detail';
import { db } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { readSample } from '@/lib/testing/samples';
import { rebuildAnalytics } from './entry-stats';

const stamp = Date.now();
const hosts = [0, 1, 2, 3].map((i) => `peer-${stamp}-${i}`);
const day = (d: number) => new Date(Date.UTC(2025, 7, 1 + d, 6));
const CLI = { kind: 'system', name: 'cli' } as const;

type Count = { entry_id: number; key: string; value: string; hosts: number };

/** What the pre-aggregated rows must hold: a recount over open presences and current labels. */
async function recount(): Promise<Count[]> {
  return db().$queryRaw<Count[]>`
    SELECT p.entry_id, l.key, l.value, count(DISTINCT p.host_id)::int AS hosts
    FROM presences p JOIN host_labels l ON l.host_id = p.host_id WHERE p.until_at IS NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

async function stored(): Promise<Count[]> {
  return db().$queryRaw<Count[]>`SELECT entry_id, key, value, hosts FROM entry_peer_counts ORDER BY 1, 2, 3`;
}

async function hostId(key: string): Promise<number> {
  return (await db().host.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
}

async function expectConsistent(): Promise<void> {
  const want = await recount();
  expect(want.length).toBeGreaterThan(0);
  expect(await stored()).toEqual(want);
}

useOwnDatabase('peercounts');

beforeAll(async () => {
  // Host 0 is a lab machine (its own export); hosts 1-3 share the stock image, in two sites.
  await ingestBytes(readSample('autoruns/limgreg_autorunslab2_banner.csv'), 'lab2.csv', { host: hosts[0], collectedAt: day(0), labels: { role: 'lab', site: 'paris' } });
  for (const [i, host] of hosts.slice(1).entries()) {
    await ingestBytes(readSample('autoruns/limgreg_autorun_export3_t.csv'), `export3-${host}.csv`, {
      host,
      collectedAt: day(0),
      labels: { role: 'workstation', site: i === 0 ? 'paris' : 'berlin' },
    });
  }
}, 120_000);

describe('entry_peer_counts, the peer part pre-aggregated', () => {
  it('equals a recount from presences after ingest', async () => {
    await expectConsistent();
  });

  it('follows a changed snapshot (entries closed and opened)', async () => {
    await ingestBytes(readSample('autoruns/limgreg_autorunslab3_banner.csv'), 'lab3.csv', { host: hosts[0], collectedAt: day(1) });
    await expectConsistent();
  });

  it('follows label edits on the host page: a value changed, a key dropped, a key added', async () => {
    await setHostLabels(CLI, await hostId(hosts[1]), { role: 'build', owner: 'ci' });
    await expectConsistent();
    await setHostLabels(CLI, await hostId(hosts[2]), { role: 'build', site: 'berlin' });
    await expectConsistent();
    const before = await stored();
    await setHostLabels(CLI, await hostId(hosts[2]), { role: 'build', site: 'berlin' });
    expect(await stored()).toEqual(before);
  });

  it('follows labels an upload sets on a host that already has entries', async () => {
    await ingestBytes(readSample('autoruns/limgreg_autorun_export3_t.csv'), 'export3-again.csv', {
      host: hosts[3],
      collectedAt: day(2),
      labels: { site: 'paris', rack: 'r7' },
    });
    const labels = await db().hostLabel.findMany({ where: { hostId: await hostId(hosts[3]) }, orderBy: { key: 'asc' } });
    expect(labels.map((l) => `${l.key}=${l.value}`)).toEqual(['rack=r7', 'role=workstation', 'site=paris']);
    await expectConsistent();
  });

  it('is what a full rebuild produces', async () => {
    const incremental = await stored();
    await rebuildAnalytics(db());
    expect(await stored()).toEqual(incremental);
  });
});
