import type { Metadata } from 'next';
import { SeriesChart } from '@/components/charts/series-chart';
import { requireUser } from '@/lib/auth/require-user';
import { getReviewData } from '@/lib/data/triage-review';
import { STATE_LABELS, TRIAGE_STATES } from '@/lib/triage/state-machine';
import { AnalystTable, AwaitingSignOff, FalsePositiveTable } from './review-tables';

export const metadata: Metadata = { title: 'Manager review · Tasklens' };

export default async function ReviewPage() {
  const user = await requireUser('manager');
  const data = await getReviewData(user);
  const states = new Map(data.byState.map((s) => [s.label, s.value]));
  const total = data.byState.reduce((n, s) => n + s.value, 0);
  return (
    <>
      <header className="page-header">
        <h1>Manager review</h1>
        <p className="muted">
          {total === 0 ? 'No triage items yet: they open when someone assigns, comments on or decides an outlier.' : `${total.toLocaleString('en-US')} triage items.`}{' '}
          <a href="/review/export" download>
            Export all items as CSV
          </a>
        </p>
      </header>
      <div className="cards" aria-label="Items by state">
        {TRIAGE_STATES.map((s) => (
          <div className="card" key={s}>
            <div className="label">{STATE_LABELS[s]}</div>
            <div className="value" data-testid={`count-${s}`}>{states.get(s) ?? 0}</div>
          </div>
        ))}
        <div className="card">
          <div className="label">SLA breaches</div>
          <div className={data.slaBreaches ? 'value result-error' : 'value'} data-testid="sla-breaches">{data.slaBreaches}</div>
        </div>
      </div>
      <AwaitingSignOff rows={data.awaiting} />
      <div className="chart-grid">
        <SeriesChart title="Open items per age" unit="items" data={data.aging} emptyText="No open items." />
        <SeriesChart title="Verdicts per week" unit="verdicts" data={data.throughput} emptyText="No verdicts in the last 12 weeks." />
        <SeriesChart title="Items per verdict" unit="items" data={data.verdictMix} emptyText="No verdicts yet." />
      </div>
      <div className="two-col">
        <AnalystTable rows={data.byAnalyst} />
        <FalsePositiveTable rows={data.falsePositives} />
      </div>
    </>
  );
}
