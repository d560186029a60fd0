/**
 * Unpack an upload (zip, tar, tar.gz, gzip, nested archives, or a plain file) as a stream of files under limits
 * (ArchiveLimits). Nothing touches the disk; each member is held in memory only until the consumer takes it.
 */
import { ArchiveError, LimitTracker, MemberCollector, resolveLimits, type ArchiveLimits } from './archive-limits';
import { joinMemberPath } from './archive-paths';
import { bytesSource, countingSource, peekSource, sniffArchive, toByteSource, type ByteSource } from './archive-stream';
import { gunzipSource, readTar } from './archive-tar';
import { warning, type UnpackedFile, type UnpackItem } from './archive-types';
import { readZip } from './archive-zip';

export { ArchiveError, DEFAULT_LIMITS, type ArchiveLimits } from './archive-limits';
export type { UnpackedFile, UnpackItem, UnpackWarning } from './archive-types';

/** Enough for a tar header (ustar magic at offset 257) and every other magic we look for. */
const SNIFF_BYTES = 512;

/**
 * Yields `{ kind: 'file' }` items in archive order, interleaved with `{ kind: 'warning' }` items for skipped
 * links, devices, refused paths and too-deep nesting. Limit violations and unreadable top-level archives throw
 * ArchiveError. Consume items one at a time: the generator does not read ahead.
 */
export async function* unpackUpload(
  input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  fileName: string,
  limits?: Partial<ArchiveLimits>,
): AsyncGenerator<UnpackItem> {
  const tracker = new LimitTracker(resolveLimits(limits));
  const source = countingSource(toByteSource(input), (n) => tracker.addInput(n));
  yield* unpackBlob(source, fileName, '', 0, tracker);
}

/** Convenience for callers that want files and warnings separately (small uploads, tests). */
export async function unpackAll(
  input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  fileName: string,
  limits?: Partial<ArchiveLimits>,
): Promise<{ files: Extract<UnpackItem, { kind: 'file' }>[]; warnings: Extract<UnpackItem, { kind: 'warning' }>[] }> {
  const files: Extract<UnpackItem, { kind: 'file' }>[] = [];
  const warnings: Extract<UnpackItem, { kind: 'warning' }>[] = [];
  for await (const item of unpackUpload(input, fileName, limits)) {
    if (item.kind === 'file') files.push(item);
    else warnings.push(item);
  }
  return { files, warnings };
}

/**
 * One blob: the upload (depth 0) or a member that looked like an archive. `path` is the blob's own path (its
 * name when it is a plain file); `prefix` is what its members are joined under ('' for the upload itself).
 */
async function* unpackBlob(
  source: ByteSource,
  path: string,
  prefix: string,
  depth: number,
  tracker: LimitTracker,
): AsyncGenerator<UnpackItem> {
  const { head, rest } = await peekSource(source, SNIFF_BYTES);
  const kind = sniffArchive(head);
  if (kind === 'none' || kind === 'empty-zip' || depth >= tracker.limits.maxDepth) {
    if (kind === 'empty-zip') return;
    if (kind !== 'none') yield warning(path, `nested archive not unpacked: deeper than maxDepth = ${tracker.limits.maxDepth}`);
    const file = await plainFile(rest, path, tracker);
    yield depth === 0 ? { ...file, isWhole: true } : file;
    return;
  }
  let members: AsyncGenerator<UnpackItem>;
  if (kind === 'zip') members = readZip(rest, tracker, path);
  else if (kind === 'tar') members = readTar(rest, tracker, path);
  else {
    const inflated = await peekSource(gunzipSource(rest, tracker, path), SNIFF_BYTES);
    if (sniffArchive(inflated.head) === 'tar') members = readTar(inflated.rest, tracker, path);
    else {
      // A lone gzipped file (or nested .gz) stands for its content: `x.csv.gz` -> `x.csv`.
      yield* unpackBlob(inflated.rest, stripGzSuffix(path), prefix, depth + 1, tracker);
      return;
    }
  }
  for await (const item of members) {
    const memberPath = joinMemberPath(prefix, item.path);
    if (item.kind === 'warning') {
      yield { ...item, path: memberPath };
      continue;
    }
    if (sniffArchive(item.bytes.subarray(0, SNIFF_BYTES)) === 'none') {
      yield { ...item, path: memberPath };
      continue;
    }
    yield* unpackNested(item.bytes, memberPath, depth + 1, tracker);
  }
}

/** A corrupt nested archive costs a warning (and its raw bytes as a file), not the whole upload. */
async function* unpackNested(bytes: Uint8Array, path: string, depth: number, tracker: LimitTracker): AsyncGenerator<UnpackItem> {
  try {
    yield* unpackBlob(bytesSource(bytes), path, path, depth, tracker);
  } catch (e) {
    if (!(e instanceof ArchiveError) || e.limit !== null) throw e;
    yield warning(path, `nested archive could not be unpacked (${e.message}); kept as a file`);
    yield { kind: 'file', path, bytes, size: bytes.length };
  }
}

async function plainFile(source: ByteSource, path: string, tracker: LimitTracker): Promise<UnpackedFile> {
  tracker.countEntry(path);
  const collector = new MemberCollector(tracker, path);
  for await (const chunk of source) collector.add(chunk);
  return { kind: 'file', path, bytes: collector.finish(), size: collector.size };
}

function stripGzSuffix(path: string): string {
  if (/\.tgz$/i.test(path)) return path.replace(/\.tgz$/i, '.tar');
  return path.replace(/\.gz$/i, '') || path;
}
