import type { EntryHit } from '@/lib/data/entry';

/** Rules that matched any variant, with the catalogue's explanation, severity, ATT&CK id and source rule. */
export function HeuristicHits({ hits }: { hits: EntryHit[] }) {
  return (
    <section className="panel" aria-label="Heuristic hits">
      <h2>Heuristics</h2>
      {hits.length === 0 ? (
        <p className="muted">No heuristic matched any variant of this entry.</p>
      ) : (
        <ul className="hit-list">
          {hits.map((h) => (
            <li key={h.heuristicId}>
              <p>
                <span className="score" data-level={h.severity >= 4 ? 'high' : h.severity >= 3 ? 'medium' : 'low'} title="Severity 1–5">
                  {h.severity}
                </span>{' '}
                <strong>{h.title}</strong> <span className="tag mono">{h.heuristicId}</span>{' '}
                {h.attack && (
                  <a className="tag" href={`https://attack.mitre.org/techniques/${h.attack.replace('.', '/')}/`} target="_blank" rel="noreferrer noopener">
                    {h.attack}
                  </a>
                )}
              </p>
              <p className="muted">{h.explanation}</p>
              <p>
                <code>{h.detail}</code>
                {h.variants > 1 && <span className="muted"> · {h.variants} variants</span>}
              </p>
              {h.reference && <p className="muted">Rule: {h.reference}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
