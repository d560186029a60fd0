import type { HeuristicHit } from '@/lib/analytics/heuristics';
import type { ParsedMember } from './parse-member';
import { recordKeys, withKeys, type CanonicalRecords, type RecordKeys } from './record-keys';
import type { JobRecord, ParseResult } from './types';
import { variantHits, withHits } from './variant-hits';

/**
 * A parsed file as a parse thread sends it (lib/ingest/parse-pool.ts). Most of a fleet's records are the same few
 * hundred variants, and cloning every record across threads cost the receiving thread about what parsing them did.
 * So each variant is sent in full once, and numbered in the order sent; a file's records are those numbers.
 */
export type PackedMember =
  /** The receiver has the unit file's bytes already. */
  | { kind: 'unit'; name: string }
  | {
      kind: 'parsed';
      /** The parse result without its records. */
      result: Omit<ParseResult, 'records'>;
      /** The receiver forgets the variants it was sent before this file, and numbering starts over at 0. */
      restart: boolean;
      /** Records the receiver has not been sent, in the order they take the next numbers. */
      fresh: FreshVariant[];
      /** Each record of the file, in file order, as its variant's number. */
      refs: Int32Array;
      /** Host named by each record, when any record names one (schtasks HostName, osquery hostIdentifier). */
      hosts: (string | null)[] | null;
    };

/** A variant's record sent in full, with its keys and the heuristics' hits on it. */
interface FreshVariant {
  record: JobRecord;
  keys: RecordKeys;
  hits: HeuristicHit[];
}

/** A parsed file ready to route: `hosts` as in PackedMember, or null when no record names a host. */
export type RoutableMember =
  | { kind: 'unit'; name: string; bytes: Uint8Array }
  | { kind: 'parsed'; result: ParseResult; hosts: (string | null)[] | null };

function hostsOf(records: JobRecord[]): (string | null)[] | null {
  return records.some((r) => r.host != null) ? records.map((r) => r.host ?? null) : null;
}

/**
 * The sending side's memory of what it has sent. It starts over after `limit` variants, which bounds what the
 * receiver holds: its records outlive the batches that used them. A 1 GB archive has tens of thousands of
 * variants; with a limit of 20,000 its ingest peaked at 445 MB, with 5,000 at 373 MB (the bench's (d)).
 */
export class SentVariants {
  private numbers = new Map<string, number>();
  private mustRestart = false;

  constructor(private readonly limit = 5_000) {}

  pack(member: ParsedMember): PackedMember {
    if (member.kind === 'unit') return { kind: 'unit', name: member.name };
    const { records, ...result } = member.result;
    const restart = this.mustRestart || this.numbers.size + records.length > this.limit;
    if (restart) this.numbers = new Map();
    this.mustRestart = false;
    const refs = new Int32Array(records.length);
    const fresh: FreshVariant[] = [];
    records.forEach((record, i) => {
      const keys = recordKeys(record);
      let n = this.numbers.get(keys.variantKey);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(keys.variantKey, n);
        fresh.push({ record, keys, hits: variantHits(record, keys) });
      }
      refs[i] = n;
    });
    return { kind: 'parsed', result, restart, fresh, refs, hosts: hostsOf(records) };
  }

  /** After a file that was packed but not received (a failure while sending it): start over with the next one. */
  forget(): void {
    this.mustRestart = true;
  }
}

/** The receiving side: the variants sent so far, by number. Unpack files in the order they were packed. */
export class ReceivedVariants {
  private records: JobRecord[] = [];

  /** Let go of every variant; the sender must number from 0 again before its next file. */
  clear(): void {
    this.records = [];
  }

  unpack(packed: PackedMember, bytes: Uint8Array): RoutableMember {
    if (packed.kind === 'unit') return { kind: 'unit', name: packed.name, bytes };
    if (packed.restart) this.records = [];
    for (const f of packed.fresh) this.records.push(withHits(withKeys(f.record, f.keys), f.hits));
    const records: JobRecord[] = new Array(packed.refs.length);
    for (let i = 0; i < records.length; i++) {
      const rec = this.records[packed.refs[i]!];
      if (!rec) throw new Error(`parse thread referred to variant ${packed.refs[i]}, which it never sent`);
      records[i] = rec;
    }
    return { kind: 'parsed', result: { ...packed.result, records }, hosts: packed.hosts };
  }
}

/** A file parsed on this thread, routed the same way. */
export function routableMember(member: ParsedMember, canonical: CanonicalRecords): RoutableMember {
  if (member.kind === 'unit') return member;
  const { records } = member.result;
  return { kind: 'parsed', result: { ...member.result, records: records.map((r) => canonical.of(r)) }, hosts: hostsOf(records) };
}
