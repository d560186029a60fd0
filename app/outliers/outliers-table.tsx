'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { RowSelectionState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { FacetFilter } from '@/components/data-table/facet-filter';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { TableTools } from '@/components/data-table/table-tools';
import { SelectFilter } from '@/components/data-table/select-filter';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import { BulkBar } from '@/components/triage/bulk-bar';
import type { RowTriage } from '@/components/triage/quick-triage';
import type { Role } from '@/lib/auth/roles';
import type { Assignee } from '@/lib/data/triage-read';
import type { OutlierPage } from '@/lib/data/outliers';
import { familyLabel } from '@/lib/format/labels';
import { OUTLIER_SORTS, serializeOutlierSearchParams, type OutlierSearch } from '@/lib/validation/outliers';
import { outlierColumnsFor } from './outliers-columns';

/**
 * Hidden until chosen in Columns, so a row (with triage and suppress) fits a 1440 px screen: family is a filter
 * above the table with its counts, and newness is a reason chip ("first seen 2 days ago").
 */
const OUTLIERS_HIDDEN = ['family', 'newSince'];

const MIN_SCORE_OPTIONS = [
  { value: '' as const, label: 'threshold' },
  ...[0, 20, 40, 60, 80].map((n) => ({ value: String(n), label: `≥ ${n}` })),
];

const STATE_LABELS: Record<string, string> = { new: 'new', in_review: 'in review', benign: 'benign', suspicious: 'suspicious', malicious: 'malicious', closed: 'closed' };

const SUPPRESSED_OPTIONS = [
  { value: 'hide' as const, label: 'hidden' },
  { value: 'show' as const, label: 'shown' },
  { value: 'only' as const, label: 'only' },
];

interface OutliersTableProps {
  search: OutlierSearch;
  page: OutlierPage;
  canSuppress: boolean;
  /** The user's role when they may triage (analyst and up), else null. */
  triageRole: Role | null;
  triage: Record<number, RowTriage>;
  assignees: Assignee[];
}

export function OutliersTable({ search, page, canSuppress, triageRole, triage, assignees }: OutliersTableProps) {
  const { navigate, isPending } = useUrlState(search, serializeOutlierSearchParams);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const columns = useMemo(() => outlierColumnsFor(canSuppress, triageRole, triage), [canSuppress, triageRole, triage]);
  const table = useServerTable({
    data: page.rows, columns, total: page.total, search, sorts: OUTLIER_SORTS, getRowId: (r) => String(r.id), navigate, tableId: 'outliers', defaultHidden: OUTLIERS_HIDDEN,
    ...(triageRole ? { rowSelection: selection, onRowSelectionChange: setSelection } : {}),
  });
  // The whole filter result, as the bulk action sees it: the URL's filters without page, size and sort.
  const filter = serializeOutlierSearchParams({ ...search, page: 1, size: 50, sort: undefined }).replace(/^\?/, '');
  return (
    <section aria-label="Outliers">
      <div className="toolbar">
        <SearchBox value={search.q} label="Search outliers" placeholder="Search names and commands…" onSearch={(q) => navigate({ q, page: 1 })} />
        <FacetFilter
          label="Family"
          options={page.facets.family.map((f) => ({ value: f.value, label: familyLabel(f.value), count: f.count }))}
          selected={search.family}
          onChange={(family) => navigate({ family: family as OutlierSearch['family'], page: 1 })}
        />
        <SelectFilter label="Suppressed" ariaLabel="Suppressed entries" value={search.suppressed} options={SUPPRESSED_OPTIONS} onChange={(suppressed) => navigate({ suppressed, page: 1 })} />
        <TableTools table={table} exportHref={`/outliers/export${serializeOutlierSearchParams({ ...search, page: 1 })}`} />
      </div>
      <div className="toolbar">
        <SearchBox value={search.host} label="Host filter" placeholder="Host name…" onSearch={(host) => navigate({ host, page: 1 })} />
        <SearchBox value={search.label} label="Label filter" placeholder="Label, e.g. role=dc" onSearch={(label) => navigate({ label, page: 1 })} />
        <SelectFilter
          label="Score"
          ariaLabel="Minimum score"
          value={search.minScore === undefined ? '' : String(search.minScore)}
          options={MIN_SCORE_OPTIONS}
          onChange={(v) => navigate({ minScore: v === '' ? undefined : Number(v), page: 1 })}
        />
        <FacetFilter
          label="Triage"
          options={page.facets.state.map((f) => ({ value: f.value, label: STATE_LABELS[f.value] ?? f.value, count: f.count }))}
          selected={search.state}
          onChange={(state) => navigate({ state: state as OutlierSearch['state'], page: 1 })}
        />
      </div>
      {page.facets.heuristic.length > 0 && (
        <div className="toolbar">
          <FacetFilter
            label="Heuristic"
            options={page.facets.heuristic.map((h) => ({ value: h.value, label: h.value, count: h.count }))}
            selected={search.heuristic ? [search.heuristic] : []}
            onChange={(ids) => navigate({ heuristic: ids.filter((id) => id !== search.heuristic)[0] ?? '', page: 1 })}
          />
        </div>
      )}
      {triageRole && page.total > 0 && (
        <BulkBar
          selectedIds={Object.keys(selection).filter((k) => selection[k]).map(Number)}
          filterTotal={page.total}
          filter={filter}
          role={triageRole}
          assignees={assignees}
          onDone={() => setSelection({})}
        />
      )}
      <DataTable
        table={table}
        caption="Outliers"
        isPending={isPending}
        empty={
          page.total === 0 && !search.q && search.family.length === 0 && !search.heuristic && !search.host && !search.label && search.state.length === 0 ? (
            <p>
              Nothing stands out yet. Outliers appear once several hosts have reported: <Link href="/uploads">upload more exports</Link>.
            </p>
          ) : (
            <p>No outliers match these filters.</p>
          )
        }
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
