'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import type { ServerTableFeatures } from './features';

interface TableToolsProps<TData extends RowData> {
  table: ReactTable<ServerTableFeatures, TData>;
  /** The CSV export of the table's current filter and sort (a route handler next to the page). */
  exportHref?: string;
}

/** Column chooser and CSV export for a table toolbar. Columns whose header is not text (selection, actions) stay. */
export function TableTools<TData extends RowData>({ table, exportHref }: TableToolsProps<TData>) {
  const hideable = table.getAllLeafColumns().filter((c) => typeof c.columnDef.header === 'string' && c.getCanHide());
  const hiddenCount = hideable.filter((c) => !c.getIsVisible()).length;
  return (
    <div className="table-tools">
      {hideable.length > 1 && (
        <details className="row-menu column-menu">
          <summary>Columns{hiddenCount ? ` (${hiddenCount} hidden)` : ''}</summary>
          <fieldset className="menu-panel">
            <legend className="sr-only">Visible columns</legend>
            {hideable.map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} /> {c.columnDef.header as string}
              </label>
            ))}
            <button type="button" className="link-button" onClick={() => table.resetColumnVisibility(true)}>
              Default columns
            </button>
          </fieldset>
        </details>
      )}
      {exportHref && (
        <a className="button" href={exportHref} download>
          Export CSV
        </a>
      )}
    </div>
  );
}
