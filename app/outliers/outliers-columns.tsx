'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { EntryNameCell } from '@/components/entities/entry-name-cell';
import type { OutlierRow } from '@/lib/data/outliers';
import { familyLabel, formatDate } from '@/lib/format/labels';
import { ScoreChips } from './score-chips';
import { SuppressMenu } from './suppress-menu';

const col = createColumnHelper<ServerTableFeatures, OutlierRow>();

export const outlierColumns = col.columns([
  col.accessor('score', {
    header: 'Score',
    cell: (c) => (
      <span className="score" data-level={c.getValue() >= 60 ? 'high' : c.getValue() >= 40 ? 'medium' : 'low'}>
        {c.getValue().toFixed(0)}
      </span>
    ),
  }),
  col.accessor('name', {
    header: 'Entry',
    cell: (c) => <EntryNameCell id={c.row.original.id} name={c.getValue()} command={c.row.original.command} />,
  }),
  col.display({ id: 'why', header: 'Why', cell: (c) => <ScoreChips row={c.row.original} /> }),
  col.accessor('family', { header: 'Family', enableSorting: false, cell: (c) => <span className="tag">{familyLabel(c.getValue())}</span> }),
  col.accessor('hostsNow', {
    header: 'Hosts',
    cell: (c) => (
      <span className="num">
        {c.getValue().toLocaleString('en-US')}
        <span className="muted"> / {c.row.original.familyHosts.toLocaleString('en-US')}</span>
      </span>
    ),
  }),
  col.accessor('newSince', { header: 'New since', cell: (c) => (c.getValue() ? formatDate(c.getValue()) : <span className="muted">baseline</span>) }),
]);

/** The outlier columns plus, for managers, a Suppress menu per row. */
export function outlierColumnsFor(canSuppress: boolean) {
  return canSuppress ? col.columns([...outlierColumns, col.display({ id: 'suppress', header: 'Suppress', cell: (c) => <SuppressMenu row={c.row.original} /> })]) : outlierColumns;
}
