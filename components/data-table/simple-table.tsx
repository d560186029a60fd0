import type { ReactNode } from 'react';

export interface SimpleColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Cell classes (num, mono, nowrap, …), fixed or per row. */
  className?: string | ((row: T) => string | undefined);
}

interface SimpleTableProps<T> {
  /** The table's accessible name (an invisible caption). */
  label: string;
  columns: readonly SimpleColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Shown in one full-width cell when there are no rows; without it the table renders with a bare header. */
  empty?: ReactNode;
  /** Dense rows (panels), or the full-size look of a page's main table. */
  isCompact?: boolean;
  /** Extra table classes (`wrap` breaks long values). */
  className?: string;
  /** `table-wrap` frame classes, e.g. `scroll-y`; omit for a table inside a panel without a frame. */
  frame?: string;
}

/**
 * A small read-only table for lists that need no paging, sorting or filtering (snapshots, history, admin lists).
 * Server-safe: no state, so it renders in Server and Client Components alike. Anything with URL state is a
 * DataTable instead.
 */
export function SimpleTable<T>({ label, columns, rows, rowKey, empty, isCompact = true, className, frame }: SimpleTableProps<T>) {
  const table = (
    <table className={['data-table', isCompact ? 'compact' : '', className ?? ''].filter(Boolean).join(' ')}>
      <caption className="sr-only">{label}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty !== undefined ? (
          <tr>
            <td colSpan={columns.length} className="empty-cell">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.header} className={typeof c.className === 'function' ? c.className(row) : c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
  return frame === undefined ? table : <div className={['table-wrap', frame].filter(Boolean).join(' ')}>{table}</div>;
}
