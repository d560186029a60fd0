'use client';

import { useRouter } from 'next/navigation';
import { useState, type DragEvent, type FormEvent } from 'react';
import { postUpload } from '@/lib/api-client';
import { UploadResult, type UploadOutcome } from './upload-result';

export function UploadForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [isOver, setIsOver] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);

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
    setOutcome(null);
    setProgress(0);
    const answer = await postUpload(form, setProgress);
    setProgress(null);
    setOutcome({ fileName: file.name, ...answer });
    if (answer.ok) router.refresh();
  }

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
        <p>{file ? <strong className="mono">{file.name}</strong> : 'Drop an export here, or choose a file.'}</p>
        <input type="file" aria-label="Export file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="upload-grid">
        <label>
          Host (when the file does not name one)
          <input name="host" aria-label="Host" placeholder="e.g. WS-0142" maxLength={255} />
        </label>
        <label>
          Collected at (default: now)
          <input name="collectedAt" aria-label="Collected at" type="datetime-local" />
        </label>
      </div>
      {progress !== null && <progress value={progress} max={1} aria-label="Upload progress" />}
      <button type="submit" className="primary" disabled={!file || progress !== null}>
        {progress !== null ? 'Uploading…' : 'Upload'}
      </button>
      {outcome && <UploadResult outcome={outcome} />}
    </form>
  );
}
