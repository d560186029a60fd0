import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@/lib/auth/principal';
import { db, disconnectDb } from '@/lib/db/client';
import { AUTORUNS_HEADER, entryRow, groupRow } from '@/lib/demo/autoruns-format';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { applyTriage } from './triage';
import { bulkTriage } from './triage-bulk';
import { getEntryTriage } from './triage-read';

const stamp = Date.now();
// Collected long ago, so this file never moves the shared database's latest collection (every score's 'now').
const TASK = `\\TriTool-${stamp}`;
const IMAGE = `c:\\tri_${stamp}\\tool.exe`;
let analyst: Principal;
let manager: Principal;
let entryId = 0;

function csv(signer: string): Uint8Array {
  const task = { category: 'Tasks', location: 'Task Scheduler', entry: TASK, enabled: true, description: 'tri', signer, company: 'Tri', imagePath: IMAGE, version: '1.0', launch: `"${IMAGE}" /run` };
  return new TextEncoder().encode([AUTORUNS_HEADER, groupRow('', 'Task Scheduler', 'Tasks'), entryRow(task)].join('\r\n') + '\r\n');
}

async function upload(host: string, day: number, signer = '(Verified) Tri Signer', site = `tri-${stamp}`) {
  await ingestBytes(csv(signer), 'export.csv', { host, collectedAt: new Date(Date.UTC(2019, 2, day, 6)), labels: { site } });
}

async function user(role: 'analyst' | 'manager'): Promise<Principal> {
  const u = await db().user.create({ data: { email: `tri-${role}-${stamp}@test`, role }, select: { id: true, email: true } });
  return { kind: 'user', userId: u.id, email: u.email, name: null, role, sessionId: null };
}

const item = async () => (await getEntryTriage(entryId))[0];

beforeAll(async () => {
  analyst = await user('analyst');
  manager = await user('manager');
  for (let i = 0; i < 3; i++) await upload(`tri-${stamp}-${i}`, 1);
  entryId = (await db().entry.findFirstOrThrow({ where: { name: { contains: `TriTool-${stamp}` } }, select: { id: true } })).id;
}, 120_000);
afterAll(disconnectDb);

describe('triage DAL', () => {
  it('assigns, comments and records a benign verdict with a suppression, with history and audit', async () => {
    await applyTriage(analyst, [entryId], { assignee: 'me', hostId: null });
    await applyTriage(analyst, [entryId], { comment: 'Looks like **our** tool', hostId: null });
    const r = await applyTriage(analyst, [entryId], { state: 'benign', hostId: null, suppression: { kind: 'path', value: null, reason: 'our tool', expiresAt: null } });
    expect(r).toMatchObject({ items: 1, changed: 1, skipped: 0 });
    const it0 = await item();
    expect(it0).toMatchObject({ state: 'benign', verdict: 'benign', assigneeId: (analyst as { userId: number }).userId });
    expect(it0.dueAt).not.toBeNull();
    expect(it0.comments.map((c) => c.body)).toEqual(['Looks like **our** tool']);
    expect(it0.events.map((e) => e.field)).toEqual(['created', 'assignee', 'comment', 'state', 'suppression']);
    expect(it0.events.find((e) => e.field === 'state')).toMatchObject({ from: 'new', to: 'benign' });
    const sup = await db().suppression.findFirst({ where: { kind: 'path', value: IMAGE }, select: { owner: true } });
    expect(sup?.owner).toBe(`tri-analyst-${stamp}@test`);
    const audits = await db().auditEvent.count({ where: { target: `entry:${entryId}`, action: { startsWith: 'triage.' } } });
    expect(audits).toBe(5);
  });

  it('refuses what the role may not do', async () => {
    await expect(applyTriage(analyst, [entryId], { state: 'closed', hostId: null })).rejects.toThrow(/cannot move/);
    await expect(applyTriage(analyst, [entryId], { assignee: (manager as { userId: number }).userId, hostId: null })).rejects.toThrow(/managers/);
    const viewer: Principal = { ...(analyst as Extract<Principal, { kind: 'user' }>), role: 'viewer' };
    await expect(applyTriage(viewer, [entryId], { comment: 'x', hostId: null })).rejects.toThrow(/analyst/);
  });

  it('sends back with a notice, then signs off', async () => {
    await applyTriage(manager, [entryId], { state: 'in_review', comment: 'check the signer', hostId: null });
    const notes = await db().notification.findMany({ where: { userId: (analyst as { userId: number }).userId }, select: { kind: true, message: true } });
    expect(notes.map((n) => n.kind)).toContain('sent_back');
    await applyTriage(analyst, [entryId], { state: 'benign', hostId: null });
    await applyTriage(manager, [entryId], { state: 'closed', hostId: null });
    expect(await item()).toMatchObject({ state: 'closed', signedOffBy: `tri-manager-${stamp}@test` });
  });

  it('re-opens on ingest when a new signer appears, not on an unchanged re-upload', async () => {
    await upload(`tri-${stamp}-0`, 2);
    expect((await item()).state).toBe('closed');
    await upload(`tri-${stamp}-1`, 3, '(Verified) Other Signer');
    const it1 = await item();
    expect(it1.state).toBe('new');
    expect(it1.reopenReason).toMatch(/new variant on tri-\d+-1: signer/);
    expect(it1.events.at(-1)).toMatchObject({ actor: 'ingest', field: 'state', from: 'closed', to: 'new' });
    const notes = await db().notification.findMany({ where: { userId: (analyst as { userId: number }).userId, kind: 'reopened' } });
    expect(notes).toHaveLength(1);
  });

  it('re-opens when the entry shows up in a new peer group', async () => {
    await applyTriage(analyst, [entryId], { state: 'suspicious', hostId: null });
    await upload(`tri-${stamp}-9`, 4, '(Verified) Tri Signer', `tri-other-${stamp}`);
    expect(await item()).toMatchObject({ state: 'new', reopenReason: expect.stringMatching(/new peer group: tri-\d+-9 is site=tri-other-/) });
  });

  it('applies a bulk change over a filter result in chunks, skipping refused transitions', async () => {
    const res = await bulkTriage(manager, { filter: `q=TriTool-${stamp}&minScore=0&suppressed=show`, afterId: 0, change: { state: 'in_review', comment: 'bulk', hostId: null } });
    expect(res).toMatchObject({ items: 1, changed: 1, skipped: 0, remaining: 0, nextAfterId: null });
    const again = await bulkTriage(manager, { entryIds: [entryId], afterId: 0, change: { state: 'in_review', hostId: null } });
    expect(again).toMatchObject({ items: 1, skipped: 1 });
  });
});
