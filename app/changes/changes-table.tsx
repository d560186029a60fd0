'use client';

import { DataTable } from '@/components/data-table/data-table';
import { FacetFilter } from '@/components/data-table/facet-filter';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { ChangePage } from '@/lib/data/changes';
import { familyLabel } from '@/lib/format/labels';
import { CHANGE_SORTS, serializeChangeSearchParams, type ChangeSearch } from '@/lib/validation/changes';
import { changeColumns } from './changes-columns';

export function ChangesTable({ search, page }: { search: ChangeSearch; page: ChangePage }) {
  const { navigate, isPending } = useUrlState(search, serializeChangeSearchParams);
  const table = useServerTable({ data: page.rows, columns: changeColumns, total: page.total, search, sorts: CHANGE_SORTS, getRowId: (r) => String(r.entryId), navigate });
  const exportHref = `/changes/export${serializeChangeSearchParams({ ...search, page: 1, size: 50 })}`;
  return (
    <section aria-label="Changes">
      <div className="toolbar">
        <div role="group" aria-label="Change" className="segmented">
          {(['new', 'removed'] as const).map((k) => (
            <button key={k} type="button" aria-pressed={search.kind === k} onClick={() => navigate({ kind: k, page: 1 })}>
              {k === 'new' ? 'New' : 'Removed'}
            </button>
          ))}
        </div>
        <div role="group" aria-label="Window" className="segmented">
          {(['today', 'week'] as const).map((w) => (
            <button key={w} type="button" aria-pressed={search.window === w} onClick={() => navigate({ window: w, page: 1 })}>
              {w === 'today' ? 'Today' : 'This week'}
            </button>
          ))}
        </div>
        <SearchBox value={search.q} label="Search changes" placeholder="Search names and commands…" onSearch={(q) => navigate({ q, page: 1 })} />
        <FacetFilter
          label="Family"
          options={page.facets.family.map((f) => ({ value: f.value, label: familyLabel(f.value), count: f.count }))}
          selected={search.family}
          onChange={(family) => navigate({ family: family as ChangeSearch['family'], page: 1 })}
        />
        <a className="button" href={exportHref} download>
          Export CSV
        </a>
      </div>
      <DataTable
        table={table}
        caption="Changes"
        isPending={isPending}
        empty={<p>{search.q || search.family.length ? 'No changes match these filters.' : `Nothing ${search.kind === 'new' ? 'new' : 'removed'} in this window.`}</p>}
      />
      <Pagination page={search.page} size={search.size} total={page.total} onChange={navigate} />
    </section>
  );
}
