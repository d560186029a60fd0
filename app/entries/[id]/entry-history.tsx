import Link from 'next/link';
import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
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

const EVENT_COLUMNS: SimpleColumn<TaskEvent>[] = [
  { header: 'Time', cell: (e) => formatDateTime(e.at) },
  { header: 'Host', cell: (e) => <Link href={`/hosts/${e.hostId}`} className="mono">{e.host}</Link> },
  { header: 'Event', cell: (e) => e.eventId, className: 'num' },
  { header: 'User', cell: (e) => e.user ?? '—', className: 'mono' },
  { header: 'Message', cell: (e) => e.message ?? '—' },
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
        <SimpleTable label="Task events" columns={EVENT_COLUMNS} rows={events} rowKey={(e) => e.id} className="wrap" />
      )}
    </section>
  );
}
