import type { CoverageRow } from '@/lib/data/overview';

/** Which sources report on time: snapshots fresh (≤ 1 day behind the latest collection), stale (≤ 7 days), old, or never sent. */
export function CoveragePanel({ rows }: { rows: CoverageRow[] }) {
  return (
    <section className="panel" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Coverage by source</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Fresh (≤ 1 day)</th>
            <th scope="col">Stale (≤ 7 days)</th>
            <th scope="col">Old (&gt; 7 days)</th>
            <th scope="col">Never sent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.source}>
              <td>
                <span className="tag">{r.source}</span>
              </td>
              <td className="num">{r.fresh.toLocaleString('en-US')}</td>
              <td className={r.stale ? 'num result-warn' : 'num'}>{r.stale.toLocaleString('en-US')}</td>
              <td className={r.old ? 'num result-error' : 'num'}>{r.old.toLocaleString('en-US')}</td>
              <td className={r.missing ? 'num result-error' : 'num'} title="hosts of an OS family that sends this source, without any snapshot of it">
                {r.missing.toLocaleString('en-US')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
