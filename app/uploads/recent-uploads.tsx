import Link from 'next/link';
import type { UploadRow } from '@/lib/data/uploads';
import { formatDateTime } from '@/lib/format/labels';

export function RecentUploads({ uploads }: { uploads: UploadRow[] }) {
  return (
    <section className="panel" aria-labelledby="recent-uploads">
      <h2 id="recent-uploads">Recent uploads</h2>
      {uploads.length === 0 ? (
        <p className="muted">Nothing uploaded yet. Drop a file above to create the first snapshot.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Received</th>
                <th scope="col">Status</th>
                <th scope="col">Snapshots</th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.id}>
                  <td className="mono">{u.fileName}</td>
                  <td>{formatDateTime(u.createdAt)}</td>
                  <td>
                    {u.status}
                    {u.message ? <span className="muted"> · {u.message}</span> : null}
                  </td>
                  <td>
                    {u.snapshots.map((s) => (
                      <div key={s.id}>
                        <Link href={`/inventory?host=${encodeURIComponent(s.host)}`} className="mono">
                          {s.host}
                        </Link>{' '}
                        <span className="tag">{s.source}</span> {s.entryCount} entries
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
    </section>
  );
}
