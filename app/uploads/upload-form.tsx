'use client';

import { useRouter } from 'next/navigation';
import { useState, type DragEvent, type FormEvent } from 'react';
import { followUpload, postUpload } from '@/lib/api-client';
import type { UploadRow } from '@/lib/data/uploads';
import { UploadResult } from './upload-result';

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

type Phase = { kind: 'idle' } | { kind: 'sending'; fraction: number } | { kind: 'processing'; filesDone: number } | { kind: 'error'; message: string };

export function UploadForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [isOver, setIsOver] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<UploadRow | null>(null);

  function handleDrop(e: DragEvent) {
    e.preventDefault();
    setIsOver(false);
    if (e.dataTransfer.files[0]) setFile(e.dataTransfer.files[0]);
  }

  async function handleSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!file) return;
    const form = new FormData(e.currentTarget);
    form.set('file', file);
    setResult(null);
    setPhase({ kind: 'sending', fraction: 0 });
    const answer = await postUpload(form, (fraction) => setPhase({ kind: 'sending', fraction }));
    const body = answer.body as { uploadId?: number; message?: string };
    if (!answer.ok || !body.uploadId) {
      setPhase({ kind: 'error', message: `${file.name}: ${body.message ?? `upload failed (HTTP ${answer.status})`}` });
      return;
    }
    try {
      const done = await followUpload<UploadRow>(body.uploadId, (u) => setPhase({ kind: 'processing', filesDone: u.filesDone }));
      setResult(done);
      setPhase({ kind: 'idle' });
      router.refresh();
    } catch (err) {
      setPhase({ kind: 'error', message: (err as Error).message });
    }
  }

  const isBusy = phase.kind === 'sending' || phase.kind === 'processing';
  return (
    <form className="panel" onSubmit={handleSubmit} aria-label="Upload an export">
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
        <p>{file ? <strong className="mono">{file.name}</strong> : 'Drop an export or an archive (.zip, .tar.gz) here, or choose a file.'}</p>
        <input type="file" aria-label="Export file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
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
      {phase.kind === 'sending' && <progress value={phase.fraction} max={1} aria-label="Upload progress" />}
      {phase.kind === 'processing' && (
        <p role="status" aria-live="polite">
          <progress aria-label="Processing" /> Processing… {phase.filesDone > 0 && `${phase.filesDone} files read`}
        </p>
      )}
      <button type="submit" className="primary" disabled={!file || isBusy}>
        {isBusy ? 'Uploading…' : 'Upload'}
      </button>
      {phase.kind === 'error' && (
        <p role="alert" className="result-error">
          {phase.message}
        </p>
      )}
      {result && <UploadResult upload={result} />}
    </form>
  );
}
