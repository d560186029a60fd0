import { readCsvRows } from './csv';
import { FOLDER_KEYS, NOISE_LINE, headerKey, lookupHeader, type SchtasksField } from './schtasks-locale';
import { ParseError, type ParseWarning } from './types';
import type { CsvRow } from './csv';

/** One physical record of schtasks output: original header/key names paired with values, in order. */
export interface SchtasksRow {
  line: number;
  cells: [string, string][];
}

export interface SchtasksRows {
  layout: 'csv' | 'list';
  header: string[] | null;
  rows: SchtasksRow[];
  warnings: ParseWarning[];
}

const ENGLISH_VERBOSE = ['HostName', 'TaskName', 'Next Run Time', 'Status', 'Logon Mode', 'Last Run Time', 'Last Result',
  'Author', 'Task To Run', 'Start In', 'Comment', 'Scheduled Task State', 'Idle Time', 'Power Management', 'Run As User',
  'Delete Task If Not Rescheduled', 'Stop Task If Runs X Hours and X Mins', 'Schedule', 'Schedule Type', 'Start Time',
  'Start Date', 'End Date', 'Days', 'Months', 'Repeat: Every', 'Repeat: Until: Time', 'Repeat: Until: Duration',
  'Repeat: Stop If Still Running'];

export function noiseWarning(line: number, text: string): ParseWarning {
  return { line, message: `schtasks message skipped: ${text.trim()}` };
}

export function looksLikeHeader(fields: string[]): boolean {
  return fields.filter((f) => lookupHeader(f) !== null).length >= Math.min(2, fields.length);
}

/**
 * schtasks never escapes quotes inside fields, so a quote only closes a field when followed by `","` or the end of the
 * record (FORMATS.md §2.1). Records span lines when a Comment holds a newline.
 */
export function readSchtasksCsv(text: string): SchtasksRows {
  const lines = text.split(/\r?\n/);
  const firstData = lines.find((l) => l.trim() !== '' && !NOISE_LINE.test(l));
  if (firstData !== undefined && !firstData.startsWith('"')) return readPlainCsv(text);
  const sep = firstData && !firstData.includes('","') && firstData.includes('";"') ? '";"' : '","';
  const out: SchtasksRows = { layout: 'csv', header: null, rows: [], warnings: [] };
  let headerKey0: string | null = null;
  let pending: { line: number; text: string } | null = null;

  const emit = (rec: { line: number; text: string }) => {
    let fields = rec.text.replace(/^"/, '').replace(/"$/, '').split(sep);
    if (!out.header) {
      if (looksLikeHeader(fields)) {
        out.header = fields;
        headerKey0 = headerKey(fields[0]);
        return;
      }
      // `/nh`: no header at all; the fixed 28-column order is the only safe assumption.
      out.header = fields.length === 28 ? ENGLISH_VERBOSE : fields.map((_, i) => `Column${i + 1}`);
      out.warnings.push({ line: rec.line, message: `No header row; assumed ${fields.length === 28 ? 'English /v column order' : 'unknown columns'}` });
    }
    if (headerKey(fields[0]) === headerKey0) return;
    if (fields.length > out.header.length) fields = mergeOverflow(fields, out.header, rec.line, out.warnings);
    out.rows.push({ line: rec.line, cells: out.header.map((h, i) => [h, fields[i] ?? '']) });
  };
  const closes = (t: string, next: string | undefined) => {
    if (t.length < 2 || !t.endsWith('"')) return false;
    if (!out.header || t.split(sep).length >= out.header.length) return true;
    return next === undefined || next.startsWith('"') || next.trim() === '' || NOISE_LINE.test(next);
  };

  lines.forEach((raw, i) => {
    const next = lines[i + 1];
    if (NOISE_LINE.test(raw)) {
      out.warnings.push(noiseWarning(i + 1, raw));
      return;
    }
    if (pending) {
      pending.text += `\n${raw}`;
    } else if (raw.trim() === '') {
      return;
    } else if (!raw.startsWith('"')) {
      out.warnings.push({ line: i + 1, message: `Ignored line that is not a schtasks CSV record: ${raw.slice(0, 80)}` });
      return;
    } else {
      pending = { line: i + 1, text: raw };
    }
    if (closes(pending.text, next)) {
      emit(pending);
      pending = null;
    }
  });
  if (pending) emit(pending);
  return out;
}

