import { db } from '@/lib/db/client';
import { detectParser } from './detect';
import { sha256Hex, storeSnapshot } from './store-snapshot';
import { ParseError, type FormatId, type JobRecord, type ParseWarning } from './types';

/** Bumped when a parser change alters what ends up in snapshots; stored as provenance. */
export const PARSER_VERSION = '1';

export interface IngestFileInput {
  bytes: Uint8Array;
  fileName: string;
  /** Host named by the uploader; data inside the file (HostName, PSComputerName) wins over it. */
  host?: string | null;
  collectedAt?: Date | null;
  uploadedBy?: string | null;
  format?: FormatId | null;
}

export interface IngestedSnapshot {
  snapshotId: number;
  host: string;
  source: FormatId;
  collectedAt: string;
  entries: number;
  warnings: ParseWarning[];
  isDuplicate: boolean;
  added: number;
  removed: number;
}

export interface IngestFileResult {
  uploadId: number;
  fileName: string;
  format: FormatId;
  snapshots: IngestedSnapshot[];
}

/** Split records by the host named in the data, falling back to the file-level host. */
function groupByHost(records: JobRecord[], fallback: string | null, fileName: string): Map<string, JobRecord[]> {
  const groups = new Map<string, JobRecord[]>();
  for (const rec of records) {
    const host = rec.host?.trim() || fallback;
    if (!host) {
      throw new ParseError(`${fileName}: no host name in the data; give one in the upload's "host" field`);
    }
    const list = groups.get(host) ?? [];
    list.push(rec);
    groups.set(host, list);
  }
  if (groups.size === 0 && fallback) groups.set(fallback, []);
  if (groups.size === 0) throw new ParseError(`${fileName}: no host name in the data; give one in the upload's "host" field`);
  return groups;
}

/**
 * Parse one file and store it as one snapshot per host it describes, all in one transaction:
 * a failure leaves nothing behind. The same bytes for the same host and source are recognised and skipped.
 */
export async function ingestFile(input: IngestFileInput): Promise<IngestFileResult> {
  const parser = detectParser(input.bytes, { fileName: input.fileName }, input.format);
  const parsed = parser.parse(input.bytes, { fileName: input.fileName });
  const contentHash = sha256Hex(input.bytes);
  const collectedAt = input.collectedAt ?? (parsed.collectedAt ? new Date(parsed.collectedAt) : new Date());
  const groups = groupByHost(parsed.records, parsed.host?.trim() || input.host?.trim() || null, input.fileName);

  return db().$transaction(
    async (tx) => {
      const upload = await tx.upload.create({
        data: { fileName: input.fileName, sha256: contentHash, sizeBytes: BigInt(input.bytes.length), uploadedBy: input.uploadedBy ?? null },
        select: { id: true },
      });
      const snapshots: IngestedSnapshot[] = [];
      for (const [hostName, records] of groups) {
        const host = await tx.host.upsert({
          where: { key: hostName.toLowerCase() },
          create: { key: hostName.toLowerCase(), name: hostName, osFamily: parsed.os ?? null },
          update: parsed.os ? { osFamily: parsed.os } : {},
          select: { id: true },
        });
        const warnings = [...parsed.warnings];
        const stored = await storeSnapshot(tx, {
          hostId: host.id,
          source: parser.format,
          collectedAt,
          uploadId: upload.id,
          fileName: input.fileName,
          contentHash,
          parserVersion: PARSER_VERSION,
          records,
          warnings,
        });
        snapshots.push({
          snapshotId: stored.snapshotId,
          host: hostName,
          source: parser.format,
          collectedAt: collectedAt.toISOString(),
          entries: records.length,
          warnings,
          isDuplicate: stored.isDuplicate,
          added: stored.added,
          removed: stored.removed,
        });
      }
      const isAllDuplicate = snapshots.every((s) => s.isDuplicate);
      await tx.upload.update({
        where: { id: upload.id },
        data: { status: isAllDuplicate ? 'duplicate' : 'done', message: isAllDuplicate ? 'already ingested: nothing new' : null },
      });
      return { uploadId: upload.id, fileName: input.fileName, format: parser.format, snapshots };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
