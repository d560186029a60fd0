'use client';

import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { SuppressionRow } from '@/lib/data/suppressions';
import { SUPPRESSION_KINDS, SUPPRESSION_SORTS, serializeSuppressionSearchParams, type SuppressionSearch } from '@/lib/validation/suppressions';
import { suppressionColumns } from './suppression-columns';

interface Props {
  search: SuppressionSearch;
  page: { rows: SuppressionRow[]; total: number };
  canManage: boolean;
}

export function SuppressionsTable({ search, page, canManage }: Props) {
  const { navigate, isPending } = useUrlState(search, serializeSuppressionSearchParams);
  const columns = useMemo(() => suppressionColumns(canManage), [canManage]);
  const table = useServerTable({ data: page.rows, columns, total: page.total, search, sorts: SUPPRESSION_SORTS, getRowId: (r) => String(r.id), navigate });
  const isFiltered = Boolean(search.q || search.kind) || search.status !== 'active';
  return (
    <section aria-label="Suppressions">
      <div className="toolbar">
        <SearchBox value={search.q} label="Search suppressions" placeholder="Search values, reasons, owners…" onSearch={(q) => navigate({ q, page: 1 })} />
        <label className="page-size">
          Status
          <select aria-label="Status" value={search.status} onChange={(e) => navigate({ status: e.target.value as SuppressionSearch['status'], page: 1 })}>
            <option value="active">active</option>
            <option value="expired">expired</option>
            <option value="all">all</option>
          </select>
        </label>
        <label className="page-size">
          Kind
          <select aria-label="Kind filter" value={search.kind ?? ''} onChange={(e) => navigate({ kind: (e.target.value || undefined) as SuppressionSearch['kind'], page: 1 })}>
            <option value="">any</option>
            {SUPPRESSION_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
      </div>
      <DataTable
        table={table}
        caption="Suppressions"
        isPending={isPending}
        empty={<p>{isFiltered ? 'No suppressions match these filters.' : 'Nothing is suppressed: every outlier is listed.'}</p>}
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
