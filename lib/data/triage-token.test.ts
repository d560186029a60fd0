import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { createTestUser, ingestCronEntries, type UserPrincipal } from '@/lib/testing/triage-fixtures';
import { createApiToken, resolveApiToken } from './api-tokens';
import { applyTriage } from './triage';

const stamp = Date.now();
let admin: UserPrincipal;
let analyst: UserPrincipal;
let entryId = 0;

beforeAll(async () => {
  admin = await createTestUser(`tok-admin-${stamp}@test`, 'admin');
  analyst = await createTestUser(`tok-analyst-${stamp}@test`, 'analyst');
  [entryId] = await ingestCronEntries(`tok-${stamp}`, [`/opt/token-${stamp}/job`]);
}, 120_000);
afterAll(disconnectDb);

describe('triage tokens', () => {
  it('act with their owner’s role and are audited under the token’s name', async () => {
    const { token } = await createApiToken(admin, { name: `soar-${stamp}`, scope: 'triage', expiresAt: null });
    const principal = await resolveApiToken(token);
    expect(principal).toMatchObject({ kind: 'token', scope: 'triage', owner: { userId: admin.userId, role: 'admin' } });
    // A manager's power (assigning to someone else), from the owning admin.
    const r = await applyTriage(principal!, [entryId], { state: 'in_review', assignee: analyst.userId, comment: `from the SOAR, @tok-analyst-${stamp}`, hostId: null });
    expect(r).toMatchObject({ items: 1, changed: 1 });
    const audit = await db().auditEvent.findMany({ where: { target: `entry:${entryId}`, action: { startsWith: 'triage.' } }, select: { actor: true } });
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([`token:soar-${stamp}`]));
    const notes = await db().notification.findMany({ where: { userId: analyst.userId }, select: { kind: true, message: true } });
    expect(notes.map((n) => n.kind).sort()).toEqual(['assigned', 'mention']);
    expect(notes[0].message).toContain(`token:soar-${stamp}`);
  });

  it('lose their rights with their owner’s role, and other scopes never triage', async () => {
    const owner = await createTestUser(`tok-owner-${stamp}@test`, 'admin');
    const { token } = await createApiToken(owner, { name: `demoted-${stamp}`, scope: 'triage', expiresAt: null });
    await db().user.update({ where: { id: owner.userId }, data: { role: 'viewer' } });
    await expect(applyTriage((await resolveApiToken(token))!, [entryId], { comment: 'x', hostId: null })).rejects.toMatchObject({ code: 'forbidden' });
    await db().user.update({ where: { id: owner.userId }, data: { role: 'analyst', isDisabled: true } });
    expect(await resolveApiToken(token)).toMatchObject({ owner: null });
    await expect(applyTriage((await resolveApiToken(token))!, [entryId], { comment: 'x', hostId: null })).rejects.toThrow(/enabled user/);

    const read = await createApiToken(admin, { name: `read-${stamp}`, scope: 'read', expiresAt: null });
    await expect(applyTriage((await resolveApiToken(read.token))!, [entryId], { comment: 'x', hostId: null })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('are created by an admin user, not from the command line (a token needs an owner)', async () => {
    await expect(createApiToken({ kind: 'system', name: 'cli' }, { name: `cli-${stamp}`, scope: 'triage', expiresAt: null })).rejects.toThrow(/admin who creates it/);
  });
});
