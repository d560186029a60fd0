'use client';

import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { TableTools } from '@/components/data-table/table-tools';
import { SelectFilter } from '@/components/data-table/select-filter';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { SuppressionRow } from '@/lib/data/suppressions';
import { SUPPRESSION_KINDS, SUPPRESSION_SORTS, serializeSuppressionSearchParams, type SuppressionSearch } from '@/lib/validation/suppressions';
import { suppressionColumns } from './suppression-columns';

const STATUS_OPTIONS = (['active', 'expired', 'all'] as const).map((v) => ({ value: v, label: v }));
const KIND_OPTIONS = [{ value: '' as const, label: 'any' }, ...SUPPRESSION_KINDS.map((k) => ({ value: k, label: k }))];

interface Props {
  search: SuppressionSearch;
  page: { rows: SuppressionRow[]; total: number };
  canManage: boolean;
}

export function SuppressionsTable({ search, page, canManage }: Props) {
  const { navigate, isPending } = useUrlState(search, serializeSuppressionSearchParams);
  const columns = useMemo(() => suppressionColumns(canManage), [canManage]);
  const table = useServerTable({ data: page.rows, columns, total: page.total, search, sorts: SUPPRESSION_SORTS, getRowId: (r) => String(r.id), navigate, tableId: 'suppressions' });
  const isFiltered = Boolean(search.q || search.kind) || search.status !== 'active';
  return (
    <section aria-label="Suppressions">
      <div className="toolbar">
        <SearchBox value={search.q} label="Search suppressions" placeholder="Search values, reasons, owners…" onSearch={(q) => navigate({ q, page: 1 })} />
        <SelectFilter label="Status" value={search.status} options={STATUS_OPTIONS} onChange={(status) => navigate({ status, page: 1 })} />
        <SelectFilter label="Kind" ariaLabel="Kind filter" value={search.kind ?? ''} options={KIND_OPTIONS} onChange={(k) => navigate({ kind: k || undefined, page: 1 })} />
        <TableTools table={table} exportHref={`/suppressions/export${serializeSuppressionSearchParams({ ...search, page: 1 })}`} />
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
