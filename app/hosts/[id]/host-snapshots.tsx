import Link from 'next/link';
import type { HostSnapshot } from '@/lib/data/host-detail';
import { formatDateTime } from '@/lib/format/labels';

/** Every snapshot with its provenance: the file it was parsed from, the upload, warnings and parser version. */
export function HostSnapshots({ snapshots }: { snapshots: HostSnapshot[] }) {
  return (
    <section className="panel" aria-label="Snapshots">
      <h2>
        Snapshots <span className="muted">({snapshots.length})</span>
      </h2>
      {snapshots.length === 0 ? (
        <p className="muted">
          No snapshots. <Link href="/uploads">Upload an export</Link> from this host.
        </p>
      ) : (
        <div className="table-wrap scroll-y">
          <table className="data-table compact">
            <caption className="sr-only">Snapshots of this host</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Collected</th>
                <th scope="col">Entries</th>
                <th scope="col">File</th>
                <th scope="col">Upload</th>
                <th scope="col">Warnings</th>
                <th scope="col">Parser</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id}>
                  <td><span className="tag">{s.source}</span></td>
                  <td>{formatDateTime(s.collectedAt)}</td>
                  <td className="num">{s.entryCount}</td>
                  <td className="mono cell-name" title={`sha256 ${s.contentHash}`}>{s.fileName}</td>
                  <td className="mono">{s.uploadId ? `#${s.uploadId} ${s.uploadFileName ?? ''}` : '—'}</td>
                  <td className="num">{s.warningCount > 0 ? <span className="result-warn">{s.warningCount}</span> : 0}</td>
                  <td className="mono">{s.parserVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
