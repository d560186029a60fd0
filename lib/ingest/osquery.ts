import { decodeBytes } from './decode';
import { detectTable, mapRow, tableOs, type OsqueryRow, type OsqueryTable } from './osquery-tables';
import { ParseError, type JobRecord, type ParseContext, type ParseResult, type ParseWarning, type Parser } from './types';

/**
 * osquery results (FORMATS.md §6.2-6.3): result-log JSON lines (event, snapshot and batch formats), `osqueryi --json`
 * arrays and `fleetctl query` JSON lines. Only the job tables in osquery-tables.ts produce records.
 */

type Json = Record<string, unknown>;

interface Envelope {
  name: string | null;
  host: string | null;
  collectedAt: string | null;
  rows: Json[];
  /** Columns seen even when no row is kept (differential "removed"), so such lines still identify a table. */
  hintColumns: string[];
  line: number | null;
  /** fleetctl reports per-host query failures in `error`. */
  error?: string | null;
}

const ENVELOPE_KEYS = ['snapshot', 'columns', 'diffResults', 'hostIdentifier', 'calendarTime', 'unixTime'];
const JOB_COLUMNS = ['last_run_time', 'next_run_time', 'day_of_month', 'program_arguments', 'run_at_load', 'fragment_path', 'unit_file_state'];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

/** Result-log values are strings unless numerics:true; nested values (rare) are kept as JSON text. */
function toRow(obj: Json): OsqueryRow {
  const row: OsqueryRow = {};
  for (const [k, v] of Object.entries(obj)) {
    row[k] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return row;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `unixTime` (number, or string in older osquery) wins; `calendarTime` is ctime-style UTC text. */
function envelopeTime(obj: Json): string | null {
  const unix = str(obj.unixTime);
  if (unix && /^\d+$/.test(unix) && Number(unix) > 0) return new Date(Number(unix) * 1000).toISOString();
  const cal = str(obj.calendarTime);
  const m = cal && /^\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})(?: UTC)?$/.exec(cal);
  if (!m || !MONTHS.includes(m[1])) return null;
  return new Date(Date.UTC(+m[6], MONTHS.indexOf(m[1]), +m[2], +m[3], +m[4], +m[5])).toISOString();
}

/** Classify one JSON value; 'status' = osquery status log sharing the stream, null = not osquery at all. */
function toEnvelope(v: unknown, line: number | null): Envelope | 'status' | null {
  if (!isObject(v)) return null;
  const decorations = isObject(v.decorations) ? v.decorations : {};
  const base = {
    name: str(v.name),
    host: str(v.hostIdentifier) ?? str(decorations.hostname) ?? str(v.hostname),
    collectedAt: envelopeTime(v),
    line,
    hintColumns: [] as string[],
  };
  if (Array.isArray(v.rows) && 'host' in v) {
    // fleetctl query output: one object per host.
    return { ...base, name: null, host: str(v.host), rows: v.rows.filter(isObject), error: str(v.error) };
  }
  if (Array.isArray(v.snapshot)) return { ...base, rows: v.snapshot.filter(isObject) };
  if (isObject(v.columns)) {
    // Differential "removed" rows describe jobs that went away; the inventory only records what exists.
    return { ...base, rows: v.action === 'removed' ? [] : [v.columns], hintColumns: Object.keys(v.columns) };
  }
  if (isObject(v.diffResults)) {
    const added = v.diffResults.added;
    return { ...base, rows: Array.isArray(added) ? added.filter(isObject) : [] };
  }
  if ('severity' in v && 'message' in v) return 'status';
  // A bare row (osqueryi --json element): only accepted when it carries job-table columns.
  const keys = Object.keys(v);
  if (keys.length > 0 && Object.values(v).every((x) => typeof x !== 'object' || x === null) && detectTable(null, keys)) {
    return { name: null, host: null, collectedAt: null, line, rows: [v], hintColumns: keys };
  }
  return null;
}

