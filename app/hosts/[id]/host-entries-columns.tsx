'use client';

import { createColumnHelper } from '@tanstack/react-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { EntryNameCell } from '@/components/entities/entry-name-cell';
import type { HostEntryRow } from '@/lib/data/host-entries';
import { familyLabel, formatDateTime } from '@/lib/format/labels';

const col = createColumnHelper<ServerTableFeatures, HostEntryRow>();

function level(score: number): string {
  return score >= 60 ? 'high' : score >= 40 ? 'medium' : 'low';
}

export const hostEntryColumns = col.columns([
  col.accessor('hostScore', {
    id: 'score',
    header: 'Host score',
    cell: (c) => {
      const v = c.getValue();
      const fleet = c.row.original.score;
      return v === null ? (
        <span className="muted">—</span>
      ) : (
        <span className="score" data-level={level(v)} title={`Fleet score ${fleet?.toFixed(0)}`}>
          {v.toFixed(0)}
        </span>
      );
    },
  }),
  col.accessor('name', {
    header: 'Entry',
    cell: (c) => <EntryNameCell id={c.row.original.id} name={c.getValue()} command={c.row.original.command} />,
  }),
  col.display({
    id: 'context',
    header: 'Why',
    cell: (c) => {
      const r = c.row.original;
      return (
        <ul className="chips" aria-label="Host context">
          {r.isNewHere && <li className="score-chip part-newness">new on this host</li>}
          {r.isOnlyHere && <li className="score-chip part-rarity">only on this host</li>}
          {r.reasons
            .filter((x) => x.part !== 'prevalence' && x.part !== 'rarity')
            .map((x, i) => (
              <li key={i} className={`score-chip part-${x.part}`} title={x.text}>
                {x.text}
              </li>
            ))}
        </ul>
      );
    },
  }),
  col.accessor('family', { header: 'Family', enableSorting: false, cell: (c) => <span className="tag">{familyLabel(c.getValue())}</span> }),
  col.accessor('firstSeenHere', {
    id: 'fromAt',
    header: 'Here since',
    cell: (c) => (
      <span>
        {formatDateTime(c.getValue())}
        {c.row.original.isBaseline && <span className="muted"> (baseline)</span>}
      </span>
    ),
  }),
]);
