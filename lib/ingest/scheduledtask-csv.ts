import { guessDelimiter, readCsvRows } from './csv';
import { readCsvRowsOrReject } from './schtasks-rows';
import { decodeBytes } from './decode';
import { firstNonBlankLine } from './first-line';
import { inferDateOrder, parseWindowsDate } from './schtasks-dates';
import { headerKey } from './schtasks-locale';
import { normalizeIsoDate, principalName } from './taskxml';
import type { JobRecord, JobTrigger, ParseContext, ParseResult, Parser, ParseWarning } from './types';

/**
 * `Get-ScheduledTask | [Select-Object …] | Export-Csv` (FORMATS.md §2.7). Collectors pick their own column names with
 * calculated properties, so several spellings map to each field; only the columns present are used.
 */
type Col = 'taskName' | 'taskPath' | 'uri' | 'state' | 'host' | 'author' | 'description' | 'date' | 'execute'
  | 'arguments' | 'workingDirectory' | 'classId' | 'userId' | 'groupId' | 'runLevel' | 'triggers' | 'lastRunTime'
  | 'nextRunTime' | 'lastTaskResult' | 'hidden' | 'enabled';

const ALIASES: Record<Col, string[]> = {
  taskName: ['TaskName', 'Name'],
  taskPath: ['TaskPath', 'Path'],
  uri: ['URI'],
  state: ['State', 'Status'],
  host: ['PSComputerName', 'ComputerName', 'HostName', 'Computer'],
  author: ['Author'],
  description: ['Description'],
  date: ['Date', 'RegistrationDate'],
  execute: ['Execute', 'Actions.Execute', 'ActionExecute', 'Command', 'Action', 'Actions'],
  arguments: ['Arguments', 'Actions.Arguments', 'ActionArguments', 'Args'],
  workingDirectory: ['WorkingDirectory', 'Actions.WorkingDirectory'],
  classId: ['ClassId', 'Actions.ClassId'],
  userId: ['UserId', 'Principal.UserId', 'RunAs', 'RunAsUser', 'User', 'Principal'],
  groupId: ['GroupId', 'Principal.GroupId'],
  runLevel: ['RunLevel', 'Principal.RunLevel'],
  triggers: ['Triggers', 'Trigger'],
  lastRunTime: ['LastRunTime'],
  nextRunTime: ['NextRunTime'],
  lastTaskResult: ['LastTaskResult', 'LastResult'],
  hidden: ['Hidden', 'Settings.Hidden'],
  enabled: ['Enabled', 'Settings.Enabled'],
};
const COLUMN = new Map<string, Col>();
for (const [col, names] of Object.entries(ALIASES) as [Col, string[]][]) for (const n of names) COLUMN.set(headerKey(n), col);

/** Nested CIM objects serialize as their type name: the value carries no data. */
const TYPE_NAME = /^(Microsoft\.Management\.Infrastructure\.CimInstance|MSFT_\w+|System\.[\w.]+(\[\])?$|Microsoft\.PowerShell\.)/;

function stripPreamble(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/^\s*#TYPE[^\n]*\n/, '');
}

function headerFields(text: string): string[] {
  const firstLine = firstNonBlankLine(stripPreamble(text));
  try {
    return readCsvRows(firstLine, guessDelimiter(firstLine))[0]?.fields ?? [];
  } catch {
    return [];
  }
}

function sniff(text: string): number {
  if (/^\uFEFF?\s*#TYPE\s.*ScheduledTask/i.test(text)) return 0.99;
  const cols = new Set(headerFields(text).map((h) => COLUMN.get(headerKey(h))));
  if (!cols.has('taskName') && !cols.has('uri')) return 0;
  if (headerFields(text).some((h) => headerKey(h) === 'hostname' || (headerKey(h) === 'nextruntime' && !cols.has('taskPath')))) return 0;
  if (cols.has('taskPath')) return 0.95;
  return cols.has('state') || cols.has('execute') || cols.has('classId') ? 0.6 : 0.2;
}

const clean = (v: string | undefined): string | null => {
  const t = v?.trim();
  return t && !TYPE_NAME.test(t) ? t : null;
};

function triggersOf(value: string | null): JobTrigger[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    const items = Array.isArray(parsed) ? parsed : [parsed];
    return items.map((item) => {
      const raw = JSON.stringify(item);
      const kind = /MSFT_Task(\w*?)Trigger/.exec(raw)?.[1]?.toLowerCase() || 'unknown';
      return { kind, raw, text: null, enabled: null };
    });
  } catch {
    return [{ kind: 'unknown', raw: value, text: value, enabled: null }];
  }
}

