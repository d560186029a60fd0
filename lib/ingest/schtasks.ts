import { guessDelimiter } from './csv';
import { inferDateOrder, parseWindowsDate, type DateOrder } from './schtasks-dates';
import {
  ACTIVE_STATUS_WORDS, COM_HANDLER_WORDS, DISABLED_WORDS, ENABLED_WORDS, MULTIPLE_ACTIONS_WORDS, NOISE_LINE,
  NOT_APPLICABLE, VERBOSE_FIELDS, headerKey, lookupHeader, scheduleKind, type SchtasksField, type SchtasksLocale,
} from './schtasks-locale';
import { alternateReadings, decodeSchtasksText } from './schtasks-oem';
import { readSchtasksCsv, readSchtasksList, splitListLine, type SchtasksRow } from './schtasks-rows';
import type { JobRecord, JobTrigger, ParseContext, ParseResult, Parser, ParseWarning } from './types';

type Fields = Partial<Record<SchtasksField, string>>;

const TRIGGER_FIELDS: readonly SchtasksField[] = ['scheduleType', 'startTime', 'startDate', 'endDate', 'days', 'months',
  'repeatEvery', 'repeatUntilTime', 'repeatUntilDuration', 'repeatStopIfRunning'];

function firstDataLines(text: string, n: number): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '' && !NOISE_LINE.test(l)).slice(0, n);
}

function sniff(text: string): number {
  return Math.max(...alternateReadings(text).map(sniffReading));
}

function sniffReading(text: string): number {
  const lines = firstDataLines(text, 60);
  if (lines.length === 0) return 0;
  const first = lines[0].replace(/^\uFEFF/, '');
  const looksCsv = first.startsWith('"') || /[,;]/.test(first.split(':')[0] ?? '');
  if (looksCsv) {
    const fields = first.split(guessDelimiter(first)).map((f) => f.trim().replace(/^"|"$/g, ''));
    const known = new Set(fields.map((f) => lookupHeader(f)?.field).filter((f) => f !== undefined));
    // Get-ScheduledTask exports share TaskName/NextRunTime names; TaskPath or a #TYPE line marks them as PowerShell.
    if (fields.some((f) => ['taskpath', 'pscomputername', 'uri'].includes(headerKey(f)))) return 0;
    if (known.has('host') && known.has('taskName')) return 0.95;
    if (known.has('taskName') && known.has('nextRunTime')) return 0.9;
    if (first.startsWith('"') && fields.length === 28 && fields[1]?.startsWith('\\')) return 0.6;
    return 0;
  }
  const fields = lines.map((l) => splitListLine(l)).map((kv) => (kv ? lookupHeader(kv[0])?.field : undefined));
  // Real LIST output is nearly all `Key: value` lines; prose that merely quotes a few keys is not.
  if (fields.filter(Boolean).length < lines.length * 0.5) return 0;
  const keys = new Set(fields);
  if (keys.has('host') && keys.has('taskName')) return 0.9;
  if (keys.has('taskName') && keys.has('nextRunTime') && keys.has('status')) return 0.8;
  return 0;
}

/** Map one row's cells to canonical fields; a 28-column row whose headers we only partly know falls back to position. */
function toFields(row: SchtasksRow, votes: Map<SchtasksLocale, number>): Fields {
  const out: Fields = {};
  const positional = row.cells.length === VERBOSE_FIELDS.length && lookupHeader(row.cells[0][0])?.field === 'host';
  row.cells.forEach(([header, value], i) => {
    const hit = lookupHeader(header);
    if (hit) votes.set(hit.locale, (votes.get(hit.locale) ?? 0) + 1);
    const field = hit?.field ?? (positional ? VERBOSE_FIELDS[i] : undefined);
    if (field && out[field] === undefined) out[field] = value;
  });
  return out;
}

const isNA = (v: string | undefined): boolean => v === undefined || v.trim() === '' || NOT_APPLICABLE.has(headerKey(v));
const val = (v: string | undefined): string | null => (isNA(v) ? null : v!.trim());

/** The state column is authoritative; without /v only Status is left, where Ready/Running still imply enabled. */
function enabledOf(f: Fields): boolean | null {
  const state = headerKey(f.scheduledTaskState ?? '');
  if (DISABLED_WORDS.has(state)) return false;
  if (ENABLED_WORDS.has(state)) return true;
  const status = headerKey(f.status ?? '');
  if (DISABLED_WORDS.has(status)) return false;
  if (ACTIVE_STATUS_WORDS.has(status)) return true;
  return null;
}

