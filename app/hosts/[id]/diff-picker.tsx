'use client';

import { useUrlState } from '@/components/data-table/use-url-state';
import type { HostSnapshot } from '@/lib/data/host-detail';
import { formatDateTime } from '@/lib/format/labels';
import { serializeHostDetailSearchParams, type HostDetailSearch } from '@/lib/validation/host-detail';

/** Two snapshot selects held in the URL (`from`, `to`); the second only offers snapshots of the first's source. */
export function DiffPicker({ search, snapshots }: { search: HostDetailSearch; snapshots: HostSnapshot[] }) {
  const { navigate, isPending } = useUrlState(search, serializeHostDetailSearchParams);
  const from = snapshots.find((s) => s.id === search.from);
  const label = (s: HostSnapshot) => `${s.source} · ${formatDateTime(s.collectedAt)} · ${s.entryCount} entries`;
  return (
    <div className="toolbar" aria-busy={isPending || undefined}>
      <label className="page-size">
        From
        <select aria-label="From snapshot" value={search.from ?? ''} onChange={(e) => navigate({ from: e.target.value ? Number(e.target.value) : undefined, change: undefined, cpage: 1 })}>
          <option value="">choose a snapshot…</option>
          {snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {label(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="page-size">
        To
        <select aria-label="To snapshot" value={search.to ?? ''} onChange={(e) => navigate({ to: e.target.value ? Number(e.target.value) : undefined, change: undefined, cpage: 1 })}>
          <option value="">choose a snapshot…</option>
          {snapshots
            .filter((s) => !from || s.source === from.source)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {label(s)}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
