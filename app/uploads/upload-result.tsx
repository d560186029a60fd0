import Link from 'next/link';
import type { UploadRow } from '@/lib/data/uploads';

const STATUS_TEXT: Record<string, string> = {
  done: 'Ingested',
  partial: 'Ingested with files that could not be read',
  duplicate: 'Already ingested, nothing new',
  failed: 'Failed',
};

/** What the server made of one upload: snapshots per host, duplicates, warnings, or the error. */
export function UploadResult({ upload }: { upload: UploadRow }) {
  const isFailed = upload.status === 'failed';
  return (
    <div role="status" className="upload-result">
      <p className={isFailed ? 'result-error' : upload.status === 'done' ? 'result-ok' : 'result-warn'}>
        {STATUS_TEXT[upload.status] ?? upload.status}: <span className="mono">{upload.fileName}</span>
        {upload.message ? ` — ${upload.message}` : ''}
      </p>
      {upload.snapshots.length > 0 && (
        <ul>
          {upload.snapshots.map((s) => (
            <li key={s.id}>
              {s.entryCount} entries for <Link href={`/inventory?host=${encodeURIComponent(s.host)}`}>{s.host}</Link> <span className="tag">{s.source}</span>
              {s.warningCount > 0 && <span className="result-warn"> · {s.warningCount} warnings</span>}
            </li>
          ))}
        </ul>
      )}
      {upload.warnings.length > 0 && (
        <details>
          <summary>{upload.warnings.length} file warnings</summary>
          <ul>
            {upload.warnings.slice(0, 50).map((w, i) => (
              <li key={i}>
                <span className="mono">{w.file}</span>
                {w.line ? `:${w.line}` : ''} — {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
