import { z } from 'zod';
import { pageSchema, pageSizeSchema, toQueryString, type RawSearchParams } from './table-params';

export const NOTIFICATION_VIEWS = ['all', 'unread'] as const;

export const notificationSearchSchema = z.object({
  view: z.enum(NOTIFICATION_VIEWS).catch('all'),
  page: pageSchema,
  size: pageSizeSchema,
});
export type NotificationSearch = z.infer<typeof notificationSearchSchema>;

export function parseNotificationSearchParams(raw: RawSearchParams): NotificationSearch {
  return notificationSearchSchema.parse(raw);
}

export function serializeNotificationSearchParams(s: Partial<NotificationSearch>): string {
  return toQueryString({ view: s.view === 'unread' ? 'unread' : null, page: s.page && s.page > 1 ? s.page : null, size: s.size && s.size !== 50 ? s.size : null });
}

export const notificationIdSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
