'use client';

import { DataTable } from '@/components/data-table/data-table';
import { FacetFilter } from '@/components/data-table/facet-filter';
import { Pagination } from '@/components/data-table/pagination';
import { SearchBox } from '@/components/data-table/search-box';
import { TableTools } from '@/components/data-table/table-tools';
import { useServerTable } from '@/components/data-table/use-server-table';
import { useUrlState } from '@/components/data-table/use-url-state';
import type { ChangePage } from '@/lib/data/changes';
import { familyLabel } from '@/lib/format/labels';
import { CHANGE_SORTS, serializeChangeSearchParams, type ChangeSearch } from '@/lib/validation/changes';
import { changeColumns } from './changes-columns';

const KIND_OPTIONS = [
  { value: 'new' as const, label: 'New' },
  { value: 'removed' as const, label: 'Removed' },
];
const WINDOW_OPTIONS = [
  { value: 'today' as const, label: 'Today' },
  { value: 'week' as const, label: 'This week' },
];

/** Mutually exclusive toggle buttons (aria-pressed), for choices short enough to show all at once. */
function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: { value: T; label: string }[]; onChange: (v: T) => void }) {
  return (
    <div role="group" aria-label={label} className="segmented">
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={value === o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function ChangesTable({ search, page }: { search: ChangeSearch; page: ChangePage }) {
  const { navigate, isPending } = useUrlState(search, serializeChangeSearchParams);
  const table = useServerTable({ data: page.rows, columns: changeColumns, total: page.total, search, sorts: CHANGE_SORTS, getRowId: (r) => String(r.entryId), navigate, tableId: 'changes' });
  const exportHref = `/changes/export${serializeChangeSearchParams({ ...search, page: 1, size: 50 })}`;
  return (
    <section aria-label="Changes">
      <div className="toolbar">
        <Segmented label="Change" value={search.kind} options={KIND_OPTIONS} onChange={(kind) => navigate({ kind, page: 1 })} />
        <Segmented label="Window" value={search.window} options={WINDOW_OPTIONS} onChange={(window) => navigate({ window, page: 1 })} />
        <SearchBox value={search.q} label="Search changes" placeholder="Search names and commands…" onSearch={(q) => navigate({ q, page: 1 })} />
        <FacetFilter
          label="Family"
          options={page.facets.family.map((f) => ({ value: f.value, label: familyLabel(f.value), count: f.count }))}
          selected={search.family}
          onChange={(family) => navigate({ family: family as ChangeSearch['family'], page: 1 })}
        />
        <TableTools table={table} exportHref={exportHref} />
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
