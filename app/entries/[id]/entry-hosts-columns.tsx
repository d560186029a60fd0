'use client';

import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { LabelTags } from '@/components/entities/label-tags';
import type { EntryHostRow } from '@/lib/data/entry-hosts';
import { formatDateTime } from '@/lib/format/labels';

const col = createColumnHelper<ServerTableFeatures, EntryHostRow>();

export const entryHostColumns = col.columns([
  col.accessor('host', {
    header: 'Host',
    cell: (c) => (
      <Link href={`/hosts/${c.row.original.hostId}`} className="mono">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor('labels', {
    header: 'Labels',
    enableSorting: false,
    cell: (c) => <LabelTags labels={c.getValue()} />,
  }),
  col.accessor('firstSeenAt', { id: 'firstSeenAt', header: 'First seen here', cell: (c) => formatDateTime(c.getValue()) }),
  col.accessor('goneAt', {
    id: 'lastSeenAt',
    header: 'Gone since',
    cell: (c) => (c.getValue() ? formatDateTime(c.getValue()) : <span className="muted">present</span>),
  }),
  col.accessor('variants', { header: 'Variants', enableSorting: false, cell: (c) => <span className="num">{c.getValue()}</span> }),
]);
