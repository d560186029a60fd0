'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { ChangeRow } from '@/lib/data/changes';
import { familyLabel, formatDateTime } from '@/lib/format/labels';

const col = createColumnHelper<ServerTableFeatures, ChangeRow>();

export const changeColumns = col.columns([
  col.accessor('at', { header: 'When', cell: (c) => <span className="num">{formatDateTime(c.getValue())}</span> }),
  col.accessor('name', {
    header: 'Entry',
    cell: (c) => (
      <div>
        <div className="mono cell-name" title={c.getValue()}>
          {c.getValue()}
        </div>
        <code className="cell-command muted" title={c.row.original.command}>
          {c.row.original.command}
        </code>
      </div>
    ),
  }),
  col.accessor('family', { header: 'Family', enableSorting: false, cell: (c) => <span className="tag">{familyLabel(c.getValue())}</span> }),
  col.accessor('hostCount', {
    header: 'Hosts',
    cell: (c) => (
      <div>
        <ul className="host-times" aria-label="Hosts and times">
          {c.row.original.hosts.map((h) => (
            <li key={h.name}>
              <span className="mono">{h.name}</span> <span className="muted">{formatDateTime(h.at)}</span>
            </li>
          ))}
        </ul>
        {c.getValue() > c.row.original.hosts.length && <span className="muted">and {(c.getValue() - c.row.original.hosts.length).toLocaleString('en-US')} more</span>}
      </div>
    ),
  }),
  col.accessor('hostsNow', { header: 'On now', enableSorting: false, cell: (c) => <span className="num">{c.getValue().toLocaleString('en-US')}</span> }),
]);
