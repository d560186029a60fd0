'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable } from '@/components/data-table/data-table';
import { FacetFilter } from '@/components/data-table/facet-filter';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { TableTools } from '@/components/data-table/table-tools';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { InventoryPage } from '@/lib/data/inventory';
import { familyLabel } from '@/lib/format/labels';
import { INVENTORY_SORTS, serializeInventorySearchParams, type InventorySearch } from '@/lib/validation/inventory';
import { inventoryColumns } from './inventory-columns';

export function InventoryTable({ search, page }: { search: InventorySearch; page: InventoryPage }) {
  const { navigate, isPending } = useUrlState(search, serializeInventorySearchParams);
  const columns = useMemo(() => inventoryColumns(page.fleetHosts), [page.fleetHosts]);
  const table = useServerTable({
    data: page.rows,
    columns: columns,
    total: page.total,
    search,
    sorts: INVENTORY_SORTS,
    getRowId: (row) => String(row.id),
    navigate,
    tableId: 'inventory',
  });
  const isFiltered = search.q !== '' || search.family.length > 0 || search.host !== '';
  return (
    <section aria-label="Inventory entries">
      <div className="toolbar">
        <SearchBox value={search.q} label="Search inventory" placeholder="Search names, commands, hashes, signers…" onSearch={(q) => navigate({ q, page: 1 })} />
        <FacetFilter
          label="Family"
          options={page.facets.family.map((f) => ({ value: f.value, label: familyLabel(f.value), count: f.count }))}
          selected={search.family}
          onChange={(family) => navigate({ family: family as InventorySearch['family'], page: 1 })}
        />
        {search.host && (
          <span className="chip" aria-pressed="true">
            host: {search.host}{' '}
            <button type="button" className="link-button" onClick={() => navigate({ host: '', page: 1 })}>
              remove
            </button>
          </span>
        )}
        <TableTools table={table} exportHref={`/inventory/export${serializeInventorySearchParams({ ...search, page: 1 })}`} />
      </div>
      <DataTable
        table={table}
        caption="Inventory entries"
        isPending={isPending}
        empty={
          isFiltered ? (
            <p>No entries match these filters.</p>
          ) : (
            <p>
              No entries yet. <Link href="/uploads">Upload an export</Link> to build the inventory.
            </p>
          )
        }
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