function triggerOf(f: Fields, row: SchtasksRow): JobTrigger | null {
  const type = val(f.scheduleType);
  if (!type) return null;
  const skip = (v: string | undefined) => (isNA(v) || DISABLED_WORDS.has(headerKey(v ?? '')) ? null : v!.trim());
  const parts = [type];
  if (skip(f.startTime)) parts.push(`at ${f.startTime!.trim()}`);
  if (skip(f.days)) parts.push(`on ${f.days!.trim()}`);
  if (skip(f.months)) parts.push(`(${f.months!.trim()})`);
  if (skip(f.startDate)) parts.push(`from ${f.startDate!.trim()}`);
  if (skip(f.endDate)) parts.push(`until ${f.endDate!.trim()}`);
  const every = skip(f.repeatEvery);
  if (every) {
    parts.push(`repeating every ${every}`);
    if (skip(f.repeatUntilDuration)) parts.push(`for ${f.repeatUntilDuration!.trim()}`);
    if (skip(f.repeatUntilTime)) parts.push(`until ${f.repeatUntilTime!.trim()}`);
  }
  const triggerHeaders = new Set(row.cells.map(([h]) => h).filter((h) => TRIGGER_FIELDS.includes(lookupHeader(h)?.field as SchtasksField)));
  const raw = row.cells.filter(([h, v]) => triggerHeaders.has(h) && v.trim() !== '').map(([h, v]) => `${h}: ${v}`).join('; ');
  return { kind: scheduleKind(type), raw, text: parts.join(' '), enabled: null };
}

function commandKind(command: string): string | null {
  const key = headerKey(command);
  if (!key) return null;
  if (COM_HANDLER_WORDS.has(key)) return 'com_handler';
  if (MULTIPLE_ACTIONS_WORDS.has(key)) return 'multiple_actions';
  return 'exec';
}

function buildRecord(f: Fields, row: SchtasksRow, order: DateOrder): JobRecord {
  const rawName = (f.taskName ?? '').trim();
  const command = (f.taskToRun ?? '').trim();
  return {
    family: 'windows_task',
    kind: commandKind(command),
    name: rawName.startsWith('\\') ? rawName : `\\${rawName}`,
    // `COM handler` / `Multiple actions` stay verbatim (kind says what they are); only N/A means "no command".
    command: isNA(command) && !command.includes('\\') ? '' : command,
    enabled: enabledOf(f),
    runAs: val(f.runAsUser),
    author: val(f.author),
    description: val(f.comment),
    lastRunAt: parseWindowsDate(val(f.lastRunTime), order),
    nextRunAt: parseWindowsDate(val(f.nextRunTime), order),
    host: val(f.host),
    line: row.line,
    triggers: [],
    schedule: null,
    raw: Object.fromEntries(row.cells),
  };
}

function parse(bytes: Uint8Array, _ctx: ParseContext): ParseResult {
  const { text } = decodeSchtasksText(bytes);
  const first = firstDataLines(text, 1)[0]?.replace(/^\uFEFF/, '') ?? '';
  // LIST keys never contain commas before their colon, CSV headers always do.
  const isCsv = first.startsWith('"') || (first.includes(',') && !splitListLine(first));
  const read = isCsv ? readSchtasksCsv(text) : readSchtasksList(text);
  const warnings: ParseWarning[] = [...read.warnings];
  const votes = new Map<SchtasksLocale, number>();
  const rows = read.rows.map((row) => ({ row, f: toFields(row, votes) }));
  const locale = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const order = inferDateOrder(rows.flatMap(({ f }) => [f.nextRunTime, f.lastRunTime, f.startDate].filter((v): v is string => !!v)), locale);

  const byKey = new Map<string, JobRecord>();
  for (const { row, f } of rows) {
    if (!f.taskName?.trim()) {
      warnings.push({ line: row.line, message: 'Row without a TaskName skipped' });
      continue;
    }
    const record = buildRecord(f, row, order);
    // One row per trigger (FORMATS.md §2.1): identity is host + task path, case-insensitive like Task Scheduler.
    const key = `${record.host ?? ''}\u0000${record.name}`.toLowerCase();
    const target = byKey.get(key) ?? record;
    byKey.set(key, target);
    const trigger = triggerOf(f, row);
    if (trigger) target.triggers!.push(trigger);
  }
  const records = [...byKey.values()];
  for (const r of records) r.schedule = r.triggers!.length > 0 ? r.triggers!.map((t) => t.text).join('; ') : null;

  const hasCommandColumn = rows.some(({ f }) => f.taskToRun !== undefined);
  if (records.length > 0 && !hasCommandColumn) {
    warnings.push({ line: null, message: 'schtasks output without /v: commands, run-as user and triggers are absent' });
  }
  const hosts = new Set(records.map((r) => r.host).filter((h): h is string => !!h));
  return {
    format: 'schtasks',
    records,
    warnings,
    host: hosts.size === 1 ? [...hosts][0] : null,
    collectedAt: null,
    os: 'windows',
  };
}

export const schtasksParser: Parser = { format: 'schtasks', sniff, maxConfidence: 0.95, parse };
