'use client';

import { usePathname } from 'next/navigation';
import { DataTable } from '@/components/data-table/data-table';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { TableTools } from '@/components/data-table/table-tools';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { HostEntryRow } from '@/lib/data/host-entries';
import { formatDateTime } from '@/lib/format/labels';
import { HOST_ENTRY_SORTS, serializeHostDetailSearchParams, type HostDetailSearch } from '@/lib/validation/host-detail';
import { hostEntryColumns } from './host-entries-columns';

/** The host's entries now, or at `?at=` (a datetime-local input in UTC); per-host score first. */
export function HostEntriesTable({ search, page }: { search: HostDetailSearch; page: { rows: HostEntryRow[]; total: number } }) {
  const { navigate, isPending } = useUrlState(search, serializeHostDetailSearchParams);
  const table = useServerTable({ data: page.rows, columns: hostEntryColumns, total: page.total, search, sorts: HOST_ENTRY_SORTS, getRowId: (r) => String(r.id), navigate, tableId: 'host-entries' });
  const pathname = usePathname();
  return (
    <section aria-label="Entries" className="section">
      <div className="toolbar">
        <h2>{search.at ? `Entries at ${formatDateTime(new Date(search.at).toISOString())}` : 'Entries now'}</h2>
        <SearchBox value={search.q} label="Search entries" placeholder="Search names and commands…" onSearch={(q) => navigate({ q, page: 1 })} />
        <label className="page-size">
          As of (UTC)
          <input
            type="datetime-local"
            aria-label="As of time"
            value={search.at ? new Date(search.at).toISOString().slice(0, 16) : ''}
            onChange={(e) => navigate({ at: e.target.value ? `${e.target.value}:00Z` : undefined, page: 1 })}
          />
        </label>
        {search.at && (
          <button type="button" className="link-button" onClick={() => navigate({ at: undefined, page: 1 })}>
            Back to now
          </button>
        )}
        <TableTools table={table} exportHref={`${pathname}/entries/export${serializeHostDetailSearchParams({ ...search, page: 1, from: undefined, to: undefined })}`} />
      </div>
      <DataTable
        table={table}
        caption="Entries on this host"
        isPending={isPending}
        empty={<p>{search.q ? `No entry matches “${search.q}”.` : search.at ? 'This host had no entries at that time (before its first snapshot?).' : 'This host reports no entries now.'}</p>}
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
