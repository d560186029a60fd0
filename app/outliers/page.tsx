import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/require-user';
import { hasRole } from '@/lib/auth/roles';
import { listOutliers } from '@/lib/data/outliers';
import { getTriageStates, listAssignees } from '@/lib/data/triage-read';
import { parseOutlierSearchParams } from '@/lib/validation/outliers';
import { OutliersTable } from './outliers-table';

export const metadata: Metadata = { title: 'Outliers · Tasklens' };

export default async function OutliersPage({ searchParams }: PageProps<'/outliers'>) {
  const user = await requireUser('viewer');
  const search = parseOutlierSearchParams(await searchParams);
  const page = await listOutliers(search);
  const canTriage = hasRole(user.role, 'analyst');
  const [triage, assignees] = await Promise.all([getTriageStates(page.rows.map((r) => r.id)), canTriage ? listAssignees() : []]);
  return (
    <>
      <header className="page-header">
        <h1>Outliers</h1>
        <p className="muted">
          Entries scoring {search.minScore ?? page.threshold} or more: rare, new, drifted or suspicious against the fleet&apos;s history. Each score shows
          its parts.
        </p>
      </header>
      <OutliersTable search={search} page={page} canSuppress={hasRole(user.role, 'manager')} triageRole={canTriage ? user.role : null} triage={triage} assignees={assignees} />
    </>
  );
}
