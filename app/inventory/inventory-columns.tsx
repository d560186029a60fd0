'use client';

import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { InventoryRow } from '@/lib/data/inventory';
import { familyLabel, formatDate } from '@/lib/format/labels';

const col = createColumnHelper<ServerTableFeatures, InventoryRow>();

export function inventoryColumns(fleetHosts: number) {
  return col.columns([
    col.accessor('name', {
      header: 'Name',
      cell: (c) => (
        <Link href={`/entries/${c.row.original.id}`} className="mono cell-name" title={c.getValue()}>
          {c.getValue()}
        </Link>
      ),
    }),
    col.accessor('family', { header: 'Family', cell: (c) => <span className="tag">{familyLabel(c.getValue())}</span> }),
    col.accessor('command', {
      header: 'Command',
      enableSorting: false,
      cell: (c) => (
        <code className="cell-command" title={c.getValue()}>
          {c.getValue()}
        </code>
      ),
    }),
    col.accessor('hostsNow', {
      header: 'Hosts now',
      cell: (c) => (
        <span className="num">
          {c.getValue().toLocaleString('en-US')}
          <span className="muted"> / {fleetHosts.toLocaleString('en-US')}</span>
        </span>
      ),
    }),
    col.accessor('firstSeenAt', { header: 'First seen', cell: (c) => formatDate(c.getValue()) }),
    col.accessor('lastSeenAt', { header: 'Last seen', cell: (c) => (c.getValue() ? formatDate(c.getValue()) : <span className="muted">present</span>) }),
  ]);
}
