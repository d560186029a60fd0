import type { Metadata } from 'next';
import Link from 'next/link';
import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
import { requireUser } from '@/lib/auth/require-user';
import { listAuditEvents, type AuditRow } from '@/lib/data/audit';
import { AUDIT_PAGE_SIZE, auditFilterOf, parseAuditSearchParams, serializeAuditSearch } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log · Tasklens' };

const COLUMNS: SimpleColumn<AuditRow>[] = [
  { header: 'Time (UTC)', cell: (e) => e.at.slice(0, 19).replace('T', ' '), className: 'num' },
  { header: 'Actor', cell: (e) => e.actor },
  { header: 'Action', cell: (e) => e.action, className: 'mono' },
  { header: 'Target', cell: (e) => e.target },
  { header: 'Address', cell: (e) => e.ip, className: 'mono' },
  { header: 'Details', cell: (e) => <span className="cell-command">{e.details === '{}' ? '' : e.details}</span>, className: 'mono' },
];

export default async function AuditPage({ searchParams }: PageProps<'/admin/audit'>) {
  const user = await requireUser('manager');
  const search = parseAuditSearchParams(await searchParams);
  const { rows, total } = await listAuditEvents(user, auditFilterOf(search));
  const first = (search.page - 1) * AUDIT_PAGE_SIZE;
  const hasNext = first + rows.length < total;
  return (
    <>
      <header className="page-header">
        <h1>Audit log</h1>
        <p className="muted">Sign-ins, user and token changes, uploads and settings. Entries cannot be changed or deleted.</p>
      </header>
      <form className="toolbar" method="get" aria-label="Filter the audit log">
        <input name="actor" aria-label="Actor" placeholder="actor" defaultValue={search.actor} />
        <input name="action" aria-label="Action" placeholder="action, e.g. auth.login" defaultValue={search.action} />
        <label>
          From <input name="from" type="date" aria-label="From" defaultValue={search.from} />
        </label>
        <label>
          To <input name="to" type="date" aria-label="To" defaultValue={search.to} />
        </label>
        <button type="submit">Filter</button>
        <a className="button" href={`/admin/audit/export${serializeAuditSearch(search, 1)}`} download>
          Export CSV
        </a>
      </form>
      <SimpleTable label="Audit events" columns={COLUMNS} rows={rows} rowKey={(e) => e.id} empty="No events match these filters." isCompact={false} frame="" />
      <nav className="pagination" aria-label="Pagination">
        <span className="muted">{total === 0 ? 'No events' : `${first + 1}–${first + rows.length} of ${total}`}</span>
        {search.page > 1 && <Link href={`/admin/audit${serializeAuditSearch(search, search.page - 1)}`}>Previous</Link>}
        {hasNext && <Link href={`/admin/audit${serializeAuditSearch(search, search.page + 1)}`}>Next</Link>}
      </nav>
    </>
  );
}
