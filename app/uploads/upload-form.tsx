'use client';

import { useRouter } from 'next/navigation';
import { useState, type DragEvent, type FormEvent } from 'react';
import { followUpload, postUpload } from '@/lib/api-client';
import type { UploadView } from '@/lib/data/uploads';
import { UploadFileRow, type FileState } from './upload-file-row';

const FORMAT_OPTIONS = [
  ['', 'Detect automatically'],
  ['autoruns', 'Autoruns CSV/TSV'],
  ['schtasks', 'schtasks CSV / LIST'],
  ['scheduledtask_csv', 'Get-ScheduledTask | Export-Csv'],
  ['taskxml', 'Task Scheduler XML'],
  ['cron', 'cron / anacron'],
  ['systemd', 'systemd timers and units'],
  ['launchd', 'launchd plist'],
  ['at', 'at jobs'],
  ['osquery', 'osquery results'],
  ['task_events', 'Task Scheduler events'],
] as const;

/**
 * Several files are sent one upload each, one after the other: every file gets its own progress, result and
 * retry, and a refused file does not hold back the others.
 */
export function UploadForm() {
  const router = useRouter();
  const [files, setFiles] = useState<FileState[]>([]);
  const [isOver, setIsOver] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  const choose = (list: FileList | null) => setFiles(Array.from(list ?? [], (file) => ({ file, phase: { kind: 'waiting' } })));
  const update = (i: number, next: Partial<FileState>) => setFiles((all) => all.map((f, j) => (j === i ? { ...f, ...next } : f)));

  function handleDrop(e: DragEvent) {
    e.preventDefault();
    setIsOver(false);
    choose(e.dataTransfer.files);
  }

  async function send(i: number, file: File, fields: FormData) {
    const form = new FormData();
    for (const [key, value] of fields) if (typeof value === 'string') form.set(key, value);
    form.set('file', file);
    update(i, { phase: { kind: 'sending', fraction: 0 } });
    const answer = await postUpload(form, (fraction) => update(i, { phase: { kind: 'sending', fraction } }));
    const body = answer.body as Partial<UploadView> & { message?: string };
    if (!answer.ok || !body.id) return update(i, { phase: { kind: 'error', message: body.message ?? `upload failed (HTTP ${answer.status})` } });
    try {
      const done = await followUpload<UploadView>(body.id, (u) => update(i, { phase: { kind: 'processing', progress: u.progress } }));
      update(i, { phase: { kind: 'done', upload: done } });
    } catch (err) {
      update(i, { phase: { kind: 'error', message: (err as Error).message } });
    }
  }

  async function handleSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fields = new FormData(e.currentTarget);
    setIsBusy(true);
    for (const [i, f] of files.entries()) if (f.phase.kind === 'waiting' || f.phase.kind === 'error') await send(i, f.file, fields);
    setIsBusy(false);
    router.refresh();
  }

  const hasWork = files.some((f) => f.phase.kind === 'waiting' || f.phase.kind === 'error');
  return (
    <form className="panel" onSubmit={handleSubmit} aria-label="Upload exports">
      <div
        className="dropzone"
        data-over={isOver || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={handleDrop}
      >
        <p>Drop exports or archives (.zip, .tar.gz) here, or choose files. Each file is one upload.</p>
        <input type="file" multiple aria-label="Export files" onChange={(e) => choose(e.target.files)} />
      </div>
      <div className="upload-grid">
        <label>
          Host (when neither the data nor the path names one)
          <input name="host" aria-label="Host" placeholder="e.g. WS-0142" maxLength={255} />
        </label>
        <label>
          Collected at (default: from the data, else now)
          <input name="collectedAt" aria-label="Collected at" type="datetime-local" />
        </label>
        <label>
          Format (default: detected from the content)
          <select name="format" aria-label="Format" defaultValue="">
            {FORMAT_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Labels for every host in the upload
          <input name="labels" aria-label="Labels" placeholder="role=workstation,site=paris" maxLength={1000} />
        </label>
      </div>
      <button type="submit" className="primary" disabled={!hasWork || isBusy}>
        {isBusy ? 'Uploading…' : files.length > 1 ? `Upload ${files.length} files` : 'Upload'}
      </button>
      {files.length > 0 && (
        <ul className="upload-files" aria-label="Files">
          {files.map((f, i) => (
            <UploadFileRow key={`${i}-${f.file.name}`} state={f} />
          ))}
        </ul>
      )}
    </form>
  );
}
