import { beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { useOwnDatabase } from '@/lib/testing/own-database';
import { parseEntryHostSearchParams } from '@/lib/validation/entry';
import { parseHostDetailSearchParams } from '@/lib/validation/host-detail';
import { getEntry, getEntryScore, listEntryHits, listEntryVariants } from './entry';
import { getEntryDays, listEntryEvents } from './entry-history';
import { listEntryHosts } from './entry-hosts';
import { getHost, listHostSnapshots, setHostLabels } from './host-detail';
import { listHostEntries } from './host-entries';
import { getHostTimeline } from './host-timeline';

// Three hosts over two days of `schtasks /fo csv /v`: a task on every host (dropped by B on day 2), a task on A whose
// author changes (one entry, two variants), a suspicious task new on A on day 2, and a task event naming A's task.
const run = Date.now();
const [A, B, C] = ['a', 'b', 'c'].map((h) => `eh-${h}-${run}`);
const DAY1 = new Date('2026-03-01T06:00:00Z');
const DAY2 = new Date('2026-03-02T06:00:00Z');
const HEADER = '"HostName","TaskName","Next Run Time","Status","Logon Mode","Last Run Time","Last Result","Author","Task To Run"\r\n';
const row = (host: string, task: string, author: string, cmd: string) => `"${host}","${task}","N/A","Ready","x","y","0","${author}","${cmd}"\r\n`;
const enc = (s: string) => new TextEncoder().encode(s);
const COMMON = `\\Common${run}`;
const UPDATER = `\\Updater${run}`;
const EVIL = `\\Evil${run}`;

async function schtasks(host: string, at: Date, rows: string[], labels: Record<string, string>) {
  return ingestBytes(enc(HEADER + rows.join('')), `${host}-${at.getTime()}.csv`, { collectedAt: at, labels });
}

async function entryId(name: string): Promise<number> {
  return (await db().entry.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

// Scores count newness against the fleet's latest collection: another file ingesting a later day would age these.
useOwnDatabase('entry-host');

let hostA = 0;

beforeAll(async () => {
  const common = (h: string) => row(h, COMMON, 'Contoso', 'c:\\program files\\contoso\\common.exe');
  await schtasks(A, DAY1, [common(A), row(A, UPDATER, 'me', 'c:\\tools\\updater.exe')], { role: 'ws', site: 'paris' });
  await schtasks(B, DAY1, [common(B)], { role: 'ws', site: 'london' });
  await schtasks(C, DAY1, [common(C)], { role: 'srv', site: 'paris' });
  await schtasks(A, DAY2, [common(A), row(A, UPDATER, 'other', 'c:\\tools\\updater.exe'), row(A, EVIL, 'x', 'powershell.exe -w hidden -enc SQBFAFgA')], {});
  await schtasks(B, DAY2, [row(B, `\\Other${run}`, 'me', 'c:\\x.exe')], {});
  await schtasks(C, DAY2, [common(C)], {});
  const events =
    'RecordNumber,EventRecordId,TimeCreated,EventId,Channel,Computer,MapDescription,PayloadData1\r\n' +
    `1,1,2026-03-02 05:00:00.0000000,106,Microsoft-Windows-TaskScheduler/Operational,${A},Registered,Task: ${UPDATER}\r\n`;
  await ingestBytes(enc(events), 'events.csv', {});
  hostA = (await db().host.findUniqueOrThrow({ where: { key: A }, select: { id: true } })).id;
});

describe('entry page data', () => {
  it('reads identity, variants with host counts, and hits with their catalogue explanation', async () => {
    const id = await entryId(UPDATER);
    const entry = await getEntry(id);
    expect(entry).toMatchObject({ name: UPDATER, family: 'windows_task', hostsNow: 1, hostsEver: 1 });
    expect(await getEntry(2_000_000_000)).toBeNull();
    const variants = await listEntryVariants(id);
    expect(variants.map((v) => [v.fields.author, v.hostsNow, v.hostsEver])).toEqual([['other', 1, 1], ['me', 0, 1]]);
    const hits = await listEntryHits(await entryId(EVIL));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ title: expect.any(String), attack: expect.stringMatching(/^T\d{4}/) });
    expect(hits[0].severity).toBeGreaterThanOrEqual(hits.at(-1)!.severity);
  });

  it('scores an entry with the outliers SQL, and gives no score once no host has it', async () => {
    const score = await getEntryScore(await entryId(EVIL));
    expect(score?.score).toBeGreaterThan(0);
    expect(score?.reasons.map((r) => r.text)).toContain('first seen today');
    expect(await getEntryScore(await entryId(`\\Nothing${run}`).catch(() => 2_000_000_000))).toBeNull();
  });

  it('counts hosts per snapshot day from presences: spread, disappearance and events', async () => {
    const days = await getEntryDays(await entryId(COMMON));
    const d1 = days.find((d) => d.day === '2026-03-01')!;
    const d2 = days.find((d) => d.day === '2026-03-02')!;
    expect([d1.hosts, d1.cumulative, d1.appeared]).toEqual([3, 3, 3]);
    expect([d2.hosts, d2.cumulative, d2.disappeared]).toEqual([2, 3, 1]);
    const updater = await getEntryDays(await entryId(UPDATER));
    expect(updater.find((d) => d.day === '2026-03-02')).toMatchObject({ hosts: 1, changed: 1, appeared: 0, events: 1 });
    const events = await listEntryEvents(await entryId(UPDATER));
    expect(events).toMatchObject([{ eventId: 106, host: A, taskName: UPDATER }]);
    expect(await listEntryEvents(await entryId(COMMON))).toEqual([]);
  });

  it('pages the hosts having it, now or ever', async () => {
    const id = await entryId(COMMON);
    const present = await listEntryHosts(id, parseEntryHostSearchParams({}));
    expect(present.rows.map((r) => r.host)).toEqual([A, C]);
    const all = await listEntryHosts(id, parseEntryHostSearchParams({ state: 'all', sort: 'lastSeenAt.asc' }));
    expect(all.total).toBe(3);
    expect(all.rows.find((r) => r.host === B)).toMatchObject({ isPresent: false, goneAt: DAY2.toISOString() });
    const paged = await listEntryHosts(id, parseEntryHostSearchParams({ state: 'all', size: '25', page: '2' }));
    expect(paged.rows).toEqual([]);
  });
});

describe('host page data', () => {
  it('reads the host, replaces its labels and audits the change', async () => {
    expect(await getHost(hostA)).toMatchObject({ name: A, labels: { role: 'ws', site: 'paris' }, entriesNow: 3 });
    const analyst = { kind: 'user', userId: 1, email: 'ana@example.test', name: null, role: 'analyst', sessionId: null } as const;
    await setHostLabels(analyst, hostA, { role: 'kiosk', ou: 'Retail' }, '127.0.0.1');
    expect((await getHost(hostA))?.labels).toEqual({ ou: 'Retail', role: 'kiosk' });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'host.labels', target: A }, orderBy: { id: 'desc' } });
    expect(audit.details).toMatchObject({ from: { role: 'ws', site: 'paris' }, to: { role: 'kiosk', ou: 'Retail' } });
    await expect(setHostLabels({ ...analyst, role: 'viewer' }, hostA, {})).rejects.toThrow(/analyst/);
    await expect(setHostLabels({ kind: 'token', tokenId: 1, name: 't', scope: 'read' }, hostA, {})).rejects.toThrow(/ingest token/);
  });

  it('lists snapshots with provenance, entries with per-host scores, and entries at a past time', async () => {
    const snaps = await listHostSnapshots(hostA);
    expect(snaps.map((s) => s.collectedAt)).toEqual([DAY2.toISOString(), DAY1.toISOString()]);
    expect(snaps[0]).toMatchObject({ source: 'schtasks', entryCount: 3, parserVersion: expect.any(String), uploadFileName: expect.stringContaining(A) });
    const now = await listHostEntries(hostA, parseHostDetailSearchParams({}));
    expect(now.total).toBe(3);
    const evil = now.rows.find((r) => r.name === EVIL)!;
    expect(evil).toMatchObject({ isNewHere: true, isOnlyHere: true, isBaseline: false });
    expect(evil.hostScore).toBeGreaterThanOrEqual(evil.score!);
    expect(now.rows[0].hostScore).toBeGreaterThanOrEqual(now.rows[2].hostScore ?? 0);
    const then = await listHostEntries(hostA, parseHostDetailSearchParams({ at: '2026-03-01T12:00:00Z', sort: 'name.asc' }));
    expect(then.rows.map((r) => r.name)).toEqual([COMMON, UPDATER]);
    expect((await listHostEntries(hostA, parseHostDetailSearchParams({ q: 'evil' }))).total).toBe(1);
  });

  it('pages host entries in every sort the way one big page orders them (page picked before scoring)', async () => {
    for (const sort of ['score.desc', 'score.asc', 'name.asc', 'name.desc', 'fromAt.desc', 'fromAt.asc']) {
      const whole = await listHostEntries(hostA, parseHostDetailSearchParams({ sort }));
      const pages = [];
      for (let page = 1; page <= whole.total; page++) pages.push(...(await listHostEntries(hostA, { ...parseHostDetailSearchParams({ sort }), page, size: 1 })).rows);
      expect(pages, sort).toEqual(whole.rows);
      // Scored on every page, whichever sort picked it.
      expect(pages.every((r) => r.score !== null && r.hostScore !== null), sort).toBe(true);
    }
    const past = await listHostEntries(hostA, { ...parseHostDetailSearchParams({ sort: 'name.asc' }), page: 4, size: 1 });
    expect(past).toEqual({ rows: [], total: 3 });
  });

  it('puts snapshots, changes and task events on one timeline', async () => {
    const { items, days } = await getHostTimeline(hostA);
    const kinds = (k: string) => items.filter((i) => i.kind === k).map((i) => i.label);
    expect(kinds('snapshot')).toEqual(['schtasks', 'schtasks']);
    expect(kinds('appeared')).toEqual([EVIL]);
    expect(kinds('changed')).toEqual([UPDATER]);
    expect(kinds('event')).toEqual([UPDATER]);
    expect(days.find((d) => d.day === '2026-03-02')).toMatchObject({ snapshot: 1, appeared: 1, changed: 1, event: 1 });
    const b = await db().host.findUniqueOrThrow({ where: { key: B }, select: { id: true } });
    expect((await getHostTimeline(b.id)).items.filter((i) => i.kind === 'disappeared').map((i) => i.label)).toEqual([COMMON]);
  });
});
