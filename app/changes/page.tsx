import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/require-user';
import { listChanges } from '@/lib/data/changes';
import { formatDateTime } from '@/lib/format/labels';
import { parseChangeSearchParams } from '@/lib/validation/changes';
import { ChangesTable } from './changes-table';

export const metadata: Metadata = { title: 'Changes · Tasklens' };

export default async function ChangesPage({ searchParams }: PageProps<'/changes'>) {
  await requireUser('viewer');
  const search = parseChangeSearchParams(await searchParams);
  const page = await listChanges(search);
  return (
    <>
      <header className="page-header">
        <h1>Changes</h1>
        <p className="muted">
          Jobs that appeared or disappeared across the fleet {search.window === 'today' ? 'in the last day' : 'in the last 7 days'} before{' '}
          {search.until ? `the end of ${search.until}` : 'the latest collection'} ({formatDateTime(page.windowEnd)}). Hosts&apos; first snapshots are
          their baseline, not changes.
        </p>
      </header>
      <ChangesTable search={search} page={page} />
    </>
  );
}
