/**
 * The one record shape every parser produces (PRODUCT.md §3, FORMATS.md §8).
 * Parsers are pure: bytes in, records + warnings out. Nothing here touches the database.
 */

/** Which kind of scheduler a job belongs to; the prevalence denominator is "hosts reporting this family". */
export type JobFamily =
  | 'windows_task'
  | 'windows_autorun'
  | 'cron'
  | 'systemd_timer'
  | 'launchd'
  | 'at';

/** The input format a file was parsed as; a snapshot's `source`. */
export type FormatId =
  | 'autoruns'
  | 'schtasks'
  | 'taskxml'
  | 'scheduledtask_csv'
  | 'cron'
  | 'systemd'
  | 'launchd'
  | 'at'
  | 'osquery'
  | 'task_events';

export interface JobTrigger {
  /** e.g. daily, weekly, logon, boot, idle, event, time, calendar, interval, cron, reboot */
  kind: string;
  /** Raw trigger text or expression as the source wrote it. */
  raw: string;
  /** Human-readable rendering ("At 03:00 every day"). */
  text?: string | null;
  enabled?: boolean | null;
}

export interface JobRecord {
  family: JobFamily;
  /** Finer kind: autorun category, cron_script, anacron, user_crontab, system_crontab, ... */
  kind?: string | null;
  /** Raw job identity as the source names it: task path, crontab file:line, unit name, launchd label. */
  name: string;
  /** Raw primary command line as configured (env vars and case preserved). */
  command: string;
  /** Resolved executable path when the source gives one. */
  imagePath?: string | null;
  arguments?: string | null;
  enabled?: boolean | null;
  hidden?: boolean | null;
  /** Principal / user the job runs as (SYSTEM, root, DOMAIN\user). */
  runAs?: string | null;
  runLevel?: string | null;
  /** Raw schedule text (cron expression, trigger summary). */
  schedule?: string | null;
  triggers?: JobTrigger[];
  signer?: string | null;
  /** true = "(Verified)", false = "(Not verified)", null = unknown. */
  verified?: boolean | null;
  md5?: string | null;
  sha1?: string | null;
  sha256?: string | null;
  author?: string | null;
  description?: string | null;
  company?: string | null;
  /** Autoruns "File not found:" images. */
  fileNotFound?: boolean;
  /** ISO-8601 strings when parseable; raw values stay in `raw`. */
  registeredAt?: string | null;
  lastRunAt?: string | null;
  nextRunAt?: string | null;
  /** Host named inside the data (schtasks HostName, PSComputerName, osquery hostIdentifier). */
  host?: string | null;
  /** 1-based line (or row) in the file where the record starts. */
  line?: number | null;
  /** The original row / line / XML, kept verbatim for display. */
  raw: Record<string, string> | string;
  /** Set by parsers whose records depend only on the row and the file's layout (lib/ingest/record-keys.ts). */
  [ROW_SOURCE]?: RowSource;
}

/**
 * A symbol, not a field: not part of what a parser yields (JSON of records, the frozen outputs of
 * lib/testing/ingest-outputs.ts), only a hint to the ingest's key cache.
 */
export const ROW_SOURCE = Symbol('rowSource');

/**
 * The exact text of the row a record was made from, and a string naming everything else of the file that went
 * into the record's identity and variant fields (delimiter, columns, line break). Two rows with the same layout and
 * text give the same entry and variant keys.
 */
export interface RowSource {
  layout: string;
  text: string;
}

/** A Task Scheduler / Security event (106/140/141/200/201, 4698-4702): feeds timelines, not the inventory. */
export interface HostEventRecord {
  host: string | null;
  at: string; // ISO-8601
  eventId: number;
  channel?: string | null;
  taskName?: string | null;
  user?: string | null;
  message?: string | null;
  raw: Record<string, string> | string;
}

export interface ParseWarning {
  line?: number | null;
  message: string;
}

export interface ParseResult {
  format: FormatId;
  records: JobRecord[];
  events?: HostEventRecord[];
  warnings: ParseWarning[];
  /** Host / collection time found in the data as a whole (a header, a banner, metadata). */
  host?: string | null;
  collectedAt?: string | null;
  /** OS family implied by the format: windows | linux | macos. */
  os?: 'windows' | 'linux' | 'macos' | null;
}

export interface ParseContext {
  /** File name or archive path; used for hints (cron spool user, cron.d, unit names), never trusted as identity alone. */
  fileName?: string | null;
}

/** A fatal parse problem: the file is rejected with this message (file, line, reason). */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

export interface Parser {
  format: FormatId;
  /** 0..1 confidence that the decoded text is this format (content sniffing, not file names). */
  sniff(text: string, ctx: ParseContext): number;
  /** The highest score `sniff` can return (1 when unset): detection skips a parser that cannot beat the best so far. */
  maxConfidence?: number;
  parse(bytes: Uint8Array, ctx: ParseContext): ParseResult;
}
