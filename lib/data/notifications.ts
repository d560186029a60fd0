import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NotificationSearch } from '@/lib/validation/notifications';

export interface NotificationRow {
  id: number;
  kind: string;
  message: string;
  entryId: number | null;
  at: string;
  isRead: boolean;
}

export interface NotificationPage {
  rows: NotificationRow[];
  /** Rows matching the view (all or unread), for paging. */
  total: number;
  unread: number;
}

const SELECT = { id: true, kind: true, message: true, createdAt: true, readAt: true, item: { select: { entryId: true } } } as const;
type Selected = Prisma.NotificationGetPayload<{ select: typeof SELECT }>;

const toRow = (n: Selected): NotificationRow => ({ id: n.id, kind: n.kind, message: n.message, entryId: n.item?.entryId ?? null, at: n.createdAt.toISOString(), isRead: n.readAt !== null });

/** The user's unread count and latest notices (the sidebar bell). */
export async function getNotifications(userId: number, limit = 10): Promise<{ unread: number; rows: NotificationRow[] }> {
  const [unread, rows] = await Promise.all([
    db().notification.count({ where: { userId, readAt: null } }),
    db().notification.findMany({ where: { userId }, orderBy: { id: 'desc' }, take: limit, select: SELECT }),
  ]);
  return { unread, rows: rows.map(toRow) };
}

/** One page of the user's notices, newest first (the notifications page); only ever the user's own. */
export async function listNotifications(userId: number, search: NotificationSearch): Promise<NotificationPage> {
  const where = { userId, ...(search.view === 'unread' ? { readAt: null } : {}) };
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({ where, orderBy: { id: 'desc' }, skip: (search.page - 1) * search.size, take: search.size, select: SELECT }),
    db().notification.count({ where }),
    db().notification.count({ where: { userId, readAt: null } }),
  ]);
  return { rows: rows.map(toRow), total, unread };
}

/** Mark one notice read; a notice of another user is left alone (returns false, as for an unknown id). */
export async function markNotificationRead(userId: number, id: number): Promise<boolean> {
  const { count } = await db().notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  return count > 0 || (await db().notification.count({ where: { id, userId } })) > 0;
}

/** Mark all of the user's notices read; a user only ever touches their own. */
export async function markNotificationsRead(userId: number): Promise<void> {
  await db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