/** Same launch-string shape as the XML parser (and Autoruns): `"<Execute>" <Arguments>`. */
function commandOf(get: (c: Col) => string | null): Pick<JobRecord, 'kind' | 'command' | 'imagePath' | 'arguments'> {
  let exe = get('execute');
  let args = get('arguments');
  if (exe) {
    const exes = exe.split(';');
    if (exes.length > 1) {
      // Collectors join multiple actions with `;`; the first is the primary one.
      const argParts = args?.split(';') ?? [];
      exe = exes[0].trim();
      args = argParts.length === exes.length ? argParts[0].trim() || null : args;
    }
    const bare = exe.replace(/^"(.*)"$/s, '$1');
    return { kind: 'exec', command: `"${bare}" ${args ?? ''}`.trim(), imagePath: bare, arguments: args };
  }
  const clsid = get('classId')?.split(';')[0].trim();
  if (clsid) return { kind: 'com_handler', command: `HKCR\\CLSID\\${clsid}`, imagePath: null, arguments: null };
  return { kind: null, command: '', imagePath: null, arguments: null };
}

function enabledOf(state: string | null, enabled: string | null): boolean | null {
  if (enabled && /^(true|false)$/i.test(enabled)) return enabled.toLowerCase() === 'true';
  const s = state?.toLowerCase();
  if (s === 'disabled' || s === '1') return false;
  if (s === 'ready' || s === 'running' || s === 'queued' || s === '3' || s === '4' || s === '2') return true;
  return null;
}

function parse(bytes: Uint8Array, _ctx: ParseContext): ParseResult {
  const text = stripPreamble(decodeBytes(bytes).text);
  const firstLine = firstNonBlankLine(text);
  const rows = readCsvRowsOrReject(text, guessDelimiter(firstLine));
  const warnings: ParseWarning[] = [];
  const records: JobRecord[] = [];
  if (rows.length === 0) return { format: 'scheduledtask_csv', records, warnings, host: null, collectedAt: null, os: 'windows' };
  const header = rows[0].fields;
  const index = new Map<Col, number>();
  header.forEach((h, i) => {
    const col = COLUMN.get(headerKey(h));
    if (col && !index.has(col)) index.set(col, i);
  });
  const dataRows = rows.slice(1).filter((r) => headerKey(r.fields[0] ?? '') !== headerKey(header[0]));
  const order = inferDateOrder(dataRows.flatMap((r) => [r.fields[index.get('lastRunTime') ?? -1], r.fields[index.get('nextRunTime') ?? -1]]).filter((v): v is string => !!v), null);

  for (const row of dataRows) {
    const get = (c: Col) => (index.has(c) ? clean(row.fields[index.get(c)!]) : null);
    const taskName = get('taskName');
    const uri = get('uri');
    if (!taskName && !uri) {
      warnings.push({ line: row.line, message: 'Row without TaskName or URI skipped' });
      continue;
    }
    let name = taskName ? `${get('taskPath') ?? '\\'}${taskName}` : uri!;
    if (!name.startsWith('\\')) name = `\\${name}`;
    const triggers = triggersOf(get('triggers'));
    const hidden = get('hidden');
    records.push({
      family: 'windows_task',
      name,
      ...commandOf(get),
      enabled: enabledOf(get('state'), get('enabled')),
      hidden: hidden && /^(true|false)$/i.test(hidden) ? hidden.toLowerCase() === 'true' : null,
      runAs: principalName(get('userId') ?? get('groupId') ?? undefined),
      runLevel: get('runLevel'),
      schedule: get('triggers'),
      triggers,
      author: get('author'),
      description: get('description'),
      registeredAt: normalizeIsoDate(get('date') ?? undefined) ?? parseWindowsDate(get('date'), order),
      lastRunAt: parseWindowsDate(get('lastRunTime'), order),
      nextRunAt: parseWindowsDate(get('nextRunTime'), order),
      host: get('host'),
      line: row.line,
      raw: Object.fromEntries(header.map((h, i) => [h, row.fields[i] ?? ''])),
    });
  }
  const hasAction = ['execute', 'classId'].some((c) => index.has(c as Col)) && records.some((r) => r.command !== '');
  if (records.length > 0 && !hasAction) {
    warnings.push({ line: null, message: 'Export has no action column (e.g. Actions.Execute): task commands are absent' });
  }
  const hosts = new Set(records.map((r) => r.host).filter((h): h is string => !!h));
  return { format: 'scheduledtask_csv', records, warnings, host: hosts.size === 1 ? [...hosts][0] : null, collectedAt: null, os: 'windows' };
}

export const scheduledTaskCsvParser: Parser = { format: 'scheduledtask_csv', sniff, maxConfidence: 0.99, parse };
