import Link from 'next/link';
import type { UploadView } from '@/lib/data/uploads';

const OUTCOME_TEXT: Record<string, string> = {
  ingested: 'Ingested',
  partial: 'Ingested with files that could not be read',
  duplicate: 'Already ingested, nothing new',
  failed: 'Failed',
};

/** What the server made of one upload: snapshots per host, duplicates, warnings, or the errors. */
export function UploadResult({ upload }: { upload: UploadView }) {
  const tone = upload.outcome === 'failed' ? 'result-error' : upload.outcome === 'ingested' ? 'result-ok' : 'result-warn';
  return (
    <div role="status" className="upload-result">
      <p className={tone}>
        {OUTCOME_TEXT[upload.outcome ?? ''] ?? upload.status}: <span className="mono">{upload.fileName}</span>
        {upload.message ? ` — ${upload.message}` : ''}
      </p>
      {upload.snapshots.length > 0 && (
        <ul>
          {upload.snapshots.map((s) => (
            <li key={s.id}>
              {s.entries} entries for <Link href={`/inventory?host=${encodeURIComponent(s.host)}`}>{s.host}</Link> <span className="tag">{s.source}</span>
              {s.warningCount > 0 && <span className="result-warn"> · {s.warningCount} warnings</span>}
            </li>
          ))}
        </ul>
      )}
      {upload.errors.length > 0 && (
        <details open={upload.outcome === 'failed'}>
          <summary>{upload.errors.length === 1 ? '1 problem' : `${upload.errors.length} problems`}</summary>
          <ul>
            {upload.errors.slice(0, 50).map((w, i) => (
              <li key={i}>
                {w.file && <span className="mono">{w.file}</span>}
                {w.line ? `:${w.line}` : ''} — {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
