import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { sampleHostNames } from './entry-hosts';
import { listOutliers } from './outliers';

afterAll(disconnectDb);

const RUN = `of${Date.now().toString(36)}`;
const search = (raw: Record<string, string>) => listOutliers(parseOutlierSearchParams({ minScore: '0', q: RUN, size: '200', ...raw }));
let dcJob: number;
let webJob: number;

beforeAll(async () => {
  const cron = (cmd: string) => new TextEncoder().encode(`0 3 * * * /opt/${RUN}/${cmd}\n`);
  await ingestBytes(cron('dc-sync'), 'root.crontab', { host: `dc1-${RUN}`, labels: { role: 'dc' } });
  for (const h of ['web2', 'web1']) await ingestBytes(cron('web-rotate'), 'root.crontab', { host: `${h}-${RUN}`, labels: { role: 'web' } });
  const entries = await db().entry.findMany({ where: { command: { contains: RUN } }, select: { id: true, command: true } });
  dcJob = entries.find((e) => e.command.includes('dc-sync'))!.id;
  webJob = entries.find((e) => e.command.includes('web-rotate'))!.id;
});

describe('outlier filters: label, triage state, host', () => {
  it('label=key=value keeps entries present on hosts carrying that label', async () => {
    expect((await search({ label: 'role=dc' })).rows.map((r) => r.id)).toEqual([dcJob]);
    expect((await search({ label: 'role=web' })).rows.map((r) => r.id)).toEqual([webJob]);
    expect((await search({ label: 'role=nothing' })).total).toBe(0);
    // Not key=value: ignored rather than refused, like every other malformed URL filter.
    expect((await search({ label: 'role' })).total).toBe(2);
  });

  it('state filters on the fleet-wide triage state (never triaged is new) and counts each state', async () => {
    await db().triageItem.create({ data: { entryId: dcJob, state: 'suspicious', severity: 'high' } });
    expect((await search({ state: 'suspicious' })).rows.map((r) => r.id)).toEqual([dcJob]);
    expect((await search({ state: 'new' })).rows.map((r) => r.id)).toEqual([webJob]);
    expect((await search({ state: 'new,suspicious' })).total).toBe(2);
    const page = await search({ state: 'new' });
    // The state facet leaves its own filter out, so the other states stay choosable.
    expect(page.facets.state).toEqual(expect.arrayContaining([{ value: 'new', count: 1 }, { value: 'suspicious', count: 1 }]));
  });

  it('host narrows to one host, and sampleHostNames lists the first hosts by name', async () => {
    expect((await search({ host: `WEB1-${RUN}` })).rows.map((r) => r.id)).toEqual([webJob]);
    const expected = { [webJob]: [`web1-${RUN}`], [dcJob]: [`dc1-${RUN}`] };
    // Both ways of finding them: sorting the entry's hosts (few) and walking all hosts by name (many).
    expect(await sampleHostNames([{ id: webJob, hostsNow: 1 }, { id: dcJob, hostsNow: 1 }], 1)).toEqual(expected);
    expect(await sampleHostNames([{ id: webJob, hostsNow: 10_000 }, { id: dcJob, hostsNow: 1 }], 1)).toEqual(expected);
    expect(await sampleHostNames([{ id: webJob, hostsNow: 10_000 }, { id: dcJob, hostsNow: 10_000 }], 5)).toEqual(await sampleHostNames([{ id: webJob, hostsNow: 1 }, { id: dcJob, hostsNow: 1 }], 5));
  });
});
