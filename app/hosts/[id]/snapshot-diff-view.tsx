import Link from 'next/link';
import type { HostSnapshot } from '@/lib/data/host-detail';
import type { ChangePage } from '@/lib/data/snapshot-diff';
import { CHANGE_KINDS, serializeHostDetailSearchParams, type HostDetailSearch } from '@/lib/validation/host-detail';
import { DiffPager } from './diff-pager';
import { DiffPicker } from './diff-picker';

const FIELD_LABELS: Record<string, string> = { image_path: 'image path', run_as: 'run as', sha256: 'SHA-256' };

/** Quick picks: the first and the last snapshot of each source. */
function firstLastLinks(search: HostDetailSearch, snapshots: HostSnapshot[]) {
  const bySource = new Map<string, HostSnapshot[]>();
  for (const s of snapshots) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s]);
  return [...bySource.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([source, list]) => ({ source, href: serializeHostDetailSearchParams({ ...search, from: list.at(-1)!.id, to: list[0].id, change: undefined, cpage: 1 }) }));
}

/** All changes, or one kind of them, with how many of each: links, so the filter is in the URL and works without script. */
function KindFilter({ search, counts }: { search: HostDetailSearch; counts: ChangePage['counts'] }) {
  const all = CHANGE_KINDS.reduce((n, k) => n + counts[k], 0);
  const choices = [{ kind: undefined, label: 'all', n: all }, ...CHANGE_KINDS.filter((k) => counts[k] > 0).map((k) => ({ kind: k, label: k, n: counts[k] }))];
  return (
    <p className="toolbar" aria-label="Kind of change">
      {choices.map((c) => (
        <Link
          key={c.label}
          href={serializeHostDetailSearchParams({ ...search, change: c.kind, cpage: 1 })}
          className={`tag${c.kind ? ` change-${c.kind}` : ''}`}
          aria-current={search.change === c.kind ? 'true' : undefined}
          scroll={false}
        >
          {c.label} {c.n.toLocaleString('en-US')}
        </Link>
      ))}
    </p>
  );
}

/** The changes of a valid pair: none at all, or the kind filter and one page of the chosen kind. */
function DiffResult({ search, changes }: { search: HostDetailSearch; changes: ChangePage }) {
  if (changes.total === 0 && !search.change) return <p className="muted">No differences between these two snapshots.</p>;
  return (
    <>
      <KindFilter search={search} counts={changes.counts} />
      {changes.total === 0 ? (
        <p className="muted">No {search.change} entries between these two snapshots.</p>
      ) : (
        <>
          <table className="data-table compact wrap" aria-label="Changes">
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Entry</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {changes.rows.map((c) => (
                <tr key={`${c.kind}-${c.entryId}`} data-kind={c.kind}>
                  <td><span className={`tag change-${c.kind}`}>{c.kind}</span></td>
                  <td>
                    <Link href={`/entries/${c.entryId}`} className="mono">{c.name}</Link>
                  </td>
                  <td>
                    {c.fields.length === 0 ? (
                      <code>{c.command}</code>
                    ) : (
                      <ul className="field-diff">
                        {c.fields.map((f) => (
                          <li key={f.field}>
                            <span className="muted">{FIELD_LABELS[f.field] ?? f.field}:</span> <del><code>{f.from ?? '—'}</code></del> → <ins><code>{f.to ?? '—'}</code></ins>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <DiffPager search={search} total={changes.total} />
        </>
      )}
    </>
  );
}

/** The diff between two snapshots of one source: added, removed, modified, enabled, disabled, with from → to. */
export function SnapshotDiffView({ search, snapshots, changes, problem }: { search: HostDetailSearch; snapshots: HostSnapshot[]; changes: ChangePage | null; problem: string | null }) {
  const quick = firstLastLinks(search, snapshots);
  return (
    <section className="panel" aria-label="Snapshot diff">
      <h2>Compare two snapshots</h2>
      <DiffPicker search={search} snapshots={snapshots} />
      {quick.length > 0 && (
        <p className="muted">
          First and last:{' '}
          {quick.map((q) => (
            <Link key={q.source} href={q.href} className="tag" scroll={false}>
              {q.source}
            </Link>
          ))}
        </p>
      )}
      {problem && <p className="result-error">{problem}</p>}
      {changes && <DiffResult search={search} changes={changes} />}
    </section>
  );
}
