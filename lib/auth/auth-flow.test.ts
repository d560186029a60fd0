import { afterAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { createApiToken, resolveApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { listAuditEvents, recordAudit } from '@/lib/data/audit';
import { resolveSession, revokeSession } from '@/lib/data/sessions';
import { createFirstAdmin, createUser, setUserDisabled, setUserPassword, setUserRole } from '@/lib/data/users';
import { sha256Hex } from './secrets';
import { signInWithPassword } from './sign-in';
import type { Principal } from './principal';
import { useOwnDatabase } from '@/lib/testing/own-database';

// Its own database: the admin rules below count every user, and other files add and disable admins.
useOwnDatabase('auth');
afterAll(disconnectDb);

const run = Date.now();
const cli: Principal = { kind: 'system', name: 'cli' };
const email = (name: string) => `${name}-${run}@example.test`;
const PASSWORD = 'a long enough password';
const ip = '203.0.113.7';

async function signInAs(who: string, password = PASSWORD) {
  const r = await signInWithPassword({ email: who, password, ip, userAgent: 'vitest' });
  if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
  return r.token;
}

describe('first-run set-up', () => {
  it('creates one admin while no user exists and refuses afterwards, even when racing', async () => {
    expect(await db().user.count()).toBe(0);
    const results = await Promise.all([createFirstAdmin({ email: email('first-a'), password: PASSWORD }), createFirstAdmin({ email: email('first-b'), password: PASSWORD })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await createFirstAdmin({ email: email('first-c'), password: PASSWORD })).toBeNull();
  });
});

describe('password sign-in and sessions', () => {
  it('signs in, resolves the session, and stores only the token hash', async () => {
    await createUser(cli, { email: email('ana'), role: 'analyst', password: PASSWORD });
    const token = await signInAs(email('ana').toUpperCase());
    const user = await resolveSession(token);
    expect(user).toMatchObject({ kind: 'user', email: email('ana'), role: 'analyst' });
    const row = await db().session.findFirst({ where: { tokenHash: sha256Hex(token) } });
    expect(row).not.toBeNull();
    expect(await db().session.count({ where: { tokenHash: token } })).toBe(0);
  });

  it('answers the same for unknown accounts and wrong passwords, and audits both', async () => {
    expect(await signInWithPassword({ email: email('nobody'), password: PASSWORD, ip, userAgent: null })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signInWithPassword({ email: email('ana'), password: 'wrong password!', ip, userAgent: null })).toEqual({ ok: false, reason: 'invalid' });
    const failures = await listAuditEvents(cli, { actor: email('nobody'), action: 'auth.login_failed', page: 1, pageSize: 10 });
    expect(failures.total).toBe(1);
  });

  it('throttles an account after 10 failures from one address, but not from another', async () => {
    await createUser(cli, { email: email('target'), role: 'viewer', password: PASSWORD });
    for (let i = 0; i < 10; i++) await signInWithPassword({ email: email('target'), password: `guess-${i}-xxxx`, ip, userAgent: null });
    expect(await signInWithPassword({ email: email('target'), password: PASSWORD, ip, userAgent: null })).toEqual({ ok: false, reason: 'throttled' });
    expect((await signInWithPassword({ email: email('target'), password: PASSWORD, ip: '198.51.100.1', userAgent: null })).ok).toBe(true);
  });

  it('ends sessions on sign-out, idle timeout, absolute expiry, disabling and password reset', async () => {
    await createUser(cli, { email: email('mgr'), role: 'manager', password: PASSWORD });
    const signedOut = await signInAs(email('mgr'));
    await revokeSession(signedOut);
    expect(await resolveSession(signedOut)).toBeNull();

    const idle = await signInAs(email('mgr'));
    await db().session.update({ where: { tokenHash: sha256Hex(idle) }, data: { lastSeenAt: new Date(Date.now() - 13 * 3600_000) } });
    expect(await resolveSession(idle)).toBeNull();

    const old = await signInAs(email('mgr'));
    await db().session.update({ where: { tokenHash: sha256Hex(old) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(old)).toBeNull();

    const live = await signInAs(email('mgr'));
    const user = (await resolveSession(live))!;
    await setUserPassword(cli, user.userId, 'another long password');
    expect(await resolveSession(live)).toBeNull();

    const again = await signInAs(email('mgr'), 'another long password');
    await setUserDisabled(cli, user.userId, true);
    expect(await resolveSession(again)).toBeNull();
    expect((await signInWithPassword({ email: email('mgr'), password: 'another long password', ip: '192.0.2.9', userAgent: null })).ok).toBe(false);
  });

  it('keeps the current session when users change their own password', async () => {
    await createUser(cli, { email: email('self'), role: 'viewer', password: PASSWORD });
    const current = await signInAs(email('self'));
    const other = await signInAs(email('self'));
    const me = (await resolveSession(current))!;
    await setUserPassword(me, me.userId, 'my new long password');
    expect(await resolveSession(current)).not.toBeNull();
    expect(await resolveSession(other)).toBeNull();
  });

  it('refuses admin work to lower roles in the data layer itself', async () => {
    const viewer: Principal = { kind: 'user', userId: 1, email: 'v@x', name: null, role: 'viewer', sessionId: null };
    await expect(createUser(viewer, { email: email('sneaky'), role: 'admin', password: PASSWORD })).rejects.toThrow(/admin role/);
    await expect(listAuditEvents(viewer, { page: 1, pageSize: 1 })).rejects.toThrow(/manager role/);
  });

  it('never demotes or disables the last active admin', async () => {
    const admins = await db().user.findMany({ where: { role: 'admin', isDisabled: false }, select: { id: true } });
    expect(admins).toHaveLength(1);
    await expect(setUserRole(cli, admins[0].id, 'viewer')).rejects.toThrow(/last active admin/);
    await expect(setUserDisabled(cli, admins[0].id, true)).rejects.toThrow(/last active admin/);
    const second = await createUser(cli, { email: email('second-admin'), role: 'admin', password: PASSWORD });
    await setUserDisabled(cli, admins[0].id, true);
    await setUserDisabled(cli, admins[0].id, false);
    await setUserRole(cli, second.id, 'viewer');
  });

  it('changes other users when no admin is active (accounts run from the CLI)', async () => {
    await db().user.updateMany({ where: { role: 'admin' }, data: { isDisabled: true } });
    try {
      const viewer = await createUser(cli, { email: email('cli-only'), role: 'viewer', password: PASSWORD });
      await setUserRole(cli, viewer.id, 'analyst');
      await setUserDisabled(cli, viewer.id, true);
      expect(await db().user.findUnique({ where: { id: viewer.id }, select: { role: true, isDisabled: true } })).toEqual({ role: 'analyst', isDisabled: true });
    } finally {
      await db().user.updateMany({ where: { role: 'admin' }, data: { isDisabled: false } });
    }
  });
});

describe('API tokens', () => {
  it('stores a hash, resolves the token with its scope, and refuses it once revoked', async () => {
    const { id, token } = await createApiToken(cli, { name: `collector-${run}`, scope: 'ingest', expiresAt: null });
    expect(token).toMatch(/^tl_[\w-]{43}$/);
    expect(await db().apiToken.count({ where: { tokenHash: sha256Hex(token) } })).toBe(1);
    expect(await resolveApiToken(token)).toMatchObject({ kind: 'token', scope: 'ingest', name: `collector-${run}` });
    expect((await db().apiToken.findUnique({ where: { id } }))!.lastUsedAt).not.toBeNull();
    await revokeApiToken(cli, id);
    expect(await resolveApiToken(token)).toBeNull();
  });

  it('refuses expired and unknown tokens', async () => {
    const { token } = await createApiToken(cli, { name: `old-${run}`, scope: 'read', expiresAt: new Date(Date.now() - 1) });
    expect(await resolveApiToken(token)).toBeNull();
    expect(await resolveApiToken('tl_not-a-real-token')).toBeNull();
    expect(await resolveApiToken('Bearer nonsense')).toBeNull();
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await recordAudit({ actor: `tamper-${run}`, action: 'test.event' });
    await expect(db().auditEvent.updateMany({ where: { actor: `tamper-${run}` }, data: { action: 'changed' } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.deleteMany({ where: { actor: `tamper-${run}` } })).rejects.toThrow(/append-only/);
    expect((await listAuditEvents(cli, { actor: `tamper-${run}`, page: 1, pageSize: 10 })).rows[0].action).toBe('test.event');
  });

  it('records user and token changes with their actor', async () => {
    const events = await listAuditEvents(cli, { actor: 'cli', page: 1, pageSize: 200 });
    const actions = new Set(events.rows.map((e) => e.action));
    expect(actions).toContain('user.create');
    expect(actions).toContain('token.create');
    expect(actions).toContain('token.revoke');
  });
});
