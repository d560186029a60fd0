import { db } from '@/lib/db/client';
import { ArchiveError, unpackUpload } from './archive';
import { ParseChannel } from './parse-pool';
import type { RoutableMember } from './parsed-transfer';
import { CanonicalRecords } from './record-keys';
import { hintsFromPath } from './path-hints';
import { sha256Hex } from './store-snapshot';
import { storeHostGroups, type IngestedSnapshot, type PendingHost } from './store-host';
import { ParseError, type FormatId, type ParseResult, type ParseWarning } from './types';
import { UploadBatch, type HostGroup } from './upload-batch';

/** Bumped when a parser change alters what ends up in snapshots; stored as provenance. */
export const PARSER_VERSION = '2';

/** One file of an upload: a plain export or an archive. */
export interface UploadPart {
  fileName: string;
  source: AsyncIterable<Uint8Array>;
  /** The part's sha256 when the receiver took it; a plain file's snapshot identity is then not hashed again. */
  sha256?: string;
}

export interface IngestUploadInput {
  uploadId: number;
  /** The upload's files, in the order they were sent (one, or several `file` parts of one request). */
  parts: UploadPart[];
  /** The upload's name, for messages about the upload as a whole. */
  fileName: string;
  /** Fallbacks: data inside the files and archive paths name hosts first (PRODUCT.md §2). */
  host?: string | null;
  /** The uploader's collection time wins over times guessed from paths or data. */
  collectedAt?: Date | null;
  labels?: Record<string, string>;
  format?: FormatId | null;
}

export interface FileWarning extends ParseWarning {
  file: string;
}

export interface IngestUploadResult {
  uploadId: number;
  fileName: string;
  status: 'done' | 'partial' | 'duplicate' | 'failed';
  files: number;
  /** Records parsed (the upload row's final progress, written with its outcome). */
  rows: number;
  snapshots: IngestedSnapshot[];
  events: number;
  warnings: FileWarning[];
}

const PROGRESS_EVERY_MS = 1000;
/**
 * Hosts stored per transaction (TASKLENS_INGEST_BATCH_HOSTS, default 50). Each batch costs the same handful of
 * statements whatever its size, so a fleet upload pays them once per batch instead of per host; the record cap
 * keeps memory and lock time bounded when hosts are large. A failure rolls back the batch, and the upload is
 * marked failed either way. The crash tests set a small batch so that an upload is still under way when killed.
 */
function batchHosts(): number {
  const n = Number(process.env.TASKLENS_INGEST_BATCH_HOSTS);
  return Number.isInteger(n) && n > 0 ? n : 50;
}
const BATCH_RECORDS = 25_000;

function hostRecords(group: HostGroup): number {
  let n = group.units.length + group.events.length;
  for (const src of group.sources.values()) n += src.records.length;
  return n;
}

/** Read so far, for GET /api/v1/uploads/{id}: bytes of the parts (before unpacking) and records parsed. */
interface Progress {
  files: number;
  bytes: number;
  rows: number;
}

/**
 * Ingest one upload (plain exports or archives of many hosts' exports) streaming: unpack, parse each file,
 * route records to hosts, and store hosts in batches (one transaction each) as the archive moves on.
 * A lone plain file that cannot be parsed throws ParseError; inside an archive, or as one of several parts,
 * it becomes a warning naming the file.
 */
