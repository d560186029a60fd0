import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { clearBoundedCaches } from './bounded-cache';
import { parseMember } from './parse-member';
import { ReceivedVariants, routableMember, type PackedMember, type RoutableMember } from './parsed-transfer';
import { CanonicalRecords } from './record-keys';
import { ParseError, type FormatId } from './types';

export type ParseRequest =
  | { kind: 'parse'; id: number; path: string; bytes: Uint8Array; format: FormatId | null }
  /** Number the variants sent from 0 again: the receiver has let go of those it holds. */
  | { kind: 'restart' }
  /** Empty the thread's memos (lib/ingest/bounded-cache.ts), and restart. */
  | { kind: 'clear' };

export type ParseReply =
  | { id: number; ok: true; packed: PackedMember }
  | { id: number; ok: false; error: { name: string; message: string; line: number | null; stack?: string } };

/**
 * TASKLENS_PARSE_THREADS: threads that parse uploads' files (default 2, at most the machine's cores; 0 parses on
 * the thread that stores). Parsing is most of an ingest's CPU time; on its own thread it runs while the storing
 * thread sends the previous batch to PostgreSQL and reads the answers, instead of taking turns with it. On an
 * unchanged re-snapshot of 1,000 hosts the storing thread was busy 97% of the wall time, half of it parsing.
 */
export function parseThreadCount(): number {
  const raw = process.env.TASKLENS_PARSE_THREADS;
  const n = raw === undefined || raw === '' ? 2 : Number(raw);
  return Math.min(Number.isInteger(n) && n >= 0 ? n : 2, availableParallelism());
}

class ParseThread {
  readonly worker: Worker;
  /** Requests sent, with their files' bytes (a unit file's answer is its bytes). */
  readonly pending = new Map<number, { bytes: Uint8Array; resolve: (m: RoutableMember) => void; reject: (e: Error) => void }>();
  /**
   * The variants the thread has sent, whichever upload asked: answers are unpacked as they arrive, so in the order
   * the thread packed them, even one whose upload has stopped waiting.
   */
  private readonly received = new ReceivedVariants();
  private idle: NodeJS.Timeout | undefined;
  channels = 0;
  failed = false;

  constructor() {
    // In the server `next build` made, the entry is a bundled JavaScript chunk (for that it must be spelled out as
    // `new Worker(new URL(...))`; the bundle's import.meta.url still names the .ts source). The CLI and the tests
    // run the TypeScript sources through tsx, whose `--import` hooks skip worker threads: the thread registers
    // them itself before loading its entry.
    if (process.env.NEXT_RUNTIME === 'nodejs') this.worker = new Worker(new URL('./parse-thread.ts', import.meta.url), { name: 'tasklens-parse' });
    else {
      const entry = import.meta.url.replace(/parse-pool\.ts$/, 'parse-thread.ts');
      const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
      this.worker = new Worker(bootstrap, { eval: true, name: 'tasklens-parse' });
    }
    // An idle thread does not keep a CLI process alive; one with work does (see request).
    this.worker.unref();
    this.worker.on('message', (reply: ParseReply) => this.settle(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`parse thread exited with code ${code}`)));
  }

  request(req: Extract<ParseRequest, { kind: 'parse' }>): Promise<RoutableMember> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(new Error('parse thread is gone'));
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(req.id, { bytes: req.bytes, resolve, reject });
      // A view of part of a larger buffer (an archive's member) would clone the whole buffer: send a copy of it.
      const whole = req.bytes.byteOffset === 0 && req.bytes.byteLength === req.bytes.buffer.byteLength;
      const bytes = whole ? req.bytes : Uint8Array.prototype.slice.call(req.bytes);
      this.worker.postMessage({ ...req, bytes }, whole ? [] : [bytes.buffer as ArrayBuffer]);
    });
  }

  open(): void {
    this.channels++;
    clearTimeout(this.idle);
  }

  close(): void {
    if (--this.channels > 0) return;
    // Uploads follow one another on a thread: only one that stays without uploads lets go of what it received.
    this.idle = setTimeout(() => this.release(), RELEASE_AFTER_IDLE_MS).unref();
  }

  /** Let go of the variants received; the thread numbers from 0 again. */
  private release(): void {
    if (this.channels > 0 || this.pending.size > 0 || this.failed) return;
    this.received.clear();
    this.worker.postMessage({ kind: 'restart' } satisfies ParseRequest);
  }

  private settle(reply: ParseReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) {
      let member: RoutableMember;
      try {
        member = this.received.unpack(reply.packed, waiting?.bytes ?? new Uint8Array());
      } catch (err) {
        return waiting?.reject(err as Error);
      }
      return waiting?.resolve(member);
    }
    if (!waiting) return;
    const { name, message, line, stack } = reply.error;
    const err = name === 'ParseError' ? new ParseError(message, line) : Object.assign(new Error(message), { name });
    if (stack && name !== 'ParseError') err.stack = stack;
    waiting.reject(err);
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    threads = threads.filter((t) => t !== this);
    for (const w of this.pending.values()) w.reject(new Error(`parse thread failed: ${err.message}`));
    this.pending.clear();
  }
}

