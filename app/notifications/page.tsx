import type { Metadata } from 'next';
import Link from 'next/link';
import { readNotifications } from '@/app/triage/actions';
import { ActionForm } from '@/components/forms/action-form';
import { requireUser } from '@/lib/auth/require-user';
import { listNotifications } from '@/lib/data/notifications';
import { parseNotificationSearchParams, serializeNotificationSearchParams } from '@/lib/validation/notifications';
import { NotificationsTable } from './notifications-table';

export const metadata: Metadata = { title: 'Notifications · Tasklens' };

export default async function NotificationsPage({ searchParams }: PageProps<'/notifications'>) {
  const user = await requireUser('viewer');
  const search = parseNotificationSearchParams(await searchParams);
  const page = await listNotifications(user.userId, search);
  const pages = Math.max(1, Math.ceil(page.total / search.size));
  const href = (patch: Partial<typeof search>) => `/notifications${serializeNotificationSearchParams({ ...search, ...patch })}`;
  return (
    <>
      <header className="page-header">
        <h1>Notifications</h1>
        <p className="muted">Triage items assigned to you, sent back to you, re-opened by a drift, and comments that mention you. {page.unread} unread.</p>
      </header>
      <div className="toolbar notifications-toolbar">
        <nav className="segmented" aria-label="Show">
          <Link className="button" href={href({ view: 'all', page: 1 })} aria-current={search.view === 'all' ? 'page' : undefined}>
            All
          </Link>
          <Link className="button" href={href({ view: 'unread', page: 1 })} aria-current={search.view === 'unread' ? 'page' : undefined}>
            Unread ({page.unread})
          </Link>
        </nav>
        {page.unread > 0 && (
          <ActionForm action={readNotifications} label="Mark all notifications read">
            <button type="submit">Mark all read</button>
          </ActionForm>
        )}
      </div>
      <NotificationsTable rows={page.rows} view={search.view} />
      {page.total > 0 && (
        <nav className="pagination" aria-label="Pagination">
          <span className="muted">
            {((search.page - 1) * search.size + 1).toLocaleString('en-US')}–{Math.min(page.total, search.page * search.size).toLocaleString('en-US')} of{' '}
            {page.total.toLocaleString('en-US')}
          </span>
          {search.page > 1 ? <Link href={href({ page: search.page - 1 })}>Newer</Link> : <span className="pager-off">Newer</span>}
          <span aria-current="page">
            Page {search.page} of {pages}
          </span>
          {search.page < pages ? <Link href={href({ page: search.page + 1 })}>Older</Link> : <span className="pager-off">Older</span>}
        </nav>
      )}
    </>
  );
}
