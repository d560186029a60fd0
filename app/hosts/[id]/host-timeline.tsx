import Link from 'next/link';
import { DayChart, type DaySeries } from '@/components/charts/day-chart';
import type { TimelineDay, TimelineItem } from '@/lib/data/host-timeline';
import { formatDateTime } from '@/lib/format/labels';

const SERIES: DaySeries[] = [
  { key: 'snapshot', label: 'Snapshots', kind: 'bar', color: 'var(--muted)' },
  { key: 'appeared', label: 'Appeared', kind: 'bar', color: 'var(--ok)' },
  { key: 'changed', label: 'Changed', kind: 'bar', color: 'var(--warn)' },
  { key: 'disappeared', label: 'Disappeared', kind: 'bar', color: 'var(--danger)' },
  { key: 'event', label: 'Task events', kind: 'bar', color: 'var(--accent)' },
];

/** Snapshots, entry changes and imported task events on one time axis, then the same items as a list by day. */
export function HostTimeline({ hostId, items, days, total }: { hostId: number; items: TimelineItem[]; days: TimelineDay[]; total: number }) {
  const byDay = new Map<string, TimelineItem[]>();
  for (const i of items) byDay.set(i.at.slice(0, 10), [...(byDay.get(i.at.slice(0, 10)) ?? []), i]);
  return (
    <section className="panel" aria-label="Timeline">
      <h2>Timeline</h2>
      {days.length === 0 ? (
        <p className="muted">Nothing has happened on this host yet.</p>
      ) : (
        <>
          <DayChart title="Host activity per day" data={days.map((d) => ({ ...d }))} series={SERIES} height={180} />
          <p className="muted">
            The contents of each source&apos;s first snapshot are the host&apos;s baseline, not appearances.
            {total > items.length && ` Showing the newest ${items.length} of ${total} items.`}
          </p>
          <div className="timeline-list">
            {[...byDay.entries()].map(([day, list]) => (
              <details key={day} open={day === items[0]?.at.slice(0, 10)}>
                <summary>
                  {day} <span className="muted">· {list.length} items</span>
                </summary>
                <table className="data-table compact wrap">
                  <caption className="sr-only">Timeline of {day}</caption>
                  <tbody>
                    {list.map((i, n) => (
                      <tr key={n} data-kind={i.kind}>
                        <td className="nowrap">{formatDateTime(i.at).slice(11)}</td>
                        <td><span className={`tag change-${i.kind}`}>{i.kind}</span></td>
                        <td className="mono">
                          {i.entryId ? <Link href={`/entries/${i.entryId}`}>{i.label}</Link> : i.kind === 'snapshot' ? <Link href={`/hosts/${hostId}?at=${encodeURIComponent(i.at)}`}>{i.label}</Link> : i.label}
                        </td>
                        <td className="muted">{i.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
