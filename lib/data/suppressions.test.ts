import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '@/lib/auth/principal';
import { db, disconnectDb } from '@/lib/db/client';
import { AUTORUNS_HEADER, entryRow, groupRow } from '@/lib/demo/autoruns-format';
import { ingestBytes } from '@/lib/ingest/run-upload';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { createSuppressionApiSchema, createSuppressionFormSchema, parseSuppressionSearchParams } from '@/lib/validation/suppressions';
import { listOutliers } from './outliers';
import { createSuppression, deleteSuppression, expireSuppression, listSuppressions, suppressionValueForEntry } from './suppressions';

const stamp = Date.now();
const TASK = `\\SupTool-${stamp}`;
/** Stored without the "(Verified)" prefix, which becomes the variant's verified flag. */
const SIGNER = `Sup Signer ${stamp}`;
const IMAGE = `c:\\tools_${stamp}\\sup_tool.exe`;
const manager: Principal = { kind: 'user', userId: 1, email: `manager-${stamp}@test`, name: null, role: 'manager', sessionId: null };
const analyst: Principal = { ...manager, email: `analyst-${stamp}@test`, role: 'analyst' };
let entryId = 0;

async function isSuppressed(): Promise<boolean> {
  const page = await listOutliers(parseOutlierSearchParams({ q: `SupTool-${stamp}`, minScore: '0', suppressed: 'show' }));
  return page.rows.find((r) => r.id === entryId)!.isSuppressed;
}

async function withSuppression(input: { kind: 'entry' | 'signer' | 'path' | 'label'; value: string; expiresAt?: Date | null }, check: () => Promise<void>) {
  const s = await createSuppression(manager, { reason: 'test', expiresAt: null, ...input });
  try {
    await check();
  } finally {
    await deleteSuppression(manager, s.id);
  }
}

beforeAll(async () => {
  const task = { category: 'Tasks', location: 'Task Scheduler', entry: TASK, enabled: true, description: 'sup tool', signer: `(Verified) ${SIGNER}`, company: 'Sup', imagePath: IMAGE, version: '1.0', launch: `"${IMAGE}" /run` };
  const csv = [AUTORUNS_HEADER, groupRow('', 'Task Scheduler', 'Tasks'), entryRow(task)].join('\r\n') + '\r\n';
  for (let i = 0; i < 3; i++) {
    await ingestBytes(new TextEncoder().encode(csv), `sup-${i}-autorunsc.csv`, { host: `sup-${stamp}-${i}`, collectedAt: new Date('2026-03-01T06:00:00Z'), labels: { site: `sup-${stamp}` } });
  }
  entryId = (await db().entry.findFirstOrThrow({ where: { name: { contains: `SupTool-${stamp}` } }, select: { id: true } })).id;
}, 120_000);
afterAll(disconnectDb);

