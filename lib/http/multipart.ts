import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import busboy from 'busboy';
import { AppError } from '@/lib/errors';
import { removeSpooled, spoolStream, type SpooledFile } from '@/lib/ingest/spool';

/** One `file` part of an upload, spooled to disk. */
export interface MultipartFile extends SpooledFile {
  fileName: string;
}

export interface MultipartUpload {
  files: MultipartFile[];
  fields: Record<string, string>;
}

/** More parts than any collector sends at once; an archive carries a whole fleet in one part. */
export const MAX_FILE_PARTS = 100;

/**
 * Read a multipart upload with busboy, spooling every "file" part to disk as it arrives (request.formData()
 * would hold the whole body in memory). Form fields may come before or after the files. `maxBytes` bounds the
 * whole upload, all parts together; nothing stays spooled when the upload is refused.
 */
export async function readMultipartUpload(request: Request, maxBytes: number): Promise<MultipartUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data')) throw new AppError('bad_request', 'expected multipart/form-data with one or more "file" parts');
  if (!request.body) throw new AppError('bad_request', 'empty request body');
  const fields: Record<string, string> = {};
  const spooling: Promise<MultipartFile>[] = [];
  let received = 0;
  let refusal: AppError | null = null;
  const parser = busboy({
    headers: { 'content-type': contentType },
    // Folder-relative names (`WS0142/autoruns.csv`, from `tasklens push <folder>`) name hosts. They are only read
    // as hints: spooled files get random names, so a `../` in a name never reaches the file system.
    preservePath: true,
    limits: { files: MAX_FILE_PARTS, fileSize: maxBytes, fields: 20, fieldSize: 4096 },
  });
  parser.on('field', (name, value) => (fields[name] = value));
  parser.on('filesLimit', () => (refusal ??= new AppError('bad_request', `more than ${MAX_FILE_PARTS} file parts in one upload; put them in an archive`)));
  parser.on('file', (name, stream, info) => {
    if (name !== 'file') return void stream.resume();
    const fileName = info.filename || `upload-${spooling.length + 1}`;
    const pass = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) refusal ??= new AppError('too_large', `the upload is larger than ${maxBytes} bytes`);
    });
    stream.on('limit', () => (refusal ??= new AppError('too_large', `${fileName} is larger than ${maxBytes} bytes`)));
    stream.pipe(pass);
    spooling.push(spoolStream(pass).then((file) => ({ ...file, fileName })));
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', (err) => reject(new AppError('bad_request', `malformed multipart body: ${(err as Error).message}`)));
  });
  Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>).pipe(parser);
  await done.catch((err: AppError) => (refusal ??= err));
  // Parts are only known once busboy has seen the whole body; wait for every spool, even after a refusal, to clean up.
  const settled = await Promise.allSettled(spooling);
  const files = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (settled.some((s) => s.status === 'rejected')) refusal ??= new AppError('bad_request', 'the upload was cut short');
  if (!refusal && files.length === 0) refusal = new AppError('bad_request', 'no "file" part in the upload');
  if (refusal) {
    await Promise.all(files.map((f) => removeSpooled(f.path)));
    throw refusal;
  }
  return { files, fields };
}
