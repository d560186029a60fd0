'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { ServerTableFeatures } from './features';

interface DataTableProps<TData extends RowData> {
  table: ReactTable<ServerTableFeatures, TData>;
  caption: string;
  empty: ReactNode;
  isPending?: boolean;
}

/** Renders a server-paged TanStack table; header buttons toggle sorting through the table's URL handlers. */
export function DataTable<TData extends RowData>({ table, caption, empty, isPending }: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  return (
    <div className="table-wrap" aria-busy={isPending || undefined} data-pending={isPending || undefined}>
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th key={header.id} scope="col" aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}>
                    {header.isPlaceholder ? null : canSort ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.getVisibleLeafColumns().length} className="empty-cell">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
