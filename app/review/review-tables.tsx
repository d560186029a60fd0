import Link from 'next/link';
import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
import { ActionForm } from '@/components/forms/action-form';
import type { ReviewData } from '@/lib/data/triage-review';
import { formatDate } from '@/lib/format/labels';
import { saveTriage } from '../triage/actions';

type Awaiting = ReviewData['awaiting'][number];

const AWAITING_COLUMNS: SimpleColumn<Awaiting>[] = [
  {
    header: 'Entry',
    cell: (r) => (
      <>
        <Link href={`/entries/${r.entryId}`} className="mono">{r.entryName}</Link>
        {r.hostName && <span className="muted"> on {r.hostName}</span>}
      </>
    ),
  },
  {
    header: 'Verdict',
    cell: (r) => (
      <>
        <span className="tag triage-state" data-state={r.verdict}>{r.verdict}</span> {r.isOverdue && <span className="result-error">overdue</span>}
      </>
    ),
  },
  { header: 'By', cell: (r) => r.verdictBy ?? '—' },
  { header: 'When', cell: (r) => (r.verdictAt ? formatDate(r.verdictAt) : '—'), className: 'nowrap' },
  { header: 'Review', cell: (r) => <ReviewActions row={r} />, className: 'review-actions' },
];

function ReviewActions({ row: r }: { row: Awaiting }) {
  return (
    <>
      <ActionForm action={saveTriage} label={`Sign off ${r.entryName}`} className="inline-form">
        <input type="hidden" name="entryId" value={r.entryId} />
        <input type="hidden" name="hostId" value={r.hostId ?? ''} />
        <input type="hidden" name="state" value="closed" />
        <button type="submit" className="primary">Sign off</button>
      </ActionForm>
      <ActionForm action={saveTriage} label={`Send back ${r.entryName}`} className="inline-form">
        <input type="hidden" name="entryId" value={r.entryId} />
        <input type="hidden" name="hostId" value={r.hostId ?? ''} />
        <input type="hidden" name="state" value="in_review" />
        <input name="comment" aria-label="Why send it back" placeholder="why (required)" required />
        <button type="submit">Send back</button>
      </ActionForm>
    </>
  );
}

const ANALYST_COLUMNS: SimpleColumn<ReviewData['byAnalyst'][number]>[] = [
  { header: 'Analyst', cell: (r) => r.analyst },
  { header: 'Open', cell: (r) => r.open, className: 'num' },
  { header: 'Awaiting sign-off', cell: (r) => r.awaiting, className: 'num' },
  { header: 'Closed', cell: (r) => r.closed, className: 'num' },
  { header: 'Overdue', cell: (r) => r.overdue, className: (r) => (r.overdue ? 'num result-error' : 'num') },
];

const FALSE_POSITIVE_COLUMNS: SimpleColumn<ReviewData['falsePositives'][number]>[] = [
  { header: 'Heuristic', cell: (r) => r.heuristic, className: 'mono' },
  { header: 'Decided', cell: (r) => r.decided, className: 'num' },
  { header: 'Benign', cell: (r) => r.benign, className: 'num' },
  { header: 'Rate', cell: (r) => `${Math.round(r.rate * 100)} %`, className: 'num' },
];

/** Items whose verdict waits for a manager: sign off, or send back with a comment. */
export function AwaitingSignOff({ rows }: { rows: ReviewData['awaiting'] }) {
  return (
    <section className="panel" aria-label="Awaiting sign-off">
      <h2>Awaiting sign-off ({rows.length})</h2>
      {rows.length === 0 ? (
        <p className="muted">No verdicts waiting.</p>
      ) : (
        <SimpleTable label="Awaiting sign-off" columns={AWAITING_COLUMNS} rows={rows} rowKey={(r) => r.id} />
      )}
    </section>
  );
}

export function AnalystTable({ rows }: { rows: ReviewData['byAnalyst'] }) {
  return (
    <section className="panel" aria-label="By analyst">
      <h2>By analyst</h2>
      <SimpleTable label="By analyst" columns={ANALYST_COLUMNS} rows={rows} rowKey={(r) => r.analyst} />
    </section>
  );
}

export function FalsePositiveTable({ rows }: { rows: ReviewData['falsePositives'] }) {
  return (
    <section className="panel" aria-label="False-positive rate per heuristic">
      <h2>False-positive rate per heuristic</h2>
      {rows.length === 0 ? (
        <p className="muted">No decided items raised by a heuristic yet.</p>
      ) : (
        <SimpleTable label="False-positive rate per heuristic" columns={FALSE_POSITIVE_COLUMNS} rows={rows} rowKey={(r) => r.heuristic} />
      )}
    </section>
  );
}
