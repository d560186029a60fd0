import Link from 'next/link';
import type { UploadAnswer } from '@/lib/api-client';

export interface UploadOutcome extends UploadAnswer {
  fileName: string;
}

interface SnapshotSummary {
  snapshotId: number;
  host: string;
  source: string;
  entries: number;
  isDuplicate: boolean;
  warnings: { line?: number | null; message: string }[];
}

/** What the server said about one upload: snapshots per host, duplicates, warnings, or the error. */
export function UploadResult({ outcome }: { outcome: UploadOutcome }) {
  const body = (outcome.body ?? {}) as { snapshots?: SnapshotSummary[]; message?: string; line?: number };
  if (!outcome.ok) {
    return (
      <p role="alert" className="result-error">
        {outcome.fileName}: {body.message ?? `upload failed (HTTP ${outcome.status})`}
        {body.line ? ` (line ${body.line})` : ''}
      </p>
    );
  }
  return (
    <div role="status">
      {(body.snapshots ?? []).map((s) => (
        <p key={s.snapshotId} className={s.isDuplicate ? 'result-warn' : 'result-ok'}>
          {s.isDuplicate ? 'Already ingested, nothing new: ' : 'Ingested '}
          {s.entries} entries for <Link href={`/inventory?host=${encodeURIComponent(s.host)}`}>{s.host}</Link> ({s.source})
          {s.warnings.length > 0 && ` with ${s.warnings.length} warnings: ${s.warnings.slice(0, 3).map((w) => w.message).join('; ')}`}
        </p>
      ))}
    </div>
  );
}
