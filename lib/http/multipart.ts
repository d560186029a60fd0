import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import busboy from 'busboy';
import { AppError } from '@/lib/errors';

export interface MultipartUpload {
  fileName: string;
  bytes: Uint8Array;
  fields: Record<string, string>;
}

/**
 * Read a multipart upload with busboy (request.formData() would buffer the whole body without a limit).
 * The file part is capped at `maxBytes`; form fields may come before or after it.
 */
export async function readMultipartUpload(request: Request, maxBytes: number): Promise<MultipartUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) throw new AppError('bad_request', 'expected multipart/form-data with a "file" field');
  if (!request.body) throw new AppError('bad_request', 'empty request body');
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: { name: string; chunks: Buffer[]; size: number } | null = null;
    let failure: Error | null = null;
    const parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 4096 } });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      const current = { name: info.filename || 'upload', chunks: [] as Buffer[], size: 0 };
      file = current;
      stream.on('data', (chunk: Buffer) => {
        current.size += chunk.length;
        current.chunks.push(chunk);
      });
      stream.on('limit', () => (failure = new AppError('too_large', `file is larger than ${maxBytes} bytes`)));
    });
    parser.on('error', (err) => reject(new AppError('bad_request', `malformed multipart body: ${(err as Error).message}`)));
    parser.on('close', () => {
      if (failure) return reject(failure);
      if (!file) return reject(new AppError('bad_request', 'no "file" field in the upload'));
      const f = file as { name: string; chunks: Buffer[] };
      resolve({ fileName: f.name, bytes: new Uint8Array(Buffer.concat(f.chunks)), fields });
    });
    Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>).pipe(parser);
  });
}
