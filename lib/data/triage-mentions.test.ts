import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, disconnectDb } from '@/lib/db/client';
import { createTestUser, ingestCronEntries, type UserPrincipal } from '@/lib/testing/triage-fixtures';
import { listMentionHandles } from './mentions';
import { listNotifications, markNotificationRead, markNotificationsRead } from './notifications';
import { applyTriage } from './triage';

const stamp = Date.now();
let author: UserPrincipal;
let alice: UserPrincipal;
let twinA: UserPrincipal;
let twinB: UserPrincipal;
let entries: number[] = [];

const notices = (u: UserPrincipal) => db().notification.findMany({ where: { userId: u.userId, kind: 'mention' }, orderBy: { id: 'asc' }, select: { itemId: true, message: true } });

beforeAll(async () => {
  author = await createTestUser(`men-author-${stamp}@a.test`, 'analyst');
  alice = await createTestUser(`alice${stamp}@a.test`, 'viewer');
  twinA = await createTestUser(`twin${stamp}@a.test`, 'analyst');
  twinB = await createTestUser(`twin${stamp}@b.test`, 'analyst');
  entries = await ingestCronEntries(`men-${stamp}`, Array.from({ length: 5 }, (_, i) => `/opt/mention-${stamp}/job${i}`));
}, 120_000);
afterAll(disconnectDb);

describe('@mentions in triage comments', () => {
  it('notify the mentioned user by e-mail local part, not the author, not inside code', async () => {
    await applyTriage(author, [entries[0]], { comment: `@alice${stamp} please look; \`@twin${stamp}@b.test\` is code. @men-author-${stamp}`, hostId: null });
    const got = await notices(alice);
    expect(got).toHaveLength(1);
    expect(got[0].message.startsWith(`${author.email} mentioned you: `)).toBe(true);
    expect(got[0].itemId).not.toBeNull();
    expect(await notices(author)).toHaveLength(0);
    expect(await notices(twinB)).toHaveLength(0);
  });

  it('need the whole e-mail when two users share a local part', async () => {
    await applyTriage(author, [entries[1]], { comment: `@twin${stamp} is ambiguous`, hostId: null });
    expect(await notices(twinA)).toHaveLength(0);
    await applyTriage(author, [entries[1]], { comment: `cc @twin${stamp}@b.test`, hostId: null });
    expect(await notices(twinA)).toHaveLength(0);
    expect(await notices(twinB)).toHaveLength(1);
    const handles = await listMentionHandles();
    expect(handles).toEqual(expect.arrayContaining([`alice${stamp}`, `twin${stamp}@a.test`, `twin${stamp}@b.test`]));
    expect(handles).not.toContain(`twin${stamp}`);
  });

  it('send one summary for a bulk comment over many items', async () => {
    await applyTriage(author, entries, { comment: `bulk note for @alice${stamp}`, hostId: null }, null, false);
    const got = await notices(alice);
    expect(got).toHaveLength(2);
    expect(got[1]).toEqual({ itemId: null, message: `${author.email} mentioned you in a comment on 5 triage items` });
  });

  it('are listed per page, read one by one or all at once, and only by their user', async () => {
    const all = await listNotifications(alice.userId, { view: 'all', page: 1, size: 25 });
    expect(all).toMatchObject({ total: 2, unread: 2 });
    expect(all.rows[0].message).toMatch(/5 triage items/);
    expect(all.rows[1].entryId).toBe(entries[0]);
    const page2 = await listNotifications(alice.userId, { view: 'all', page: 2, size: 25 });
    expect(page2.rows).toHaveLength(0);

    expect(await markNotificationRead(author.userId, all.rows[0].id)).toBe(false);
    expect(await markNotificationRead(alice.userId, all.rows[0].id)).toBe(true);
    const unread = await listNotifications(alice.userId, { view: 'unread', page: 1, size: 25 });
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    await markNotificationsRead(alice.userId);
    expect(await listNotifications(alice.userId, { view: 'unread', page: 1, size: 25 })).toMatchObject({ total: 0, unread: 0, rows: [] });
  });
});
