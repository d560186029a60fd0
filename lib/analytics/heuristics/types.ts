import type { JobFamily, JobRecord } from '@/lib/ingest/types';

/** Grouping for display and weighting; one heuristic belongs to exactly one family. */
export type HeuristicFamily =
  | 'path'
  | 'lolbin'
  | 'command'
  | 'network'
  | 'principal'
  | 'stealth'
  | 'signature'
  | 'name'
  | 'schedule'
  | 'masquerade';

export type Severity = 1 | 2 | 3 | 4 | 5;

/** The record fields heuristics look at, plus the computed identity (identityOf) so rules never re-normalize. */
export type HeuristicInput = Pick<JobRecord, 'family' | 'name' | 'command'> &
  Partial<
    Pick<
      JobRecord,
      | 'kind'
      | 'imagePath'
      | 'runAs'
      | 'runLevel'
      | 'enabled'
      | 'hidden'
      | 'signer'
      | 'verified'
      | 'fileNotFound'
      | 'schedule'
      | 'triggers'
      | 'author'
      | 'description'
      | 'company'
    >
  > & {
    normName: string;
    normCommand: string;
    executable: string;
  };

/** What an example may leave out: identity is computed from name/command, family defaults from the command. */
export type HeuristicExample = Partial<Omit<HeuristicInput, 'normName' | 'normCommand' | 'executable'>>;

export interface HeuristicHit {
  id: string;
  /** Human-readable reason quoting the matched evidence. */
  detail: string;
}

export interface Heuristic {
  /** Stable forever: stored with hits and suppressions. */
  id: string;
  title: string;
  /** One line: why this matters. */
  explanation: string;
  /** ATT&CK technique or sub-technique id. */
  attack: string;
  family: HeuristicFamily;
  /** Weight hint 1 (weak) .. 5 (near-certain malice). */
  severity: Severity;
  /** The public Sigma/Elastic rule the idea comes from, by title and id; only rules known to exist. */
  reference?: string;
  /** Job families the rule is meaningful for; undefined = all. */
  appliesTo?: JobFamily[];
  /** Required so a heuristic without tests cannot be added (heuristics.test.ts iterates these). */
  examples: { positive: HeuristicExample[]; negative: HeuristicExample[] };
  test(input: HeuristicInput): HeuristicHit | null;
}
