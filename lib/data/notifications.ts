import 'server-only';
import { db } from '@/lib/db/client';

export interface NotificationRow {
  id: number;
  kind: string;
  message: string;
  entryId: number | null;
  at: string;
  isRead: boolean;
}

/** The user's unread count and latest notices (the sidebar bell). */
export async function getNotifications(userId: number, limit = 10): Promise<{ unread: number; rows: NotificationRow[] }> {
  const [unread, rows] = await Promise.all([
    db().notification.count({ where: { userId, readAt: null } }),
    db().notification.findMany({
      where: { userId },
      orderBy: { id: 'desc' },
      take: limit,
      select: { id: true, kind: true, message: true, createdAt: true, readAt: true, item: { select: { entryId: true } } },
    }),
  ]);
  return { unread, rows: rows.map((n) => ({ id: n.id, kind: n.kind, message: n.message, entryId: n.item?.entryId ?? null, at: n.createdAt.toISOString(), isRead: n.readAt !== null })) };
}

/** Mark all of the user's notices read; a user only ever touches their own. */
export async function markNotificationsRead(userId: number): Promise<void> {
  await db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
