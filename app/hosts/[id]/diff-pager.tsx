'use client';

import { Pagination } from '@/components/data-table/pagination';
import { useUrlState } from '@/components/data-table/use-url-state';
import { serializeHostDetailSearchParams, type HostDetailSearch } from '@/lib/validation/host-detail';

/** The diff's pages, held in the URL as `cpage` and `csize` beside the entries table's own `page` and `size`. */
export function DiffPager({ search, total }: { search: HostDetailSearch; total: number }) {
  const { navigate, isPending } = useUrlState(search, serializeHostDetailSearchParams);
  return (
    <div aria-busy={isPending || undefined}>
      <Pagination label="Changes pages" page={search.cpage} size={search.csize} total={total} onChange={(p) => navigate({ cpage: p.page ?? search.cpage, csize: p.size ?? search.csize })} />
    </div>
  );
}
