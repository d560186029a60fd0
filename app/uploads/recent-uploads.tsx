import Link from 'next/link';
import type { UploadView } from '@/lib/data/uploads';
import { formatDateTime } from '@/lib/format/labels';

interface Props {
  uploads: UploadView[];
  page: number;
  pages: number;
  total: number;
}

/** The history of uploads, newest first, paged on the server through `?page=`. */
export function RecentUploads({ uploads, page, pages, total }: Props) {
  return (
    <section className="panel" aria-labelledby="recent-uploads">
      <h2 id="recent-uploads">Upload history</h2>
      {uploads.length === 0 ? (
        <p className="muted">{total === 0 ? 'Nothing uploaded yet. Drop a file above to create the first snapshot.' : 'No uploads on this page.'}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Received</th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col">Snapshots</th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.id}>
                  <td className="mono">{u.fileName}</td>
                  <td>{formatDateTime(u.createdAt)}</td>
                  <td>{u.uploadedBy}</td>
                  <td>
                    {u.outcome ?? u.status}
                    {u.message ? <span className="muted"> · {u.message}</span> : null}
                  </td>
                  <td>
                    {u.snapshots.map((s) => (
                      <div key={s.id}>
                        <Link href={`/inventory?host=${encodeURIComponent(s.host)}`} className="mono">
                          {s.host}
                        </Link>{' '}
                        <span className="tag">{s.source}</span> {s.entries} entries
                        {s.warningCount > 0 && <span className="result-warn"> · {s.warningCount} warnings</span>}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label="Upload history pages">
          <span className="muted">{total.toLocaleString('en-US')} uploads</span>
          {page > 1 ? <Link href={`/uploads?page=${page - 1}`}>Previous</Link> : <span className="muted">Previous</span>}
          <span aria-current="page">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/uploads?page=${page + 1}`}>Next</Link> : <span className="muted">Next</span>}
        </nav>
      )}
    </section>
  );
}
