import type { FormatId, HostEventRecord, JobRecord, ParseWarning } from './types';

export interface SourceGroup {
  source: FormatId;
  records: JobRecord[];
  warnings: ParseWarning[];
  /** sha256 of each contributing file; together they identify the snapshot's content. */
  fileHashes: string[];
  fileNames: string[];
}

export interface HostGroup {
  hostName: string;
  os: string | null;
  labels: Record<string, string>;
  collectedAt: Date;
  sources: Map<FormatId, SourceGroup>;
  units: { name: string; bytes: Uint8Array; sha256: string }[];
  events: HostEventRecord[];
}

/**
 * What an upload has parsed but not yet stored, per host. A host is stored as soon as a file arrives that does
 * not touch it, so memory holds about one host's records at a time for archives laid out one folder per host.
 */
export class UploadBatch {
  private hosts = new Map<string, HostGroup>();
  private stored = new Set<string>();

  host(name: string, collectedAt: Date): HostGroup {
    const key = name.toLowerCase();
    let group = this.hosts.get(key);
    if (!group) {
      group = { hostName: name, os: null, labels: {}, collectedAt, sources: new Map(), units: [], events: [] };
      this.hosts.set(key, group);
    }
    return group;
  }

  source(host: HostGroup, source: FormatId): SourceGroup {
    let group = host.sources.get(source);
    if (!group) {
      group = { source, records: [], warnings: [], fileHashes: [], fileNames: [] };
      host.sources.set(source, group);
    }
    return group;
  }

  /**
   * Remove and return every pending host not in `keep` (all of them when `keep` is empty). `isContinuation`
   * marks a host already stored earlier in this upload: its files were not contiguous in the archive.
   */
  take(keep: Set<string> = new Set()): { group: HostGroup; isContinuation: boolean }[] {
    const out: { group: HostGroup; isContinuation: boolean }[] = [];
    for (const [key, group] of this.hosts) {
      if (keep.has(key)) continue;
      this.hosts.delete(key);
      out.push({ group, isContinuation: this.stored.has(key) });
      this.stored.add(key);
    }
    return out;
  }
}
