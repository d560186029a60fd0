import Link from 'next/link';
import { readNotifications } from '@/app/triage/actions';
import { ActionForm } from '@/components/forms/action-form';
import { getNotifications } from '@/lib/data/notifications';
import { formatDateTime } from '@/lib/format/labels';

/** The sidebar bell: unread count and latest notices (assignments, send-backs, re-opens, mentions), with the way to all of them. */
export async function NotificationBell({ userId }: { userId: number }) {
  const { unread, rows } = await getNotifications(userId);
  return (
    <details className="notification-bell">
      <summary aria-label={`Notifications: ${unread} unread`}>
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>{' '}
        Notifications {unread > 0 && <span className="chip-count" data-testid="unread-count">{unread}</span>}
      </summary>
      <div className="notification-list">
        {rows.length === 0 && <p className="muted">Nothing yet.</p>}
        <ul>
          {rows.map((n) => (
            <li key={n.id} data-unread={!n.isRead || undefined}>
              {n.entryId ? <Link href={`/entries/${n.entryId}`}>{n.message}</Link> : <Link href="/triage?view=mine">{n.message}</Link>}
              <span className="muted"> · {formatDateTime(n.at)}</span>
            </li>
          ))}
        </ul>
        <div className="notification-footer">
          <Link href="/notifications">All notifications</Link>
          {unread > 0 && (
            <ActionForm action={readNotifications} label="Mark notifications read">
              <button type="submit" className="link-button">
                Mark all read
              </button>
            </ActionForm>
          )}
        </div>
      </div>
    </details>
  );
}
