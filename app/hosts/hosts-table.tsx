'use client';

import Link from 'next/link';
import { DataTable } from '@/components/data-table/data-table';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { TableTools } from '@/components/data-table/table-tools';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { HostRow } from '@/lib/data/hosts';
import { HOST_SORTS, serializeHostSearchParams, type HostSearch } from '@/lib/validation/hosts';
import { hostColumns } from './hosts-columns';

export function HostsTable({ search, page }: { search: HostSearch; page: { rows: HostRow[]; total: number } }) {
  const { navigate, isPending } = useUrlState(search, serializeHostSearchParams);
  const table = useServerTable({
    data: page.rows,
    columns: hostColumns,
    total: page.total,
    search,
    sorts: HOST_SORTS,
    getRowId: (row) => String(row.id),
    navigate,
    tableId: 'hosts',
  });
  return (
    <section aria-label="Hosts">
      <div className="toolbar">
        <SearchBox value={search.q} label="Search hosts" placeholder="Search host names…" onSearch={(q) => navigate({ q, page: 1 })} />
        <TableTools table={table} exportHref={`/hosts/export${serializeHostSearchParams({ ...search, page: 1 })}`} />
      </div>
      <DataTable
        table={table}
        caption="Hosts"
        isPending={isPending}
        empty={
          search.q ? (
            <p>No host name matches “{search.q}”.</p>
          ) : (
            <p>
              No hosts yet. <Link href="/uploads">Upload an export</Link>: each file names the host it came from.
            </p>
          )
        }
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