/** An unescaped `","` inside Task To Run splits it; glue the surplus back into that column. */
function mergeOverflow(fields: string[], header: string[], line: number, warnings: ParseWarning[]): string[] {
  const extra = fields.length - header.length;
  let at = header.findIndex((h) => lookupHeader(h)?.field === 'taskToRun');
  if (at < 0) at = header.length - 1;
  warnings.push({ line, message: `Row has ${fields.length} fields for ${header.length} columns; merged the surplus into "${header[at]}"` });
  return [...fields.slice(0, at), fields.slice(at, at + extra + 1).join('","'), ...fields.slice(at + extra + 1)];
}

/** csv-parse gives up on a quote that never closes; surface that as a rejected file, not a crash. */
export function readCsvRowsOrReject(text: string, delimiter: ',' | '\t' | ';' = ','): CsvRow[] {
  try {
    return readCsvRows(text, delimiter);
  } catch (e) {
    if (e instanceof ParseError) throw e; // readCsvRows already names the line and reason
    const line = (e as { lines?: unknown }).lines;
    throw new ParseError(`Malformed CSV: ${(e as Error).message}`, typeof line === 'number' ? line : null);
  }
}

/** Re-saved (RFC-quoted or unquoted) CSV: the shared tokenizer copes, we only drop noise and repeated headers. */
function readPlainCsv(text: string): SchtasksRows {
  const out: SchtasksRows = { layout: 'csv', header: null, rows: [], warnings: [] };
  for (const row of readCsvRowsOrReject(text)) {
    const joined = row.fields.join(',');
    if (NOISE_LINE.test(joined)) {
      out.warnings.push(noiseWarning(row.line, joined));
    } else if (!out.header) {
      out.header = row.fields;
    } else if (headerKey(row.fields[0]) !== headerKey(out.header[0])) {
      const header = out.header;
      out.rows.push({ line: row.line, cells: header.map((h, i) => [h, row.fields[i] ?? '']) });
    }
  }
  return out;
}

/**
 * `/fo list /v`: `Key:<padding>Value`. Keys contain colons (`Repeat: Until: Time:`) and values too, so the split point is
 * the longest prefix ending in `:` that is a known key; unknown keys split at the first `:` followed by padding.
 */
export function readSchtasksList(text: string): SchtasksRows {
  const out: SchtasksRows = { layout: 'list', header: null, rows: [], warnings: [] };
  let current: SchtasksRow | null = null;
  const seen = new Set<SchtasksField>();
  const close = () => {
    if (current && current.cells.length > 0) out.rows.push(current);
    current = null;
    seen.clear();
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return close();
    if (NOISE_LINE.test(raw)) return void out.warnings.push(noiseWarning(i + 1, raw));
    const kv = splitListLine(raw);
    if (!kv) {
      const last = current?.cells.at(-1);
      if (last) last[1] += `\n${raw.trim()}`;
      else out.warnings.push({ line: i + 1, message: `Ignored line outside a record: ${raw.slice(0, 80)}` });
      return;
    }
    if (FOLDER_KEYS.has(headerKey(kv[0]))) return close();
    const field = lookupHeader(kv[0])?.field;
    // Multi-trigger tasks repeat the whole block; a repeated key means a new record even without a blank line.
    if (field && seen.has(field) && (field === 'host' || field === 'taskName')) close();
    if (field) seen.add(field);
    current ??= { line: i + 1, cells: [] };
    current.cells.push(kv);
  });
  close();
  return out;
}

export function splitListLine(line: string): [string, string] | null {
  const positions: number[] = [];
  for (let i = line.indexOf(':'); i >= 0; i = line.indexOf(':', i + 1)) {
    if (i === line.length - 1 || /\s/.test(line[i + 1])) positions.push(i);
  }
  let best: number | null = null;
  for (const p of positions) {
    const key = line.slice(0, p).trim();
    if (lookupHeader(key) || FOLDER_KEYS.has(headerKey(key))) best = p;
  }
  if (best === null) best = positions.find((p) => /^\s{2,}|^$/.test(line.slice(p + 1))) ?? null;
  if (best === null || line.slice(0, best).trim() === '' || /^\s/.test(line)) return null;
  return [line.slice(0, best).trim(), line.slice(best + 1).trim()];
}
