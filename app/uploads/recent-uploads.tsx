import Link from 'next/link';
import type { UploadView } from '@/lib/data/uploads';
import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
import { formatDateTime } from '@/lib/format/labels';

const COLUMNS: SimpleColumn<UploadView>[] = [
  { header: 'File', className: 'mono', cell: (u) => u.fileName },
  { header: 'Received', cell: (u) => formatDateTime(u.createdAt) },
  { header: 'By', cell: (u) => u.uploadedBy },
  {
    header: 'Status',
    cell: (u) => (
      <>
        {u.outcome ?? u.status}
        {u.message ? <span className="muted"> · {u.message}</span> : null}
      </>
    ),
  },
  {
    header: 'Snapshots',
    cell: (u) =>
      u.snapshots.map((s) => (
        <div key={s.id}>
          <Link href={`/inventory?host=${encodeURIComponent(s.host)}`} className="mono">
            {s.host}
          </Link>{' '}
          <span className="tag">{s.source}</span> {s.entries} entries
          {s.warningCount > 0 && <span className="result-warn"> · {s.warningCount} warnings</span>}
        </div>
      )),
  },
];

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
      <SimpleTable
        label="Uploads"
        columns={COLUMNS}
        rows={uploads}
        rowKey={(u) => u.id}
        isCompact={false}
        frame=""
        empty={total === 0 ? 'Nothing uploaded yet. Drop a file above to create the first snapshot.' : 'No uploads on this page.'}
      />
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
