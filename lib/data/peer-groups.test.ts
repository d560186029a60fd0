import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { listOutliers } from './outliers';
import { getEntryPeerPrevalence } from './peer-groups';

const stamp = Date.now();
const build = `build-${stamp}`;
const ws = `ws-${stamp}`;
const enc = (s: string) => new TextEncoder().encode(s);
const ciJob = `/opt/ci/agent-${stamp} --poll`;
let ciEntryId = 0;

beforeAll(async () => {
  // Four build servers run the CI agent; one of five workstations has it too: common in one group, rare in the other.
  const at = new Date('2026-02-01T06:00:00Z');
  const common = '0 4 * * * root /usr/sbin/logrotate /etc/logrotate.conf\n';
  for (let i = 0; i < 4; i++) {
    await ingestBytes(enc(`${common}*/5 * * * * ci ${ciJob}\n`), 'etc/crontab', { host: `${build}-${i}`, collectedAt: at, labels: { role: build } });
  }
  for (let i = 0; i < 5; i++) {
    const lines = i === 0 ? `${common}*/5 * * * * ci ${ciJob}\n` : common;
    await ingestBytes(enc(lines), 'etc/crontab', { host: `${ws}-${i}`, collectedAt: at, labels: { role: ws } });
  }
  const entry = await db().entry.findFirstOrThrow({ where: { command: { contains: `agent-${stamp}` } }, select: { id: true } });
  ciEntryId = entry.id;
}, 120_000);
afterAll(disconnectDb);

describe('getEntryPeerPrevalence', () => {
  it('gives hosts having the entry over hosts in each label group', async () => {
    const groups = await getEntryPeerPrevalence(ciEntryId);
    expect(groups).toContainEqual({ key: 'role', value: build, hosts: 4, groupHosts: 4 });
    expect(groups).toContainEqual({ key: 'role', value: ws, hosts: 1, groupHosts: 5 });
  });

  it('is empty for an unknown entry', async () => {
    expect(await getEntryPeerPrevalence(2_000_000_000)).toEqual([]);
  });
});

describe('peer-group deviation in the score', () => {
  it('scores an entry rare in one peer group although common in another, and says so', async () => {
    const page = await listOutliers(parseOutlierSearchParams({ q: `agent-${stamp}`, minScore: '0' }));
    const row = page.rows.find((r) => r.id === ciEntryId)!;
    expect(row.parts.peer).toBeCloseTo(1 - 1 / 5, 5);
    for (const part of Object.values(row.parts)) expect(typeof part).toBe('number');
    expect(row.reasons.find((r) => r.part === 'peer')?.text).toBe(`on 1 of 5 role=${ws} hosts, 4 of 4 role=${build}`);
  });

  it('gives no peer part to an entry equally common in every group', async () => {
    const page = await listOutliers(parseOutlierSearchParams({ q: 'logrotate', minScore: '0', size: '200' }));
    const shared = page.rows.filter((r) => r.hostsNow >= 9);
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) expect(r.reasons.some((x) => x.part === 'peer')).toBe(false);
  });
});
