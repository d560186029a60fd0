import type { Metadata } from 'next';
import { listHosts } from '@/lib/data/hosts';
import { parseHostSearchParams } from '@/lib/validation/hosts';
import { HostsTable } from './hosts-table';
import { requireUser } from '@/lib/auth/require-user';

export const metadata: Metadata = { title: 'Hosts · Tasklens' };

export default async function HostsPage({ searchParams }: PageProps<'/hosts'>) {
  await requireUser('viewer');
  const search = parseHostSearchParams(await searchParams);
  const page = await listHosts(search);
  return (
    <>
      <header className="page-header">
        <h1>Hosts</h1>
        <p className="muted">Machines that have reported at least one snapshot.</p>
      </header>
      <HostsTable search={search} page={page} />
    </>
  );
}
