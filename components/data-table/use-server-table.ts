'use client';

import { functionalUpdate, useTable, type ColumnDef, type RowData, type RowSelectionState } from '@tanstack/react-table';
import { serverTableFeatures, type ServerTableFeatures } from './features';
import { useColumnVisibility } from './use-column-visibility';

interface TableSearch<TSort extends string> {
  sort: { id: TSort; desc: boolean };
  page: number;
  size: number;
}

interface ServerTableOptions<TData extends RowData, TSort extends string> {
  data: TData[];
  columns: ColumnDef<ServerTableFeatures, TData, any>[];
  total: number;
  search: TableSearch<TSort>;
  sorts: readonly TSort[];
  getRowId: (row: TData) => string;
  navigate: (patch: { sort?: { id: TSort; desc: boolean }; page?: number }) => void;
  /** Selected row ids, when the table offers selection (held by the caller). */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (next: RowSelectionState) => void;
  /** Key under which the browser remembers the visible columns; without it every column shows. */
  tableId?: string;
  /** Column ids hidden until the user shows them (low-value columns on narrow screens). */
  defaultHidden?: readonly string[];
}

/** A TanStack table in manual mode whose sorting and paging state is the URL's (STYLE.md rule 6). */
export function useServerTable<TData extends RowData, TSort extends string>(o: ServerTableOptions<TData, TSort>) {
  const sorting = [{ id: o.search.sort.id, desc: o.search.sort.desc }];
  const columns = useColumnVisibility(o.tableId, o.defaultHidden);
  return useTable({
    features: serverTableFeatures,
    data: o.data,
    columns: o.columns,
    getRowId: o.getRowId,
    manualPagination: true,
    manualSorting: true,
    rowCount: o.total,
    enableRowSelection: o.rowSelection !== undefined,
    state: { sorting, pagination: { pageIndex: o.search.page - 1, pageSize: o.search.size }, rowSelection: o.rowSelection ?? {}, columnVisibility: columns.visibility },
    onColumnVisibilityChange: (updater) => columns.setVisibility(functionalUpdate(updater, columns.visibility)),
    onRowSelectionChange: (updater) => o.onRowSelectionChange?.(functionalUpdate(updater, o.rowSelection ?? {})),
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      const id = next && (o.sorts as readonly string[]).includes(next.id) ? (next.id as TSort) : o.search.sort.id;
      o.navigate({ sort: { id, desc: next?.desc ?? !o.search.sort.desc }, page: 1 });
    },
  });
}