/** Whole-document JSON (arrays, pretty-printed objects) first, else one JSON value per line. */
function readItems(text: string, warnings: ParseWarning[]): { value: unknown; line: number | null }[] {
  const trimmed = text.trim();
  try {
    const doc: unknown = JSON.parse(trimmed);
    if (Array.isArray(doc)) return doc.map((value, i) => ({ value, line: i + 1 }));
    return [{ value: doc, line: 1 }];
  } catch {
    // Not a single document: JSON lines.
  }
  const items: { value: unknown; line: number | null }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (l === '') return;
    try {
      items.push({ value: JSON.parse(l), line: i + 1 });
    } catch (e) {
      warnings.push({ line: i + 1, message: `Invalid JSON line skipped: ${(e as Error).message}` });
    }
  });
  return items;
}

function sniff(text: string): number {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return 0;
  const head = t.slice(0, 20000);
  const quoted = (k: string) => head.includes(`"${k}"`);
  // hayabusa/EvtxECmd JSON also start with `{`; they never carry result-log envelope keys.
  if (quoted('EventID') || quoted('EventId')) return 0.02;
  const envelope = ENVELOPE_KEYS.filter(quoted).length;
  const fleet = quoted('rows') && quoted('host');
  const jobCols = JOB_COLUMNS.filter(quoted).length;
  if ((envelope >= 2 || fleet) && jobCols > 0) return 0.95;
  if (envelope >= 2 || fleet) return 0.8;
  if (jobCols >= 2) return 0.75;
  if (jobCols === 1) return 0.4;
  return 0.05;
}

function parse(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  void ctx;
  const { text } = decodeBytes(bytes);
  const warnings: ParseWarning[] = [];
  const items = readItems(text, warnings);
  const records: JobRecord[] = [];
  const unsupported = new Map<string, number>();
  const hosts = new Set<string>();
  const oses = new Set<'windows' | 'linux' | 'macos'>();
  let latest: string | null = null;
  let usable = 0;
  let statusLines = 0;

  for (const item of items) {
    const env = toEnvelope(item.value, item.line);
    if (env === 'status') {
      statusLines++;
      continue;
    }
    if (!env) {
      warnings.push({ line: item.line, message: 'Not an osquery result (no snapshot, columns, diffResults or rows); skipped' });
      continue;
    }
    if (env.error) warnings.push({ line: item.line, message: `Fleet reported an error for host ${env.host ?? '?'}: ${env.error}` });
    if (env.collectedAt && (!latest || env.collectedAt > latest)) latest = env.collectedAt;
    let tableSeen: OsqueryTable | null = detectTable(env.name, env.hintColumns);
    for (const obj of env.rows) {
      const row = toRow(obj);
      const table = detectTable(env.name, Object.keys(row));
      if (!table) {
        const key = env.name ?? 'unnamed query';
        unsupported.set(key, (unsupported.get(key) ?? 0) + 1);
        continue;
      }
      tableSeen = table;
      const host = env.host ?? str(row.host_hostname) ?? str(row.host_display_name);
      const rec = mapRow(table, row, { host, line: item.line });
      if (!rec) continue;
      if (host) hosts.add(host);
      oses.add(tableOs(table, row));
      records.push(rec);
    }
    if (tableSeen) usable++;
  }

  if (unsupported.size > 0) {
    const list = [...unsupported].map(([k, n]) => `${k} (${n})`).join(', ');
    warnings.push({ message: `Skipped rows from queries that are not job tables: ${list}` });
  }
  if (usable === 0) {
    const why = statusLines > 0 ? ' (only osquery status log lines)' : unsupported.size > 0 ? ' (no scheduled_tasks, crontab, systemd_units or launchd rows)' : '';
    throw new ParseError(`No usable osquery results found${why}`);
  }
  return {
    format: 'osquery',
    records,
    warnings,
    host: hosts.size === 1 ? [...hosts][0] : null,
    collectedAt: latest,
    os: oses.size === 1 ? [...oses][0] : null,
  };
}

export const osqueryParser: Parser = { format: 'osquery', sniff, maxConfidence: 0.95, parse };
