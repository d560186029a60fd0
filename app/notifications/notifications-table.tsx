import Link from 'next/link';
import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
import { ActionForm } from '@/components/forms/action-form';
import type { NotificationRow } from '@/lib/data/notifications';
import { formatDateTime } from '@/lib/format/labels';
import { markRead } from './actions';

const KIND_LABELS: Record<string, string> = { assigned: 'Assigned', sent_back: 'Sent back', reopened: 'Re-opened', mention: 'Mention' };

// Messages carry entry names (host-reported): rendered as text only.
const COLUMNS: readonly SimpleColumn<NotificationRow>[] = [
  { header: 'When', cell: (n) => formatDateTime(n.at), className: 'nowrap' },
  { header: 'Kind', cell: (n) => <span className="tag">{KIND_LABELS[n.kind] ?? n.kind}</span>, className: 'nowrap' },
  { header: 'Notice', cell: (n) => <Link href={n.entryId ? `/entries/${n.entryId}` : '/triage?view=mine'}>{n.isRead ? n.message : <strong>{n.message}</strong>}</Link> },
  {
    header: 'Status',
    className: 'nowrap',
    cell: (n) =>
      n.isRead ? (
        <span className="muted">read</span>
      ) : (
        <ActionForm action={markRead} label={`Mark read: ${n.message}`}>
          <input type="hidden" name="id" value={n.id} />
          <button type="submit" className="link-button">
            Mark read
          </button>
        </ActionForm>
      ),
  },
];

export function NotificationsTable({ rows, view }: { rows: NotificationRow[]; view: 'all' | 'unread' }) {
  return (
    <SimpleTable
      label="Notifications"
      columns={COLUMNS}
      rows={rows}
      rowKey={(n) => n.id}
      frame=""
      className="wrap notifications-table"
      empty={view === 'unread' ? 'Nothing unread: you are up to date.' : 'No notifications yet. Assignments, send-backs, re-opened items and @mentions of you show up here.'}
    />
  );
}
