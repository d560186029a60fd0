import Link from 'next/link';
import { DayChart, type DaySeries } from '@/components/charts/day-chart';
import type { EntryDay, TaskEvent } from '@/lib/data/entry-history';
import { formatDateTime } from '@/lib/format/labels';

const PREVALENCE: DaySeries[] = [
  { key: 'hosts', label: 'Hosts having it', kind: 'area', color: 'var(--accent)' },
  { key: 'cumulative', label: 'Hosts ever (spread)', kind: 'line', color: 'var(--warn)' },
];
const CHANGES: DaySeries[] = [
  { key: 'appeared', label: 'Appeared', kind: 'bar', color: 'var(--ok)' },
  { key: 'changed', label: 'Changed variant', kind: 'bar', color: 'var(--warn)' },
  { key: 'disappeared', label: 'Disappeared', kind: 'bar', color: 'var(--danger)' },
  { key: 'events', label: 'Task events', kind: 'bar', color: 'var(--muted)' },
];

/** Prevalence over time with the spread curve, then per-day changes and imported task events on the same days. */
export function EntryHistory({ days, events }: { days: EntryDay[]; events: TaskEvent[] }) {
  return (
    <section className="panel" aria-label="History">
      <h2>Prevalence and timeline</h2>
      {days.length === 0 ? (
        <p className="muted">No snapshots yet.</p>
      ) : (
        <div className="two-col">
          <DayChart title="Hosts per day" data={days.map((d) => ({ ...d }))} series={PREVALENCE} />
          <DayChart title="Changes and task events per day" data={days.map((d) => ({ ...d }))} series={CHANGES} />
        </div>
      )}
      <h3>Imported task events</h3>
      {events.length === 0 ? (
        <p className="muted">
          No task events name this entry. Upload Task Scheduler or Security event exports (106, 140, 141, 4698–4702) on the <Link href="/uploads">Uploads</Link> page
          to see them here.
        </p>
      ) : (
        <table className="data-table compact wrap" aria-label="Task events">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Host</th>
              <th scope="col">Event</th>
              <th scope="col">User</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  <Link href={`/hosts/${e.hostId}`} className="mono">{e.host}</Link>
                </td>
                <td className="num">{e.eventId}</td>
                <td className="mono">{e.user ?? '—'}</td>
                <td>{e.message ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
