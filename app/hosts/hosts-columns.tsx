'use client';

import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { LabelTags } from '@/components/entities/label-tags';
import type { HostRow } from '@/lib/data/hosts';
import { formatDateTime } from '@/lib/format/labels';

const col = createColumnHelper<ServerTableFeatures, HostRow>();

export const hostColumns = col.columns([
  col.accessor('name', {
    header: 'Host',
    cell: (c) => (
      <Link href={`/hosts/${c.row.original.id}`} className="mono">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor('osFamily', { header: 'OS', enableSorting: false, cell: (c) => c.getValue() ?? '—' }),
  col.accessor('sources', {
    header: 'Sources',
    enableSorting: false,
    cell: (c) => c.getValue().map((s) => <span key={s} className="tag">{s}</span>),
  }),
  col.accessor('labels', {
    header: 'Labels',
    enableSorting: false,
    cell: (c) => <LabelTags labels={c.getValue()} />,
  }),
  col.accessor('entries', { header: 'Entries', cell: (c) => <span className="num">{c.getValue().toLocaleString('en-US')}</span> }),
  col.accessor('snapshots', { header: 'Snapshots', cell: (c) => <span className="num">{c.getValue()}</span> }),
  col.accessor('lastSnapshotAt', { header: 'Last snapshot', cell: (c) => formatDateTime(c.getValue()) }),
]);
