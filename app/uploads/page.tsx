import { connection } from 'next/server';
import type { Metadata } from 'next';
import { listUploads } from '@/lib/data/uploads';
import { pageSchema } from '@/lib/validation/table-params';
import { RecentUploads } from './recent-uploads';
import { UploadForm } from './upload-form';
import { requireUser } from '@/lib/auth/require-user';
import { hasRole } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Uploads · Tasklens' };

const PAGE_SIZE = 25;

export default async function UploadsPage({ searchParams }: PageProps<'/uploads'>) {
  const user = await requireUser('viewer');
  await connection();
  const page = pageSchema.parse((await searchParams).page);
  const { rows, total } = await listUploads(page, PAGE_SIZE);
  return (
    <>
      <header className="page-header">
        <h1>Uploads</h1>
        <p className="muted">
          Autoruns, schtasks, Get-ScheduledTask CSV, task XML, cron, systemd, launchd, at, osquery results and Task Scheduler events, as files or
          archives (.zip, .tar.gz) of many hosts. Collectors use <code>tasklens push</code> or the API.
        </p>
      </header>
      {hasRole(user.role, 'analyst') ? <UploadForm /> : <p className="panel muted">Uploading needs the analyst role.</p>}
      <RecentUploads uploads={rows} page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} total={total} />
    </>
  );
}
