import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/require-user';
import { listAuditEvents } from '@/lib/data/audit';
import { AUDIT_PAGE_SIZE, auditFilterOf, parseAuditSearchParams, serializeAuditSearch } from '@/lib/validation/audit';

export const metadata: Metadata = { title: 'Audit log · Tasklens' };

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
      <div className="table-wrap">
        <table className="data-table" aria-label="Audit events">
          <thead>
            <tr>
              <th>Time (UTC)</th>
              <th>Actor</th>
              <th>Action</th>
              <th>Target</th>
              <th>Address</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="empty-cell">
                  No events match these filters.
                </td>
              </tr>
            )}
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="num">{e.at.slice(0, 19).replace('T', ' ')}</td>
                <td>{e.actor}</td>
                <td className="mono">{e.action}</td>
                <td>{e.target}</td>
                <td className="mono">{e.ip}</td>
                <td className="mono cell-command">{e.details === '{}' ? '' : e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Pagination">
        <span className="muted">{total === 0 ? 'No events' : `${first + 1}–${first + rows.length} of ${total}`}</span>
        {search.page > 1 && <Link href={`/admin/audit${serializeAuditSearch(search, search.page - 1)}`}>Previous</Link>}
        {hasNext && <Link href={`/admin/audit${serializeAuditSearch(search, search.page + 1)}`}>Next</Link>}
      </nav>
    </>
  );
}
