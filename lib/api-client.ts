/** Browser-side calls to the upload API (fetch cannot report upload progress; XMLHttpRequest can). */
export interface UploadAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

export function postUpload(form: FormData, onProgress: (fraction: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/uploads?wait=false');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { message: xhr.responseText.slice(0, 500) };
      }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, body: { message: 'network error: the server did not answer' } });
    xhr.send(form);
  });
}

const POLL_MS = 700;
const PENDING = new Set(['queued', 'processing']);

/** Follow an acknowledged upload until it is processed, reporting each intermediate state. */
export async function followUpload<T extends { status: string }>(id: number, onUpdate: (upload: T) => void): Promise<T> {
  for (;;) {
    const res = await fetch(`/api/v1/uploads/${id}`, { cache: 'no-store' });
    if (!res.ok) throw new Error(`upload ${id}: HTTP ${res.status}`);
    const upload = (await res.json()) as T;
    onUpdate(upload);
    if (!PENDING.has(upload.status)) return upload;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
