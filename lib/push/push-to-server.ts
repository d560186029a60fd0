import type { UploadView } from '@/lib/data/uploads';
import { batchFiles, type LocalFile } from './collect-files';
import { multipartBody } from './multipart-body';
import { ProgressBar } from './progress-bar';

export interface PushOptions {
  server: string;
  token: string;
  fields: Record<string, string>;
  /** Where the progress bar goes (stderr, so stdout stays the results). */
  progress: NodeJS.WriteStream;
  pollMs?: number;
}

/** Requests stay well under the server's upload limit, and a failed request costs one batch, not the whole push. */
export const PUSH_BATCH_FILES = 50;
const BATCH_BYTES = 64 * 1024 * 1024;

export type BatchResult = { files: LocalFile[]; upload: UploadView } | { files: LocalFile[]; error: string };

/**
 * Send files to a Tasklens server as the upload API's collectors do: batches of `file` parts, each followed
 * until ingested. One progress bar covers all bytes: sending, then the server reading them.
 */
export async function pushToServer(files: LocalFile[], o: PushOptions): Promise<BatchResult[]> {
  const total = files.reduce((n, f) => n + f.size, 0);
  const bar = new ProgressBar(o.progress, total);
  const batches = batchFiles(files, PUSH_BATCH_FILES, BATCH_BYTES);
  const results: BatchResult[] = [];
  let before = 0;
  for (const [i, batch] of batches.entries()) {
    const label = batches.length > 1 ? `batch ${i + 1}/${batches.length}` : (batch[0]?.name ?? '');
    const size = batch.reduce((n, f) => n + f.size, 0);
    try {
      const upload = await sendBatch(batch, o, (sent) => bar.update(before + sent / 2, `sending ${label}`));
      const done = await follow(upload, o, (read) => bar.update(before + size / 2 + read / 2, `processing ${label}`));
      results.push({ files: batch, upload: done });
    } catch (err) {
      results.push({ files: batch, error: (err as Error).message });
    }
    before += size;
    bar.update(before, label);
  }
  bar.done();
  return results;
}

async function sendBatch(files: LocalFile[], o: PushOptions, onSent: (bytes: number) => void): Promise<UploadView> {
  let sent = 0;
  const body = multipartBody(files, o.fields, (n) => onSent((sent += n)));
  const res = await fetch(new URL('/api/v1/uploads?wait=false', o.server), {
    method: 'POST',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': body.contentType, 'content-length': String(body.length) },
    body: body.body,
    duplex: 'half',
  } as RequestInit);
  return readAnswer(res);
}

async function follow(upload: UploadView, o: PushOptions, onRead: (bytes: number) => void): Promise<UploadView> {
  let current = upload;
  while (current.status === 'queued' || current.status === 'processing') {
    onRead(current.progress.bytes);
    await new Promise((r) => setTimeout(r, o.pollMs ?? 500));
    current = await readAnswer(await fetch(new URL(`/api/v1/uploads/${upload.id}`, o.server), { headers: { authorization: `Bearer ${o.token}` } }));
  }
  return current;
}

/** The upload, or an Error with the server's message (4xx answers carry one; anything else says the status). */
async function readAnswer(res: Response): Promise<UploadView> {
  const text = await res.text();
  let body: (Partial<UploadView> & { message?: string }) | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy's error page or a wrong URL; the status says enough.
  }
  if (res.ok && body?.id) return body as UploadView;
  throw new Error(`HTTP ${res.status}${body?.message ? `: ${body.message}` : ''}`);
}
