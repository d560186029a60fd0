import Link from 'next/link';
import { ActionForm } from '@/components/forms/action-form';
import type { ReviewData } from '@/lib/data/triage-review';
import { formatDate } from '@/lib/format/labels';
import { saveTriage } from '../triage/actions';

/** Items whose verdict waits for a manager: sign off, or send back with a comment. */
export function AwaitingSignOff({ rows }: { rows: ReviewData['awaiting'] }) {
  return (
    <section className="panel" aria-label="Awaiting sign-off">
      <h2>Awaiting sign-off ({rows.length})</h2>
      {rows.length === 0 ? (
        <p className="muted">No verdicts waiting.</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Verdict</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/entries/${r.entryId}`} className="mono">{r.entryName}</Link>
                  {r.hostName && <span className="muted"> on {r.hostName}</span>}
                </td>
                <td>
                  <span className="tag triage-state" data-state={r.verdict}>{r.verdict}</span> {r.isOverdue && <span className="result-error">overdue</span>}
                </td>
                <td>{r.verdictBy ?? '—'}</td>
                <td className="nowrap">{r.verdictAt ? formatDate(r.verdictAt) : '—'}</td>
                <td className="review-actions">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AnalystTable({ rows }: { rows: ReviewData['byAnalyst'] }) {
  return (
    <section className="panel" aria-label="By analyst">
      <h2>By analyst</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">Analyst</th>
            <th scope="col">Open</th>
            <th scope="col">Awaiting sign-off</th>
            <th scope="col">Closed</th>
            <th scope="col">Overdue</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.analyst}>
              <td>{r.analyst}</td>
              <td className="num">{r.open}</td>
              <td className="num">{r.awaiting}</td>
              <td className="num">{r.closed}</td>
              <td className={r.overdue ? 'num result-error' : 'num'}>{r.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Heuristic</th>
              <th scope="col">Decided</th>
              <th scope="col">Benign</th>
              <th scope="col">Rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.heuristic}>
                <td className="mono">{r.heuristic}</td>
                <td className="num">{r.decided}</td>
                <td className="num">{r.benign}</td>
                <td className="num">{Math.round(r.rate * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
