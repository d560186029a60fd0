import 'server-only';
import { db } from '@/lib/db/client';

/** Where an upload is, as collectors see it; `outcome` tells a finished one apart (all files, some, nothing new). */
export type UploadStatus = 'queued' | 'processing' | 'done' | 'failed';
export type UploadOutcome = 'ingested' | 'partial' | 'duplicate' | 'failed';

export interface UploadProblem {
  file: string | null;
  line: number | null;
  message: string;
}

/** The upload as POST /api/v1/uploads and GET /api/v1/uploads/{id} answer it (docs/openapi.yaml: Upload). */
export interface UploadView {
  id: number;
  fileName: string;
  status: UploadStatus;
  outcome: UploadOutcome | null;
  message: string | null;
  duplicate: boolean;
  progress: { bytes: number; totalBytes: number; rows: number; files: number; totalFiles: number };
  uploadedBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  snapshots: {
    id: number;
    host: string;
    source: string;
    collectedAt: string;
    entries: number;
    warningCount: number;
    warnings: { line: number | null; message: string }[];
  }[];
  /** Files, members or lines that could not be ingested, and the refusal of a failed upload. */
  errors: UploadProblem[];
}

/** Warnings shown per snapshot in the API and on the page; the count says how many there were. */
const SNAPSHOT_WARNINGS_SHOWN = 50;

const UPLOAD_SELECT = {
  id: true,
  fileName: true,
  status: true,
  message: true,
  sizeBytes: true,
  filesTotal: true,
  filesDone: true,
  bytesDone: true,
  rowsDone: true,
  uploadedBy: true,
  createdAt: true,
  finishedAt: true,
  warnings: true,
  snapshots: {
    orderBy: { id: 'asc' },
    select: { id: true, source: true, collectedAt: true, entryCount: true, warningCount: true, warnings: true, host: { select: { name: true } } },
  },
} as const;

type UploadRecord = Awaited<ReturnType<typeof findUploads>>[number];

function findUploads(where: { id?: number }, skip: number, take: number) {
  return db().upload.findMany({ where, orderBy: { id: 'desc' }, skip, take, select: UPLOAD_SELECT });
}

const STATUS: Record<string, UploadStatus> = { received: 'queued', processing: 'processing', failed: 'failed' };
const OUTCOME: Record<string, UploadOutcome> = { done: 'ingested', partial: 'partial', duplicate: 'duplicate', failed: 'failed' };

function toView(u: UploadRecord): UploadView {
  const isFinished = u.finishedAt !== null;
  const totalBytes = Number(u.sizeBytes);
  return {
    id: u.id,
    fileName: u.fileName,
    status: STATUS[u.status] ?? 'done',
    outcome: OUTCOME[u.status] ?? null,
    message: u.message,
    duplicate: u.status === 'duplicate',
    progress: {
      // A finished upload has read everything, whatever its last progress write said.
      bytes: isFinished ? totalBytes : Number(u.bytesDone),
      totalBytes,
      rows: u.rowsDone,
      files: u.filesDone,
      totalFiles: u.filesTotal,
    },
    uploadedBy: u.uploadedBy,
    createdAt: u.createdAt.toISOString(),
    finishedAt: u.finishedAt?.toISOString() ?? null,
    snapshots: u.snapshots.map((s) => ({
      id: s.id,
      host: s.host.name,
      source: s.source,
      collectedAt: s.collectedAt.toISOString(),
      entries: s.entryCount,
      warningCount: s.warningCount,
      warnings: ((s.warnings ?? []) as { line?: number | null; message: string }[])
        .slice(0, SNAPSHOT_WARNINGS_SHOWN)
        .map((w) => ({ line: w.line ?? null, message: w.message })),
    })),
    errors: ((u.warnings ?? []) as { file?: string | null; line?: number | null; message: string }[]).map((w) => ({
      file: w.file ?? null,
      line: w.line ?? null,
      message: w.message,
    })),
  };
}

export async function getUpload(id: number): Promise<UploadView | null> {
  const [row] = await findUploads({ id }, 0, 1);
  return row ? toView(row) : null;
}

/** The history of uploads, newest first, one page at a time. */
export async function listUploads(page: number, pageSize: number): Promise<{ rows: UploadView[]; total: number }> {
  const [rows, total] = await Promise.all([findUploads({}, (page - 1) * pageSize, pageSize), db().upload.count()]);
  return { rows: rows.map(toView), total };
}
