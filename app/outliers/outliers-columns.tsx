'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { EntryNameCell } from '@/components/entities/entry-name-cell';
import { QuickTriage, type RowTriage } from '@/components/triage/quick-triage';
import type { Role } from '@/lib/auth/roles';
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

const selectColumn = col.display({
  id: 'select',
  header: ({ table }) => (
    <input
      type="checkbox"
      aria-label="Select all rows on this page"
      checked={table.getIsAllPageRowsSelected()}
      ref={(el) => {
        if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
      }}
      onChange={table.getToggleAllPageRowsSelectedHandler()}
    />
  ),
  cell: (c) => <input type="checkbox" aria-label={`Select ${c.row.original.name}`} checked={c.row.getIsSelected()} onChange={c.row.getToggleSelectedHandler()} />,
});

/**
 * The outlier columns plus the triage state of each row; for analysts a selection checkbox and quick triage, for
 * managers a Suppress menu.
 */
export function outlierColumnsFor(canSuppress: boolean, role: Role | null, triage: Record<number, RowTriage>) {
  const triageColumn = col.display({ id: 'triage', header: 'Triage', cell: (c) => <QuickTriage entryId={c.row.original.id} name={c.row.original.name} triage={triage[c.row.original.id] ?? null} role={role} /> });
  return col.columns([
    ...(role ? [selectColumn] : []),
    ...outlierColumns,
    triageColumn,
    ...(canSuppress ? [col.display({ id: 'suppress', header: 'Suppress', cell: (c) => <SuppressMenu row={c.row.original} /> })] : []),
  ]);
}
