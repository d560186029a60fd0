import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/require-user';
import { hasRole } from '@/lib/auth/roles';
import { getHost, listHostSnapshots, type HostSnapshot } from '@/lib/data/host-detail';
import { listHostEntries } from '@/lib/data/host-entries';
import { getHostTimeline } from '@/lib/data/host-timeline';
import { diffSnapshots, pageOfChanges } from '@/lib/data/snapshot-diff';
import { formatDateTime } from '@/lib/format/labels';
import { idParamSchema } from '@/lib/validation/entry';
import { parseHostDetailSearchParams, type HostDetailSearch } from '@/lib/validation/host-detail';
import { HostEntriesTable } from './host-entries-table';
import { HostLabels } from './host-labels-form';
import { HostSnapshots } from './host-snapshots';
import { HostTimeline } from './host-timeline';
import { SnapshotDiffView } from './snapshot-diff-view';

export const metadata: Metadata = { title: 'Host · Tasklens' };

/** Both snapshots must belong to this host and share a source; anything else is explained, not diffed. */
async function diffOf(search: HostDetailSearch, snapshots: HostSnapshot[]) {
  if (!search.from || !search.to) return { changes: null, problem: null };
  const a = snapshots.find((s) => s.id === search.from);
  const b = snapshots.find((s) => s.id === search.to);
  if (!a || !b) return { changes: null, problem: 'Pick two snapshots of this host.' };
  if (a.source !== b.source) return { changes: null, problem: `These snapshots come from different sources (${a.source}, ${b.source}); pick two of one source.` };
  return { changes: pageOfChanges(await diffSnapshots(a.id, b.id), { kind: search.change, page: search.cpage, size: search.csize }), problem: null };
}

export default async function HostPage({ params, searchParams }: PageProps<'/hosts/[id]'>) {
  const user = await requireUser('viewer');
  const id = idParamSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const search = parseHostDetailSearchParams(await searchParams);
  const host = await getHost(id.data);
  if (!host) notFound();
  // The diff waits only for the snapshot list it checks the pair against, not for the entries and the timeline.
  const snapshotList = listHostSnapshots(host.id);
  const [snapshots, entries, timeline, diff] = await Promise.all([
    snapshotList,
    listHostEntries(host.id, search),
    getHostTimeline(host.id),
    snapshotList.then((s) => diffOf(search, s)),
  ]);
  return (
    <>
      <header className="page-header">
        <h1 className="mono">{host.name}</h1>
        <p className="muted">
          {host.osFamily ?? 'unknown OS'} · {host.entriesNow.toLocaleString('en-US')} entries now · last snapshot {formatDateTime(host.lastSnapshotAt)} ·{' '}
          <Link href={`/inventory?host=${encodeURIComponent(host.name)}`}>Browse in the inventory</Link>
        </p>
      </header>
      <HostLabels hostId={host.id} labels={host.labels} canEdit={hasRole(user.role, 'analyst')} />
      <HostEntriesTable search={search} page={entries} />
      <SnapshotDiffView search={search} snapshots={snapshots} changes={diff.changes} problem={diff.problem} />
      <HostSnapshots snapshots={snapshots} />
      <HostTimeline hostId={host.id} items={timeline.items} days={timeline.days} total={timeline.total} />
    </>
  );
}
