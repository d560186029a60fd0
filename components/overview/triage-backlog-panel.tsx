import Link from 'next/link';
import type { TriageBacklog } from '@/lib/data/overview';
import { TRIAGE_STATES } from '@/lib/triage/state-machine';

const LABEL: Record<string, string> = { new: 'New', in_review: 'In review', benign: 'Benign', suspicious: 'Suspicious', malicious: 'Malicious', closed: 'Closed' };

/** The triage backlog by state (each a link to that queue), with what needs a manager: overdue and unassigned items. */
export function TriageBacklogPanel({ backlog }: { backlog: TriageBacklog }) {
  const count = (state: string) => backlog.byState.find((s) => s.state === state)?.count ?? 0;
  return (
    <section className="panel" aria-labelledby="backlog-title">
      <h2 id="backlog-title">Triage backlog</h2>
      <ul className="backlog" aria-label="Triage items by state">
        {TRIAGE_STATES.map((state) => (
          <li key={state}>
            <Link href={`/triage?view=all&state=${state}`}>
              <span className="value">{count(state).toLocaleString('en-US')}</span> {LABEL[state]}
            </Link>
          </li>
        ))}
      </ul>
      <p className="muted">
        <span className={backlog.overdue ? 'result-error' : undefined}>{backlog.overdue.toLocaleString('en-US')} overdue</span> ·{' '}
        <Link href="/triage?view=unassigned">{backlog.unassigned.toLocaleString('en-US')} open and unassigned</Link> · outliers not yet triaged are on{' '}
        <Link href="/outliers?state=new">Outliers</Link>.
      </p>
    </section>
  );
}
