import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/require-user';
import { hasRole } from '@/lib/auth/roles';
import { listOutliers } from '@/lib/data/outliers';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { OutliersTable } from './outliers-table';

export const metadata: Metadata = { title: 'Outliers · Tasklens' };

export default async function OutliersPage({ searchParams }: PageProps<'/outliers'>) {
  const user = await requireUser('viewer');
  const search = parseOutlierSearchParams(await searchParams);
  const page = await listOutliers(search);
  return (
    <>
      <header className="page-header">
        <h1>Outliers</h1>
        <p className="muted">
          Entries scoring {search.minScore ?? page.threshold} or more: rare, new, drifted or suspicious against the fleet&apos;s history. Each score shows
          its parts.
        </p>
      </header>
      <OutliersTable search={search} page={page} canSuppress={hasRole(user.role, 'manager')} />
    </>
  );
}