export async function ingestUpload(input: IngestUploadInput): Promise<IngestUploadResult> {
  const batch = new UploadBatch();
  const warnings: FileWarning[] = [];
  const snapshots: IngestedSnapshot[] = [];
  const progress: Progress = { files: 0, bytes: 0, rows: 0 };
  let events = 0;
  let hasContent = false;
  let lastProgress = Date.now();

  // Hosts ready to store wait here until a batch is full: one transaction per batch, not per host. A batch is
  // written while the next one is parsed (the database works on another core); batches commit in order.
  const perBatch = batchHosts();
  let pending: PendingHost[] = [];
  let pendingRecords = 0;
  const canonical = new CanonicalRecords();
  let writing: Promise<void> = Promise.resolve();
  const store = async () => {
    if (pending.length === 0) return;
    const hosts = pending;
    pending = [];
    pendingRecords = 0;
    canonical.clear();
    await writing;
    writing = storeHostGroups(hosts, { uploadId: input.uploadId, parserVersion: PARSER_VERSION }).then((stored) => {
      snapshots.push(...stored.snapshots);
      events += stored.events;
    });
    // A failed write is thrown by the next `await writing`, after the file being parsed.
    writing.catch(() => {});
  };
  const flush = async (keep?: Set<string>) => {
    for (const ready of batch.take(keep)) {
      const { group, isContinuation } = ready;
      if (isContinuation) {
        const note = { message: `${group.hostName}: files were not together in the upload; later ones were added without closing earlier entries` };
        for (const src of group.sources.values()) src.warnings.push(note);
        // A batch holds each host once: its earlier run must be stored before this one is compared with it.
        if (pending.some((p) => p.group.hostName.toLowerCase() === group.hostName.toLowerCase())) await store();
      }
      pending.push(ready);
      pendingRecords += hostRecords(group);
      if (pending.length >= perBatch || pendingRecords >= BATCH_RECORDS) await store();
    }
  };

  await db().upload.update({ where: { id: input.uploadId }, data: { status: 'processing' } });
  const parser = new ParseChannel(canonical);
  // Files being parsed, oldest first: the parse thread works on the next ones while this one is routed and stored.
  const parsing: ParsingFile[] = [];
  const routeOldest = async () => {
    const touched = await routeFile(batch, input, parsing.shift()!, { warnings, progress });
    hasContent ||= touched.size > 0;
    await flush(touched);
    if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
      lastProgress = Date.now();
      await saveProgress(input.uploadId, progress);
    }
  };
  try {
    for (const part of input.parts) {
      let isArchive = false;
      for await (const item of unpackUpload(counted(part.source, progress), part.fileName)) {
        if (item.kind === 'warning') {
          warnings.push({ file: item.path, message: item.message });
          continue;
        }
        progress.files++;
        isArchive ||= item.path !== part.fileName;
        const isSingle = input.parts.length === 1 && !isArchive;
        const sha256 = (item.isWhole && part.sha256) || sha256Hex(item.bytes);
        const parsed = parser.parse(item.path, item.bytes, input.format ?? null);
        // Routing takes each failure in turn; one left behind by an earlier failure is not "unhandled".
        parsed.catch(() => {});
        parsing.push({ path: item.path, bytes: item.bytes, sha256, isSingle, parsed });
        if (parsing.length > PARSE_AHEAD) await routeOldest();
      }
    }
    while (parsing.length > 0) await routeOldest();
    await flush();
    await store();
  } finally {
    parser.close();
    // The upload's outcome is recorded only once nothing is being written for it.
    await writing.catch(() => {});
  }
  await writing;
  if (progress.files === 0) throw new ArchiveError(`the upload holds no files${skipped(warnings)}`, '', 'maxEntries');
  // No member gave anything to store (all unreadable or skipped): a refusal with the reasons, not a silent "failed".
  if (!hasContent) throw new ArchiveError(`nothing in the upload could be ingested${skipped(warnings)}`, '');
  const status = uploadStatus(snapshots, events, warnings);
  return { uploadId: input.uploadId, fileName: input.fileName, status, files: progress.files, rows: progress.rows, snapshots, events, warnings };
}

async function* counted(source: AsyncIterable<Uint8Array>, progress: Progress): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    progress.bytes += chunk.length;
    yield chunk;
  }
}

async function saveProgress(uploadId: number, p: Progress) {
  await db().upload.update({ where: { id: uploadId }, data: { filesDone: p.files, bytesDone: BigInt(p.bytes), rowsDone: p.rows } });
}

/** The first few warnings, so a refusal says what was skipped and why. */
function skipped(warnings: FileWarning[]): string {
  if (warnings.length === 0) return '';
  const shown = warnings.slice(0, 3).map((w) => `${w.file}: ${w.message}`).join('; ');
  return ` (${shown}${warnings.length > 3 ? `; ${warnings.length - 3} more` : ''})`;
}

function uploadStatus(snapshots: IngestedSnapshot[], events: number, warnings: FileWarning[]): IngestUploadResult['status'] {
  if (snapshots.length === 0 && events === 0) return 'failed';
  if (warnings.some((w) => w.message.startsWith('could not be read'))) return 'partial';
  if (events === 0 && snapshots.every((s) => s.isDuplicate)) return 'duplicate';
  return 'done';
}

