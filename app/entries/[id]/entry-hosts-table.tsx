'use client';

import { usePathname } from 'next/navigation';
import { DataTable } from '@/components/data-table/data-table';
import { Pagination } from '@/components/data-table/pagination';
import { TableTools } from '@/components/data-table/table-tools';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { EntryHostRow } from '@/lib/data/entry-hosts';
import { ENTRY_HOST_SORTS, serializeEntryHostSearchParams, type EntryHostSearch } from '@/lib/validation/entry';
import { entryHostColumns } from './entry-hosts-columns';

export function EntryHostsTable({ search, page }: { search: EntryHostSearch; page: { rows: EntryHostRow[]; total: number } }) {
  const { navigate, isPending } = useUrlState(search, serializeEntryHostSearchParams);
  const table = useServerTable({ data: page.rows, columns: entryHostColumns, total: page.total, search, sorts: ENTRY_HOST_SORTS, getRowId: (r) => String(r.hostId), navigate, tableId: 'entry-hosts' });
  const pathname = usePathname();
  return (
    <section aria-label="Hosts having it" className="section">
      <div className="toolbar">
        <h2>Hosts</h2>
        <label className="page-size">
          Show
          <select aria-label="Which hosts" value={search.state} onChange={(e) => navigate({ state: e.target.value as EntryHostSearch['state'], page: 1 })}>
            <option value="present">having it now</option>
            <option value="all">that ever had it</option>
          </select>
        </label>
        <TableTools table={table} exportHref={`${pathname}/hosts/export${serializeEntryHostSearchParams({ ...search, page: 1 })}`} />
      </div>
      <DataTable
        table={table}
        caption="Hosts having this entry"
        isPending={isPending}
        empty={<p>{search.state === 'present' ? 'No host has this entry now; show the hosts that ever had it.' : 'No host has ever reported this entry.'}</p>}
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
