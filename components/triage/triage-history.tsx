import { SimpleTable, type SimpleColumn } from '@/components/data-table/simple-table';
import type { TriageItemView } from '@/lib/data/triage-read';
import { formatDateTime } from '@/lib/format/labels';

type TriageEvent = TriageItemView['events'][number];

const COLUMNS: SimpleColumn<TriageEvent>[] = [
  { header: 'When', cell: (e) => formatDateTime(e.at), className: 'nowrap' },
  { header: 'Who', cell: (e) => e.actor },
  { header: 'Field', cell: (e) => e.field },
  { header: 'From', cell: (e) => e.from ?? '—' },
  { header: 'To', cell: (e) => e.to ?? '—' },
  { header: 'Reason', cell: (e) => e.reason ?? '' },
];

/** The item's history: who changed which field, when, from what to what, and why. */
export function TriageHistory({ events }: { events: TriageItemView['events'] }) {
  return (
    <details className="triage-history">
      <summary>History ({events.length})</summary>
      <SimpleTable label="Triage history" columns={COLUMNS} rows={events} rowKey={(e) => e.id} />
    </details>
  );
}
