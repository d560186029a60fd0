'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { ActionForm } from '@/components/forms/action-form';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { SuppressionRow } from '@/lib/data/suppressions';
import { formatDateTime } from '@/lib/format/labels';
import { endSuppression } from './actions';

const col = createColumnHelper<ServerTableFeatures, SuppressionRow>();

const BASE = [
  col.accessor('kind', { header: 'Kind', cell: (c) => <span className="tag">{c.getValue()}</span> }),
  col.accessor('value', {
    header: 'Matches',
    enableSorting: false,
    cell: (c) => (
      <div>
        <code className="mono cell-name" title={c.getValue()}>
          {c.getValue()}
        </code>
        {c.row.original.entryName && <div className="muted cell-command">{c.row.original.entryName}</div>}
      </div>
    ),
  }),
  col.accessor('reason', { header: 'Reason', enableSorting: false }),
  col.accessor('owner', { header: 'Owner', enableSorting: false }),
  col.accessor('createdAt', { header: 'Created', cell: (c) => <span className="num">{formatDateTime(c.getValue())}</span> }),
  col.accessor('expiresAt', {
    header: 'Expires',
    cell: (c) => <span className={c.row.original.isActive ? 'num' : 'num muted'}>{c.getValue() ? formatDateTime(c.getValue()) : 'never'}</span>,
  }),
];

const EXPIRE = col.display({
  id: 'actions',
  header: 'Status',
  cell: (c) =>
    c.row.original.isActive ? (
      <ActionForm action={endSuppression} label={`Expire suppression ${c.row.original.id}`} className="inline-form">
        <input type="hidden" name="id" value={c.row.original.id} />
        <button type="submit">Expire</button>
      </ActionForm>
    ) : (
      <span className="muted">expired</span>
    ),
});

const STATUS = col.display({ id: 'status', header: 'Status', cell: (c) => (c.row.original.isActive ? 'active' : <span className="muted">expired</span>) });

/** Managers get an Expire button per active row; everyone else sees the status. */
export function suppressionColumns(canManage: boolean) {
  return col.columns([...BASE, canManage ? EXPIRE : STATUS]);
}
