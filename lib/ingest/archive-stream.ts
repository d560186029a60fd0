/** Small async-iterable helpers so every layer (upload, gunzip output, nested member) looks the same. */

export type ByteSource = AsyncIterable<Uint8Array>;

export function toByteSource(input: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): ByteSource {
  if (isReadableStream(input)) return readableStreamSource(input);
  return input;
}

function isReadableStream(x: unknown): x is ReadableStream<Uint8Array> {
  return typeof (x as ReadableStream<Uint8Array>).getReader === 'function';
}

async function* readableStreamSource(stream: ReadableStream<Uint8Array>): ByteSource {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      if (value.length) yield value;
    }
  } finally {
    // Stopping early (a limit was hit) must stop the upload too, not just leave it unread.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

export async function* bytesSource(bytes: Uint8Array, chunkSize = 64 * 1024): ByteSource {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

export async function* countingSource(source: ByteSource, onChunk: (n: number) => void): ByteSource {
  for await (const chunk of source) {
    onChunk(chunk.length);
    yield chunk;
  }
}

/** Read at least `n` bytes (or everything) for sniffing, then hand back a source that replays them. */
export async function peekSource(source: ByteSource, n: number): Promise<{ head: Uint8Array; rest: ByteSource }> {
  const it = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    length += r.value.length;
  }
  const head = chunks.length === 1 ? chunks[0]! : concat(chunks, length);
  async function* rest(): ByteSource {
    let exhausted = done;
    try {
      if (head.length) yield head;
      while (!exhausted) {
        const r = await it.next();
        if (r.done) exhausted = true;
        else yield r.value;
      }
    } finally {
      if (!exhausted) await it.return?.();
    }
  }
  return { head, rest: rest() };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export type ArchiveKind = 'zip' | 'empty-zip' | 'gzip' | 'tar' | 'none';

/** Detect by magic bytes, never by name: users rename `.tgz` to `.zip` and collectors omit extensions. */
export function sniffArchive(head: Uint8Array): ArchiveKind {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) {
    if (head[2] === 0x03 && head[3] === 0x04) return 'zip';
    if (head[2] === 0x05 && head[3] === 0x06) return 'empty-zip';
  }
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return 'gzip';
  if (looksLikeTar(head)) return 'tar';
  return 'none';
}

/** `ustar` magic at 257, or (old v7 tar) a header whose checksum adds up. */
export function looksLikeTar(head: Uint8Array): boolean {
  if (head.length < 512) return false;
  const magic = String.fromCharCode(...head.subarray(257, 262));
  if (magic === 'ustar') return true;
  const stored = parseInt(String.fromCharCode(...head.subarray(148, 156)).replace(/[\0 ]+/g, ' ').trim(), 8);
  if (!Number.isFinite(stored) || head[0] === 0) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : head[i]!;
  return sum === stored;
}
