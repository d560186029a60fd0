'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { Pagination } from '@/components/data-table/pagination';
import { TableTools } from '@/components/data-table/table-tools';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import { EntryNameCell } from '@/components/entities/entry-name-cell';
import { StateTag } from '@/components/triage/state-tag';
import type { QueuePage, QueueRow } from '@/lib/data/triage-queue';
import { formatDate } from '@/lib/format/labels';
import { STATE_LABELS, TRIAGE_STATES } from '@/lib/triage/state-machine';
import { serializeTriageQueueSearchParams, TRIAGE_QUEUE_SORTS, TRIAGE_VIEWS, type TriageQueueSearch } from '@/lib/validation/triage';

const col = createColumnHelper<ServerTableFeatures, QueueRow>();
const columns = col.columns([
  col.display({ id: 'entry', header: 'Entry', cell: (c) => <EntryNameCell id={c.row.original.entryId} name={c.row.original.entryName} command={c.row.original.command} /> }),
  col.display({ id: 'state', header: 'State', cell: (c) => <StateTag state={c.row.original.state} /> }),
  col.accessor('severity', { id: 'severity', header: 'Severity' }),
  col.display({ id: 'scope', header: 'Scope', cell: (c) => c.row.original.hostName ?? <span className="muted">fleet</span> }),
  col.display({ id: 'assignee', header: 'Assignee', cell: (c) => c.row.original.assignee ?? <span className="muted">unassigned</span> }),
  col.accessor('ageDays', { id: 'age', header: 'Age', cell: (c) => <span className="num">{c.getValue()} d</span> }),
  col.accessor('dueAt', { id: 'due', header: 'Due', cell: (c) => <span className={c.row.original.isOverdue ? 'result-error' : undefined}>{c.getValue() ? formatDate(c.getValue()) : '—'}{c.row.original.isOverdue ? ' (overdue)' : ''}</span> }),
  col.display({ id: 'why', header: 'Re-opened because', cell: (c) => c.row.original.reopenReason ?? '' }),
]);

const VIEW_LABELS: Record<(typeof TRIAGE_VIEWS)[number], string> = { mine: 'Mine', unassigned: 'Unassigned', all: 'All' };

/** The triage queue: view (mine, unassigned, all) and state in the URL, sorted by age, due date or severity. */
export function QueueTable({ search, page }: { search: TriageQueueSearch; page: QueuePage }) {
  const { navigate, isPending } = useUrlState(search, serializeTriageQueueSearchParams);
  const counts = useMemo(() => new Map(page.states.map((s) => [s.value, s.count])), [page.states]);
  const open = page.states.filter((s) => s.value !== 'closed').reduce((n, s) => n + s.count, 0);
  const table = useServerTable({ data: page.rows, columns, total: page.total, search, sorts: TRIAGE_QUEUE_SORTS, getRowId: (r) => String(r.id), navigate, tableId: 'triage-queue' });
  return (
    <section aria-label="Triage queue">
      <div className="toolbar">
        <div role="group" aria-label="View" className="segmented">
          {TRIAGE_VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={search.view === v} onClick={() => navigate({ view: v, page: 1 })}>
              {VIEW_LABELS[v]}
            </button>
          ))}
        </div>
        <label className="page-size">
          State
          <select aria-label="State" value={search.state} onChange={(e) => navigate({ state: e.target.value as TriageQueueSearch['state'], page: 1 })}>
            <option value="open">open ({open})</option>
            {TRIAGE_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]} ({counts.get(s) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <TableTools table={table} exportHref={`/triage/export${serializeTriageQueueSearchParams({ ...search, page: 1 })}`} />
      </div>
      <DataTable
        table={table}
        caption="Triage queue"
        isPending={isPending}
        empty={<p>{search.view === 'mine' ? 'Nothing assigned to you in this state. Pick items from the unassigned queue or the outliers list.' : 'No triage items in this view.'}</p>}
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
