/** Streaming tar reader (tar-stream) and gunzip (node:zlib); members are collected one at a time. */
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { ArchiveError, MemberCollector, type LimitTracker } from './archive-limits';
import { checkMemberPath } from './archive-paths';
import type { ByteSource } from './archive-stream';
import { warning, type UnpackItem } from './archive-types';

/** Gunzip as a byte source; every output chunk is counted against the ratio limit before it is used. */
export async function* gunzipSource(source: ByteSource, tracker: LimitTracker, label: string): ByteSource {
  const gunzip = createGunzip();
  // pipeline() forwards source and zlib errors into `gunzip`, where the loop below sees them.
  pipeline(Readable.from(source, { objectMode: false }), gunzip, () => undefined);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      tracker.addInflated(label, chunk.length);
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(`unreadable gzip "${label}": ${(e as Error).message}`, label);
  } finally {
    gunzip.destroy();
  }
}

const LINK_TYPES = new Set(['symlink', 'link']);
const SPECIAL_TYPES = new Set(['character-device', 'block-device', 'fifo']);

export async function* readTar(source: ByteSource, tracker: LimitTracker, label: string): AsyncGenerator<UnpackItem> {
  // allowUnknownFormat admits pre-POSIX (v7) tar headers; the extract options type omits it.
  const extract = tar.extract({ allowUnknownFormat: true } as Parameters<typeof tar.extract>[0]);
  void pump(source, extract);
  try {
    for await (const entry of extract) {
      const { header } = entry;
      const rawName = header.name;
      tracker.countEntry(rawName);
      const type = header.type ?? 'file';
      if (LINK_TYPES.has(type)) {
        yield warning(rawName, `${type === 'link' ? 'hardlink' : 'symlink'} to "${header.linkname ?? ''}" skipped`);
      } else if (SPECIAL_TYPES.has(type)) {
        yield warning(rawName, `${type} entry skipped`);
      } else if (type === 'file' || type === 'contiguous-file') {
        const verdict = checkMemberPath(rawName);
        if (!verdict.ok && 'refuse' in verdict) yield warning(rawName, `member refused: ${verdict.refuse}`);
        const path = verdict.ok ? verdict.path : rawName;
        // The tar header's size is exact (tar does not compress), so an oversized member is refused unread.
        tracker.checkDeclaredSize(path, header.size);
        const collector = new MemberCollector(tracker, path, !verdict.ok);
        for await (const chunk of entry) collector.add(chunk as Uint8Array);
        if (verdict.ok) yield { kind: 'file', path, bytes: collector.finish(), size: collector.size };
        continue;
      } else if (type !== 'directory') {
        yield warning(rawName, `tar entry of type ${type} skipped`);
      }
      entry.resume();
    }
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(`unreadable tar "${label}": ${(e as Error).message}`, label);
  } finally {
    if (!extract.destroyed) extract.destroy();
  }
}

/** Feed the extractor with backpressure; failures are delivered to the reader through destroy(err). */
async function pump(source: ByteSource, extract: tar.Extract): Promise<void> {
  try {
    for await (const chunk of source) {
      if (extract.destroyed) return;
      if (!extract.write(chunk)) await drainOrClose(extract);
    }
    if (!extract.destroyed) extract.end(undefined);
  } catch (e) {
    extract.destroy(e as Error);
  }
}

function drainOrClose(extract: tar.Extract): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      extract.off('drain', done);
      extract.off('close', done);
      resolve();
    };
    extract.on('drain', done);
    extract.on('close', done);
  });
}
