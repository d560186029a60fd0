import { connection } from 'next/server';
import type { Metadata } from 'next';
import { listRecentUploads } from '@/lib/data/uploads';
import { RecentUploads } from './recent-uploads';
import { UploadForm } from './upload-form';
import { requireUser } from '@/lib/auth/require-user';
import { hasRole } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Uploads · Tasklens' };

export default async function UploadsPage() {
  const user = await requireUser('viewer');
  await connection();
  const uploads = await listRecentUploads();
  return (
    <>
      <header className="page-header">
        <h1>Uploads</h1>
        <p className="muted">Autoruns CSV exports today; schtasks, task XML, cron, systemd, launchd and archives as ingest grows.</p>
      </header>
      {hasRole(user.role, 'analyst') ? <UploadForm /> : <p className="panel muted">Uploading needs the analyst role.</p>}
      <RecentUploads uploads={uploads} />
    </>
  );
}
