import Link from 'next/link';
import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
import type { HostSnapshot } from '@/lib/data/host-detail';
import { formatDateTime } from '@/lib/format/labels';

const COLUMNS: SimpleColumn<HostSnapshot>[] = [
  { header: 'Source', cell: (s) => <span className="tag">{s.source}</span> },
  { header: 'Collected', cell: (s) => formatDateTime(s.collectedAt) },
  { header: 'Entries', cell: (s) => s.entryCount, className: 'num' },
  { header: 'File', cell: (s) => <span title={`sha256 ${s.contentHash}`}>{s.fileName}</span>, className: 'mono cell-name' },
  { header: 'Upload', cell: (s) => (s.uploadId ? `#${s.uploadId} ${s.uploadFileName ?? ''}` : '—'), className: 'mono' },
  { header: 'Warnings', cell: (s) => (s.warningCount > 0 ? <span className="result-warn">{s.warningCount}</span> : 0), className: 'num' },
  { header: 'Parser', cell: (s) => s.parserVersion, className: 'mono' },
];

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
        <SimpleTable label="Snapshots of this host" columns={COLUMNS} rows={snapshots} rowKey={(s) => s.id} frame="scroll-y" />
      )}
    </section>
  );
}
