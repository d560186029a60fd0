import type { UploadView } from '@/lib/data/uploads';
import { UploadResult } from './upload-result';

export type FilePhase =
  | { kind: 'waiting' }
  | { kind: 'sending'; fraction: number }
  | { kind: 'processing'; progress: UploadView['progress'] }
  | { kind: 'done'; upload: UploadView }
  | { kind: 'error'; message: string };

export interface FileState {
  file: File;
  phase: FilePhase;
}

const MB = 1024 * 1024;

/** One chosen file: its name, where its upload is (sending, processing with bytes and rows), and its result. */
export function UploadFileRow({ state: { file, phase } }: { state: FileState }) {
  return (
    <li className="upload-file" aria-label={file.name}>
      <span className="mono">{file.name}</span> <span className="muted">{(file.size / MB).toFixed(1)} MB</span>
      {phase.kind === 'waiting' && <span className="muted"> · waiting</span>}
      {phase.kind === 'sending' && <progress value={phase.fraction} max={1} aria-label={`Sending ${file.name}`} />}
      {phase.kind === 'processing' && (
        <span role="status" aria-live="polite">
          {' '}
          <progress value={phase.progress.bytes} max={phase.progress.totalBytes || 1} aria-label={`Processing ${file.name}`} /> Processing…{' '}
          {phase.progress.rows.toLocaleString('en-US')} rows
        </span>
      )}
      {phase.kind === 'error' && (
        <p role="alert" className="result-error">
          {file.name}: {phase.message}
        </p>
      )}
      {phase.kind === 'done' && <UploadResult upload={phase.upload} />}
    </li>
  );
}
