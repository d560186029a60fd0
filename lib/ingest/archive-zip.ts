/** Streaming zip reader over fflate's `Unzip`: local headers are parsed as bytes arrive (no central directory
 * needed), data descriptors (flag bit 3) are found the way fflate does, by scanning for their signature. */
import { Unzip, UnzipInflate, type UnzipDecoder, type UnzipDecoderConstructor, type UnzipFile } from 'fflate';
import { ArchiveError, MemberCollector, type LimitTracker } from './archive-limits';
import { checkMemberPath } from './archive-paths';
import type { ByteSource } from './archive-stream';
import { warning, type UnpackItem } from './archive-types';

/**
 * fflate inflates everything pushed in one call synchronously; deflate expands at most ~1032:1, so 16 KiB slices
 * bound one burst to ~16 MiB before our limit checks get to run.
 */
const PUSH_SLICE = 16 * 1024;

export async function* readZip(source: ByteSource, tracker: LimitTracker, label: string): AsyncGenerator<UnpackItem> {
  // Filled by fflate callbacks during push(), drained right after, so it never outgrows one slice's worth.
  const queue: UnpackItem[] = [];
  const unzip = new Unzip((file) => onFile(file));
  unzip.register(UnzipInflate);
  const known = new Set([0, 8]);
  let members = 0;

  function onFile(file: UnzipFile): void {
    members++;
    forgetOldMembers(unzip);
    const rawName = repairName(file.name);
    tracker.countEntry(rawName);
    const verdict = checkMemberPath(rawName);
    const path = verdict.ok ? verdict.path : rawName;
    let discard = !verdict.ok;
    if (!verdict.ok && 'refuse' in verdict) queue.push(warning(rawName, `member refused: ${verdict.refuse}`));
    if (!known.has(file.compression)) {
      // fflate crashes on start() without a decoder and buffers forever without start(): register a sink.
      unzip.register(discardDecoder(file.compression));
      known.add(file.compression);
    }
    if (file.compression !== 0 && file.compression !== 8) {
      if (!discard) queue.push(warning(path, `unsupported zip compression method ${file.compression}; member skipped`));
      discard = true;
    }
    if (!discard) tracker.checkDeclaredSize(path, file.originalSize);
    const collector = new MemberCollector(tracker, path, discard, file.size || undefined);
    let failed = false;
    file.ondata = (err, chunk, final) => {
      if (err) {
        // Our own limit errors come back through fflate's try/catch in UnzipInflate; let them escape.
        if (err instanceof ArchiveError) throw err;
        if (!failed && !discard) queue.push(warning(path, `could not inflate member: ${err.message}`));
        failed = true;
        return;
      }
      if (failed) return;
      if (chunk && chunk.length) {
        if (file.compression !== 0) tracker.addInflated(path, chunk.length);
        collector.add(chunk);
      }
      if (final && !discard) queue.push({ kind: 'file', path, bytes: collector.finish(), size: collector.size });
    };
    // Always start, even for skipped members: an unstarted member's data is buffered by fflate indefinitely.
    file.start();
  }

  try {
    for await (const chunk of source) {
      for (let i = 0; i < chunk.length; i += PUSH_SLICE) {
        unzip.push(chunk.subarray(i, i + PUSH_SLICE));
        while (queue.length) yield queue.shift()!;
      }
    }
    unzip.push(new Uint8Array(0), true);
    // fflate's streaming reader skips bytes it cannot make sense of; say so instead of "the upload holds no files".
    if (members === 0) throw new ArchiveError(`unreadable zip "${label}": no member found (damaged, truncated or not a zip)`, label);
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError(`unreadable zip "${label}": ${(e as Error).message}`, label);
  }
  while (queue.length) yield queue.shift()!;
}

/**
 * fflate's streaming Unzip unshifts one chunk list per member onto an internal array it never trims, and only ever
 * touches the first two (the current member and the one before it): 100,000 members cost O(n²), about 20 s of CPU.
 * Keep the two it uses. (fflate 0.8 internals; without the field this is a no-op.)
 */
function forgetOldMembers(unzip: Unzip): void {
  const pending = (unzip as unknown as { k?: unknown[] }).k;
  if (Array.isArray(pending) && pending.length > 2) pending.length = 2;
}

function discardDecoder(method: number): UnzipDecoderConstructor {
  class Discard implements UnzipDecoder {
    static compression = method;
    ondata: UnzipDecoder['ondata'] = () => undefined;
    push(_chunk: Uint8Array, final: boolean): void {
      if (final) this.ondata(null, new Uint8Array(0), true);
    }
  }
  return Discard;
}

/** Names without the UTF-8 flag are decoded as Latin-1 by fflate, but many Windows tools write UTF-8 anyway. */
function repairName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return name;
  }
}
