/**
 * Limits for unpacking untrusted uploads (zip bombs, entry floods) and the bookkeeping that enforces them
 * while data is being inflated, never after.
 */

export interface ArchiveLimits {
  /** Members seen across all nesting levels, including directories, links and skipped junk. */
  maxEntries: number;
  /** Uncompressed bytes of all members across all nesting levels. */
  maxTotalBytes: number;
  /** Uncompressed bytes of one member (each member is held in memory once). */
  maxFileBytes: number;
  /** Highest allowed uncompressed:compressed ratio, per zip member and for the whole upload. */
  maxRatio: number;
  /** Archive layers unpacked: 1 = only the upload itself, 3 = archive in archive in archive. */
  maxDepth: number;
  /**
   * Ratios are only enforced once this many bytes came out: a 10 KiB file of spaces legitimately compresses
   * 500:1, and refusing it would be noise; bombs are only dangerous when big.
   */
  ratioGraceBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxEntries: 100_000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxFileBytes: 256 * 1024 ** 2,
  maxRatio: 200,
  maxDepth: 3,
  ratioGraceBytes: 1024 ** 2,
});

export type LimitName = keyof ArchiveLimits;

/** A refused upload: a limit was hit or the archive is unreadable. The message names the member and the limit. */
export class ArchiveError extends Error {
  constructor(
    message: string,
    readonly path: string | null = null,
    readonly limit: LimitName | null = null,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export function resolveLimits(partial: Partial<ArchiveLimits> = {}): ArchiveLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as LimitName[]) {
    const value = partial[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`archive limit ${key} must be a non-negative number`);
    limits[key] = value;
  }
  return limits;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** Shared by every nesting level of one upload, so nested archives cannot reset the counters. */
export class LimitTracker {
  entries = 0;
  totalBytes = 0;
  /** Raw upload bytes read so far (the denominator of the overall ratio). */
  inputBytes = 0;
  /** Bytes produced by decompressors (zip inflate, gunzip) at any level. */
  inflatedBytes = 0;

  constructor(readonly limits: ArchiveLimits) {}

  countEntry(path: string): void {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) {
      throw new ArchiveError(
        `too many archive entries at "${path}": more than maxEntries = ${this.limits.maxEntries}`,
        path,
        'maxEntries',
      );
    }
  }

  addInput(n: number): void {
    this.inputBytes += n;
  }

  addInflated(path: string, n: number): void {
    this.inflatedBytes += n;
    const { maxRatio, ratioGraceBytes } = this.limits;
    if (this.inflatedBytes <= ratioGraceBytes) return;
    const ratio = this.inflatedBytes / Math.max(this.inputBytes, 1);
    if (ratio > maxRatio) {
      throw new ArchiveError(
        `upload expands too much while inflating "${path}": ratio ${Math.round(ratio)}:1 exceeds maxRatio = ${maxRatio} ` +
          `(${formatBytes(this.inflatedBytes)} from ${formatBytes(this.inputBytes)})`,
        path,
        'maxRatio',
      );
    }
  }

  /** Declared sizes (zip/tar headers) let us refuse before inflating anything; actual bytes are still counted. */
  checkDeclaredSize(path: string, size: number | undefined): void {
    if (size !== undefined && size > this.limits.maxFileBytes) throw this.fileTooBig(path, size);
  }

  fileTooBig(path: string, size: number): ArchiveError {
    return new ArchiveError(
      `archive member "${path}" is too large: ${formatBytes(size)} exceeds maxFileBytes = ${this.limits.maxFileBytes}`,
      path,
      'maxFileBytes',
    );
  }

  addMemberBytes(path: string, memberBytes: number, n: number, compressedSize?: number): void {
    this.totalBytes += n;
    const { maxFileBytes, maxTotalBytes, maxRatio, ratioGraceBytes } = this.limits;
    if (memberBytes > maxFileBytes) throw this.fileTooBig(path, memberBytes);
    if (this.totalBytes > maxTotalBytes) {
      throw new ArchiveError(
        `upload too large at "${path}": ${formatBytes(this.totalBytes)} uncompressed exceeds maxTotalBytes = ${maxTotalBytes}`,
        path,
        'maxTotalBytes',
      );
    }
    if (compressedSize && memberBytes > ratioGraceBytes && memberBytes / compressedSize > maxRatio) {
      throw new ArchiveError(
        `archive member "${path}" looks like a zip bomb: ratio ${Math.round(memberBytes / compressedSize)}:1 ` +
          `exceeds maxRatio = ${maxRatio}`,
        path,
        'maxRatio',
      );
    }
  }
}

/** Accumulates one member's bytes under the limits; `discard` still counts (a bomb may hide in skipped junk). */
export class MemberCollector {
  private chunks: Uint8Array[] = [];
  size = 0;

  constructor(
    private readonly tracker: LimitTracker,
    readonly path: string,
    private readonly discard = false,
    private readonly compressedSize?: number,
  ) {}

  add(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.size += chunk.length;
    this.tracker.addMemberBytes(this.path, this.size, chunk.length, this.compressedSize);
    if (!this.discard) this.chunks.push(chunk);
  }

  finish(): Uint8Array {
    const out = concatBytes(this.chunks, this.size);
    this.chunks = [];
    return out;
  }
}

export function concatBytes(chunks: readonly Uint8Array[], total?: number): Uint8Array {
  const size = total ?? chunks.reduce((n, c) => n + c.length, 0);
  // An in-memory upload arrives as views of one buffer (the sniffed head, then the rest): one view, no copy.
  if (chunks.length > 0 && chunks.every((c, i) => c.buffer === chunks[0]!.buffer && (i === 0 || c.byteOffset === chunks[i - 1]!.byteOffset + chunks[i - 1]!.length))) {
    return new Uint8Array(chunks[0]!.buffer, chunks[0]!.byteOffset, size);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
