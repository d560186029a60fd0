import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/require-user';
import { listTriageQueue } from '@/lib/data/triage-queue';
import { parseTriageQueueSearchParams } from '@/lib/validation/triage';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: 'Triage · Tasklens' };

export default async function TriagePage({ searchParams }: PageProps<'/triage'>) {
  const user = await requireUser('viewer');
  const search = parseTriageQueueSearchParams(await searchParams);
  const page = await listTriageQueue(user, search);
  return (
    <>
      <header className="page-header">
        <h1>Triage</h1>
        <p className="muted">Work items by state and age. Open an entry to assign it, comment, give a verdict or suppress it.</p>
      </header>
      <QueueTable search={search} page={page} />
    </>
  );
}
