import { ScoreChips } from '@/app/outliers/score-chips';
import type { EntryIdentity } from '@/lib/data/entry';
import type { OutlierRow } from '@/lib/data/outliers';
import { formatDateTime } from '@/lib/format/labels';

/** Identity (normalized and raw, as text) next to the score, its parts and its reasons. */
export function EntryIdentityPanel({ entry, score }: { entry: EntryIdentity; score: OutlierRow | null }) {
  return (
    <div className="two-col">
      <section className="panel" aria-label="Identity">
        <h2>Identity</h2>
        <dl className="kv">
          <dt>Name (raw)</dt>
          <dd className="mono">{entry.name}</dd>
          <dt>Command (raw)</dt>
          <dd><code>{entry.command}</code></dd>
          <dt>Normalized name</dt>
          <dd className="mono">{entry.normName}</dd>
          <dt>Normalized command</dt>
          <dd><code>{entry.normCommand}</code></dd>
          <dt>Executable</dt>
          <dd className="mono">{entry.executable}</dd>
          <dt>First seen</dt>
          <dd>{formatDateTime(entry.firstSeenAt)}</dd>
          <dt>Last seen</dt>
          <dd>{entry.lastSeenAt ? formatDateTime(entry.lastSeenAt) : 'present now'}</dd>
          <dt>Prevalence</dt>
          <dd>
            on <strong>{entry.hostsNow.toLocaleString('en-US')}</strong> of {entry.familyHosts.toLocaleString('en-US')} hosts reporting this family now;{' '}
            {entry.hostsEver.toLocaleString('en-US')} ever
          </dd>
        </dl>
      </section>
      <section className="panel" aria-label="Score">
        <h2>Score</h2>
        {score ? (
          <>
            <p>
              <span className="score score-big" data-level={score.score >= 60 ? 'high' : score.score >= 40 ? 'medium' : 'low'}>
                {score.score.toFixed(0)}
              </span>
              {score.isSuppressed && <span className="tag"> suppressed</span>}
            </p>
            <ScoreChips row={score} />
            <table className="data-table compact" aria-label="Score parts">
              <tbody>
                {Object.entries(score.parts).map(([part, value]) => (
                  <tr key={part}>
                    <th scope="row">{part}</th>
                    <td className="num">{value.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">No host has this entry any more, so it has no current score. Its history is below.</p>
        )}
      </section>
    </div>
  );
}
