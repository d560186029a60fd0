import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { LocalFile } from './collect-files';

/**
 * A multipart/form-data body streamed from disk, with its exact length and a callback per chunk sent. Written by
 * hand because fetch's FormData gives neither: it cannot report upload progress, and Blob-backed parts hide
 * how much has gone out.
 */
export function multipartBody(files: LocalFile[], fields: Record<string, string>, onBytes: (n: number) => void) {
  const boundary = `----tasklens-${randomBytes(12).toString('hex')}`;
  const enc = new TextEncoder();
  const quote = (s: string) => s.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c));
  const fieldParts = Object.entries(fields).map(([k, v]) => enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(k)}"\r\n\r\n${v}\r\n`));
  const heads = files.map((f) =>
    enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quote(f.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
  );
  const crlf = enc.encode('\r\n');
  const tail = enc.encode(`--${boundary}--\r\n`);
  const length =
    fieldParts.reduce((n, p) => n + p.length, 0) + heads.reduce((n, h) => n + h.length, 0) + files.reduce((n, f) => n + f.size + crlf.length, 0) + tail.length;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* fieldParts;
    for (const [i, f] of files.entries()) {
      yield heads[i]!;
      for await (const chunk of createReadStream(f.path)) {
        onBytes((chunk as Buffer).length);
        yield chunk as Buffer;
      }
      yield crlf;
    }
    yield tail;
  }
  const iterator = chunks();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  return { body, length, contentType: `multipart/form-data; boundary=${boundary}` };
}
