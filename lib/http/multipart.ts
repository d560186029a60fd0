import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import busboy from 'busboy';
import { AppError } from '@/lib/errors';
import { removeSpooled, spoolStream, type SpooledFile } from '@/lib/ingest/spool';

export interface MultipartUpload {
  fileName: string;
  file: SpooledFile;
  fields: Record<string, string>;
}

/**
 * Read a multipart upload with busboy, spooling the "file" part to disk as it arrives (request.formData()
 * would hold the whole body in memory). Form fields may come before or after the file.
 */
export async function readMultipartUpload(request: Request, maxBytes: number): Promise<MultipartUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) throw new AppError('bad_request', 'expected multipart/form-data with a "file" field');
  if (!request.body) throw new AppError('bad_request', 'empty request body');
  const fields: Record<string, string> = {};
  let spooling: Promise<SpooledFile> | null = null;
  let fileName = 'upload';
  let isTooLarge = false;
  const parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 4096 } });
  parser.on('field', (name, value) => (fields[name] = value));
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || spooling) return void stream.resume();
    fileName = info.filename || 'upload';
    stream.on('limit', () => (isTooLarge = true));
    const pass = new PassThrough();
    stream.pipe(pass);
    spooling = spoolStream(pass);
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', (err) => reject(new AppError('bad_request', `malformed multipart body: ${(err as Error).message}`)));
  });
  Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>).pipe(parser);
  await done;
  if (!spooling) throw new AppError('bad_request', 'no "file" field in the upload');
  const file = await (spooling as Promise<SpooledFile>);
  if (isTooLarge) {
    await removeSpooled(file.path);
    throw new AppError('too_large', `file is larger than ${maxBytes} bytes`);
  }
  return { fileName, file, fields };
}
