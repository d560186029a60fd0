import type { PeerPrevalence } from '@/lib/data/peer-groups';
import { familyLabel } from '@/lib/format/labels';

/** Prevalence within each peer group: rare among finance hosts can matter even when common in IT. */
export function PeerGroups({ groups, family }: { groups: PeerPrevalence[]; family: string }) {
  return (
    <section className="panel" aria-label="Peer groups">
      <h2>Peer groups</h2>
      {groups.length === 0 ? (
        <p className="muted">No host reporting {familyLabel(family)} entries has labels. Add labels such as role or site on a host page.</p>
      ) : (
        <table className="data-table compact">
          <caption className="sr-only">Prevalence per peer group</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Hosts having it</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.key}=${g.value}`}>
                <td className="mono">
                  {g.key}={g.value}
                </td>
                <td className="num">
                  {g.hosts} <span className="muted">/ {g.groupHosts}</span>
                </td>
                <td>
                  <meter min={0} max={1} value={g.groupHosts ? g.hosts / g.groupHosts : 0} aria-label={`${g.key}=${g.value} share`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
