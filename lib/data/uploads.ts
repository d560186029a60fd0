import 'server-only';
import { db } from '@/lib/db/client';

export interface UploadRow {
  id: number;
  fileName: string;
  status: string;
  message: string | null;
  sizeBytes: number;
  filesDone: number;
  createdAt: string;
  finishedAt: string | null;
  warnings: { file: string; line?: number | null; message: string }[];
  snapshots: { id: number; host: string; source: string; entryCount: number; warningCount: number }[];
}

const UPLOAD_SELECT = {
  id: true,
  fileName: true,
  status: true,
  message: true,
  sizeBytes: true,
  filesDone: true,
  createdAt: true,
  finishedAt: true,
  warnings: true,
  snapshots: { select: { id: true, source: true, entryCount: true, warningCount: true, host: { select: { name: true } } } },
} as const;

type UploadRecord = Awaited<ReturnType<typeof findUploads>>[number];

function findUploads(where: { id?: number }, take: number) {
  return db().upload.findMany({ where, orderBy: { id: 'desc' }, take, select: UPLOAD_SELECT });
}

function toRow(u: UploadRecord): UploadRow {
  return {
    id: u.id,
    fileName: u.fileName,
    status: u.status,
    message: u.message,
    sizeBytes: Number(u.sizeBytes),
    filesDone: u.filesDone,
    createdAt: u.createdAt.toISOString(),
    finishedAt: u.finishedAt?.toISOString() ?? null,
    warnings: (u.warnings ?? []) as UploadRow['warnings'],
    snapshots: u.snapshots.map((s) => ({ id: s.id, host: s.host.name, source: s.source, entryCount: s.entryCount, warningCount: s.warningCount })),
  };
}

export async function getUpload(id: number): Promise<UploadRow | null> {
  const [row] = await findUploads({ id }, 1);
  return row ? toRow(row) : null;
}

/** The most recent uploads with their snapshots (newest first, capped). */
export async function listRecentUploads(limit = 20): Promise<UploadRow[]> {
  return (await findUploads({}, limit)).map(toRow);
}