/** A file of the upload and its parse under way. */
interface ParsingFile {
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /** The upload's only file, not in an archive: a parse failure fails the upload instead of being a warning. */
  isSingle: boolean;
  parsed: Promise<RoutableMember>;
}

/** Files handed to the parse thread beyond the one being routed: enough to keep it busy, few to hold in memory. */
const PARSE_AHEAD = 2;

/** Add a parsed file's records to the batch; returns the host keys it touched. */
async function routeFile(
  batch: UploadBatch,
  input: IngestUploadInput,
  { path, bytes, sha256, isSingle, parsed }: ParsingFile,
  { warnings, progress }: { warnings: FileWarning[]; progress: Progress },
): Promise<Set<string>> {
  const hints = hintsFromPath(path);
  const fallbackHost = hints.host ?? input.host ?? null;
  const collectedAt = input.collectedAt ?? (hints.collectedAt ? new Date(hints.collectedAt) : null);
  let member: RoutableMember;
  try {
    member = await parsed;
  } catch (err) {
    if (isSingle || !(err instanceof ParseError)) throw err;
    warnings.push({ file: path, line: err.line, message: `could not be read: ${err.message}` });
    return new Set();
  }
  progress.rows += member.kind === 'unit' ? 1 : member.result.records.length + (member.result.events?.length ?? 0);
  const labels = { ...hints.labels, ...input.labels };
  if (member.kind === 'unit') {
    if (!fallbackHost) return noHost(path, warnings, isSingle);
    const group = batch.host(fallbackHost, collectedAt ?? new Date());
    group.units.push({ name: path, bytes, sha256 });
    group.os ??= 'linux';
    Object.assign(group.labels, labels);
    return new Set([fallbackHost.toLowerCase()]);
  }
  return addParsed(batch, member.result, member.hosts, { path, fileHash: sha256, fallbackHost, collectedAt, labels, warnings, isSingle });
}

/** `result.records` are the upload's canonical records; `hosts`, when given, the host each of them named. */
function addParsed(
  batch: UploadBatch,
  result: ParseResult,
  hosts: (string | null)[] | null,
  o: {
    path: string;
    fileHash: string;
    fallbackHost: string | null;
    collectedAt: Date | null;
    labels: Record<string, string>;
    warnings: FileWarning[];
    isSingle: boolean;
  },
): Set<string> {
  const touched = new Set<string>();
  const fileHost = result.host?.trim() || o.fallbackHost;
  const at = o.collectedAt ?? (result.collectedAt ? new Date(result.collectedAt) : new Date());
  const { fileHash } = o;
  const hostOf = (named: string | null | undefined) => named?.trim() || fileHost;
  for (const [i, rec] of result.records.entries()) {
    const name = hostOf(hosts?.[i]);
    if (!name) return noHost(o.path, o.warnings, o.isSingle);
    const group = batch.host(name, at);
    const src = batch.source(group, result.format);
    if (!touched.has(name.toLowerCase())) {
      src.fileHashes.push(fileHash);
      src.fileNames.push(o.path);
      src.warnings.push(...result.warnings.map((w) => ({ ...w, message: `${o.path}: ${w.message}` })));
      group.os ??= result.os ?? null;
      Object.assign(group.labels, o.labels);
    }
    src.records.push(rec);
    touched.add(name.toLowerCase());
  }
  for (const ev of result.events ?? []) {
    const name = hostOf(ev.host);
    if (!name) return noHost(o.path, o.warnings, o.isSingle);
    batch.host(name, at).events.push(ev);
    touched.add(name.toLowerCase());
  }
  // A file with no jobs (an empty crontab) is still evidence: the host's snapshot for that source is empty.
  if (result.records.length === 0 && fileHost) {
    const group = batch.host(fileHost, at);
    if ((result.events ?? []).length === 0) {
      const src = batch.source(group, result.format);
      src.fileHashes.push(fileHash);
      src.fileNames.push(o.path);
      src.warnings.push(...result.warnings);
    }
    touched.add(fileHost.toLowerCase());
  }
  return touched;
}

function noHost(path: string, warnings: FileWarning[], isSingle: boolean): Set<string> {
  const message = `${path}: no host name in the data or the path; give one in the upload's "host" field`;
  if (isSingle) throw new ParseError(message);
  warnings.push({ file: path, message: `could not be read: ${message}` });
  return new Set();
}
