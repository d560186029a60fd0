import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface SpooledFile {
  path: string;
  sha256: string;
  size: number;
}

/**
 * Where received uploads wait for processing: TASKLENS_SPOOL_DIR, else `spool` in the data folder. Not /tmp: an
 * acknowledged upload must still be there after a reboot for the queue to finish it.
 */
export function spoolDir(): string {
  return path.resolve(process.env.TASKLENS_SPOOL_DIR ?? path.join(process.env.TASKLENS_DATA_DIR ?? 'data', 'spool'));
}

/**
 * Write an incoming stream to disk while hashing it, so memory stays flat whatever the upload size and
 * the bytes can be read again (archives are unpacked from the spooled copy).
 */
export async function spoolStream(stream: Readable): Promise<SpooledFile> {
  await mkdir(spoolDir(), { recursive: true });
  const file = path.join(spoolDir(), `${Date.now()}-${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  try {
    await pipeline(stream, createWriteStream(file));
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return { path: file, sha256: hash.digest('hex'), size };
}

export async function removeSpooled(file: string): Promise<void> {
  await rm(file, { force: true });
}