/** How long a thread without uploads keeps the variants it sent (about 5,000 records at most). */
const RELEASE_AFTER_IDLE_MS = 10_000;

let threads: ParseThread[] = [];
let nextId = 1;

/** Stop the parse threads: files they were parsing fail, and the next upload starts new ones. */
export async function stopParseThreads(): Promise<void> {
  const stopping = threads;
  threads = [];
  await Promise.all(stopping.map((t) => t.worker.terminate()));
}

/** The thread with the fewest uploads, started when fewer run than parseThreadCount(); null when that is 0. */
function leastBusyThread(): ParseThread | null {
  const count = parseThreadCount();
  if (count === 0) return null;
  if (threads.length < count) threads.push(new ParseThread());
  return threads.reduce((a, b) => (b.channels < a.channels ? b : a));
}

/**
 * Parses one upload's files on a parse thread (or on this thread with TASKLENS_PARSE_THREADS=0); several may be
 * under way at once, and they are parsed in the order asked. An upload keeps its thread, which numbers the variants
 * it has sent to any upload, so that records of one variant share one object (on this thread, `canonical` does that
 * until the upload's next stored batch). Close it when the upload ends.
 */
export class ParseChannel {
  private readonly thread = leastBusyThread();

  constructor(private readonly canonical: CanonicalRecords) {
    this.thread?.open();
  }

  /** Parse a file; ParseError for a file that cannot be read, as parseMember throws it. */
  async parse(path: string, bytes: Uint8Array, format: FormatId | null): Promise<RoutableMember> {
    if (!this.thread) return routableMember(parseMember(path, bytes, format), this.canonical);
    return this.thread.request({ kind: 'parse', id: nextId++, path, bytes, format });
  }

  close(): void {
    this.thread?.close();
  }
}

/**
 * Start the parse threads and have each parse `files` once, so that a measurement that follows does not count
 * their start and compilation (the bench: a server's threads have parsed many uploads before the one timed).
 */
export async function warmParseThreads(files: { path: string; bytes: Uint8Array }[]): Promise<void> {
  const channels = Array.from({ length: parseThreadCount() }, () => new ParseChannel(new CanonicalRecords()));
  try {
    await Promise.all(channels.map((c) => Promise.all(files.map((f) => c.parse(f.path, f.bytes, null)))));
  } finally {
    for (const c of channels) c.close();
  }
}

/** Empty the memos of this thread and of the parse threads, which do it before parsing anything sent after. */
export function clearParseCaches(): void {
  clearBoundedCaches();
  for (const t of threads) if (!t.failed) t.worker.postMessage({ kind: 'clear' } satisfies ParseRequest);
}