describe('suppression matching in the score', () => {
  it('suppresses by entry id, signer, path pattern with * and host label', async () => {
    expect(await isSuppressed()).toBe(false);
    await withSuppression({ kind: 'entry', value: String(entryId) }, async () => expect(await isSuppressed()).toBe(true));
    await withSuppression({ kind: 'signer', value: SIGNER }, async () => expect(await isSuppressed()).toBe(true));
    await withSuppression({ kind: 'path', value: `C:\\TOOLS_${stamp}\\*.exe` }, async () => expect(await isSuppressed()).toBe(true));
    await withSuppression({ kind: 'label', value: `site=sup-${stamp}` }, async () => expect(await isSuppressed()).toBe(true));
  });

  it('treats _ and \\ in a path pattern literally, only * as a wildcard', async () => {
    await withSuppression({ kind: 'path', value: `c:\\toolsX${stamp}\\*` }, async () => expect(await isSuppressed()).toBe(false));
    await withSuppression({ kind: 'path', value: `c:tools_${stamp}*` }, async () => expect(await isSuppressed()).toBe(false));
  });

  it('stops applying once expired', async () => {
    await withSuppression({ kind: 'entry', value: String(entryId), expiresAt: new Date(Date.now() - 1000) }, async () => expect(await isSuppressed()).toBe(false));
    const s = await createSuppression(manager, { kind: 'entry', value: String(entryId), reason: 'until fixed', expiresAt: null });
    expect(await isSuppressed()).toBe(true);
    const expired = await expireSuppression(manager, s.id);
    expect(expired.isActive).toBe(false);
    expect(await isSuppressed()).toBe(false);
    await expect(expireSuppression(manager, s.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('suppressions DAL', () => {
  it('records the owner and audits create, expire and delete', async () => {
    const s = await createSuppression(manager, { kind: 'signer', value: SIGNER, reason: 'vendor agent', expiresAt: new Date(Date.now() + 86_400_000) });
    expect(s).toMatchObject({ owner: manager.email, reason: 'vendor agent', isActive: true });
    await expireSuppression(manager, s.id);
    await deleteSuppression(manager, s.id);
    const actions = await db().auditEvent.findMany({ where: { actor: manager.email, details: { path: ['id'], equals: s.id } }, select: { action: true }, orderBy: { id: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual(['suppression.create', 'suppression.expire', 'suppression.delete']);
    await expect(deleteSuppression(manager, s.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses analysts and tokens, and entry ids that do not exist', async () => {
    const input = { kind: 'entry' as const, value: String(entryId), reason: 'nope', expiresAt: null };
    await expect(createSuppression(analyst, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createSuppression({ kind: 'token', tokenId: 1, name: 't', scope: 'read' }, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createSuppression(manager, { ...input, value: '2000000000' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists active, expired or all, searchable by value, reason, owner and entry name', async () => {
    const live = await createSuppression(manager, { kind: 'entry', value: String(entryId), reason: `list-${stamp} live`, expiresAt: null });
    const old = await createSuppression(manager, { kind: 'path', value: `c:\\old_${stamp}\\*`, reason: `list-${stamp} old`, expiresAt: new Date(Date.now() - 1000) });
    const ids = async (raw: Record<string, string>) => (await listSuppressions(parseSuppressionSearchParams({ q: `list-${stamp}`, ...raw }))).rows.map((r) => r.id);
    expect(await ids({})).toEqual([live.id]);
    expect(await ids({ status: 'expired' })).toEqual([old.id]);
    expect(await ids({ status: 'all', sort: 'createdAt.asc' })).toEqual([live.id, old.id]);
    expect(await ids({ status: 'all', kind: 'path' })).toEqual([old.id]);
    const byName = await listSuppressions(parseSuppressionSearchParams({ q: `SupTool-${stamp}` }));
    expect(byName.rows.find((r) => r.id === live.id)?.entryName).toBe(TASK);
    await deleteSuppression(manager, live.id);
    await deleteSuppression(manager, old.id);
  });

  it('resolves what an outliers row suppresses: the entry, its path or its signer', async () => {
    expect(await suppressionValueForEntry(entryId, 'entry')).toBe(String(entryId));
    expect(await suppressionValueForEntry(entryId, 'path')).toBe(IMAGE);
    expect(await suppressionValueForEntry(entryId, 'signer')).toBe(SIGNER);
  });
});

describe('suppression validation', () => {
  const form = (kind: string, value: string) => createSuppressionFormSchema.safeParse({ kind, value, reason: 'why not', expires: '' });
  it('accepts each kind in its own shape', () => {
    expect(form('entry', '42').success).toBe(true);
    expect(form('path', 'c:\\tools\\*').success).toBe(true);
    expect(form('label', 'role=build').success).toBe(true);
    expect(form('signer', '(Verified) Microsoft Windows').success).toBe(true);
  });
  it('refuses ids that are not numbers, labels without =, wildcard-only paths and control characters', () => {
    expect(form('entry', 'abc').success).toBe(false);
    expect(form('label', 'role').success).toBe(false);
    expect(form('path', '**').success).toBe(false);
    expect(form('signer', 'a\u0007b').success).toBe(false);
    expect(createSuppressionFormSchema.safeParse({ kind: 'entry', value: '1', reason: '', expires: '' }).success).toBe(false);
  });
  it('takes an ISO expiry in the API body and refuses one in the past', () => {
    expect(createSuppressionApiSchema.safeParse({ kind: 'entry', value: '1', reason: 'why not', expiresAt: '2999-01-01T00:00:00Z' }).success).toBe(true);
    expect(createSuppressionApiSchema.safeParse({ kind: 'entry', value: '1', reason: 'why not', expiresAt: '2000-01-01T00:00:00Z' }).success).toBe(false);
  });
});
