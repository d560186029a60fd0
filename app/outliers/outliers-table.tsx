'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { FacetFilter } from '@/components/data-table/facet-filter';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { SelectFilter } from '@/components/data-table/select-filter';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { OutlierPage } from '@/lib/data/outliers';
import { familyLabel } from '@/lib/format/labels';
import { OUTLIER_SORTS, serializeOutlierSearchParams, type OutlierSearch } from '@/lib/validation/outliers';
import { outlierColumnsFor } from './outliers-columns';

const SUPPRESSED_OPTIONS = [
  { value: 'hide' as const, label: 'hidden' },
  { value: 'show' as const, label: 'shown' },
  { value: 'only' as const, label: 'only' },
];

export function OutliersTable({ search, page, canSuppress }: { search: OutlierSearch; page: OutlierPage; canSuppress: boolean }) {
  const { navigate, isPending } = useUrlState(search, serializeOutlierSearchParams);
  const columns = useMemo(() => outlierColumnsFor(canSuppress), [canSuppress]);
  const table = useServerTable({ data: page.rows, columns, total: page.total, search, sorts: OUTLIER_SORTS, getRowId: (r) => String(r.id), navigate });
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
      <DataTable
        table={table}
        caption="Outliers"
        isPending={isPending}
        empty={
          page.total === 0 && !search.q && search.family.length === 0 && !search.heuristic ? (
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
