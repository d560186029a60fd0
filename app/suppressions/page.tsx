import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/require-user';
import { hasRole } from '@/lib/auth/roles';
import { listSuppressions } from '@/lib/data/suppressions';
import { parseSuppressionSearchParams } from '@/lib/validation/suppressions';
import { SuppressionForm } from './suppression-form';
import { SuppressionsTable } from './suppressions-table';

export const metadata: Metadata = { title: 'Suppressions · Tasklens' };

export default async function SuppressionsPage({ searchParams }: PageProps<'/suppressions'>) {
  const user = await requireUser('viewer');
  const search = parseSuppressionSearchParams(await searchParams);
  const page = await listSuppressions(search);
  const canManage = hasRole(user.role, 'manager');
  return (
    <>
      <header className="page-header">
        <h1>Suppressions</h1>
        <p className="muted">
          Known-good entries, signers, paths and host groups kept off the outlier list. Suppressed entries stay searchable (Outliers, <em>Suppressed: only</em>).
          {canManage ? '' : ' Managers create and expire them.'}
        </p>
      </header>
      {canManage && <SuppressionForm />}
      <SuppressionsTable search={search} page={page} canManage={canManage} />
    </>
  );
}
