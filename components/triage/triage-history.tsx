import type { TriageItemView } from '@/lib/data/triage-read';
import { formatDateTime } from '@/lib/format/labels';

/** The item's history: who changed which field, when, from what to what, and why. */
export function TriageHistory({ events }: { events: TriageItemView['events'] }) {
  return (
    <details className="triage-history">
      <summary>History ({events.length})</summary>
      <table className="data-table compact" aria-label="Triage history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Field</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.field}</td>
              <td>{e.from ?? '—'}</td>
              <td>{e.to ?? '—'}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
