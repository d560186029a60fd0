import { guessDelimiter, readCsvRows } from './csv';
import { decodeBytes } from './decode';
import { firstNonBlankLine } from './first-line';
import { EventCollector } from './task-events-common';
import { detectProducer, PRODUCERS, type Producer, type Row } from './task-events-producers';
import { ParseError, type ParseContext, type ParseResult, type ParseWarning, type Parser } from './types';

/**
 * Task Scheduler / Security task events exported as text (FORMATS.md §7): EvtxECmd CSV or JSON lines, hayabusa
 * CSV or JSONL, and `Get-WinEvent | Export-Csv`. EVTX binaries are out of scope. Output is `events` only.
 */

/** PowerShell 5.1 Export-Csv writes `#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord` before the header. */
const TYPE_LINE = /^#TYPE [^\r\n]*/;

function stripPreamble(text: string): string {
  // Keep the line break so CSV line numbers still match the file.
  return text.replace(/^\uFEFF/, '').replace(TYPE_LINE, '');
}

function headerFields(line: string): string[] {
  const delim = guessDelimiter(line);
  return line.split(delim).map((f) => f.trim().replace(/^"|"$/g, ''));
}

function sniff(text: string): number {
  const t = stripPreamble(text).trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    const head = t.slice(0, 20000);
    const keys = [...head.matchAll(/"([A-Za-z0-9_]+)"\s*:/g)].map((m) => m[1]);
    return detectProducer(keys) ? 0.9 : 0;
  }
  const producer = detectProducer(headerFields(firstNonBlankLine(t)));
  if (producer === 'evtxecmd') return 0.95;
  return producer ? 0.9 : 0;
}

/** JSON arrays or JSON lines; bad lines become warnings with their line number. */
function readJsonRows(text: string, warnings: ParseWarning[]): { row: Row; line: number; raw: string }[] {
  try {
    const doc: unknown = JSON.parse(text);
    const list = Array.isArray(doc) ? doc : [doc];
    return list.filter(isRow).map((row, i) => ({ row, line: i + 1, raw: JSON.stringify(row) }));
  } catch {
    // JSON lines.
  }
  const rows: { row: Row; line: number; raw: string }[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      const v: unknown = JSON.parse(l);
      if (isRow(v)) rows.push({ row: v, line: i + 1, raw: l.trim() });
      else warnings.push({ line: i + 1, message: 'JSON line is not an object; skipped' });
    } catch (e) {
      warnings.push({ line: i + 1, message: `Invalid JSON line skipped: ${(e as Error).message}` });
    }
  });
  return rows;
}

function isRow(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(text: string, warnings: ParseWarning[]): ParseResult {
  const rows = readJsonRows(text, warnings);
  const collector = new EventCollector();
  let producer: Producer | null = null;
  for (const { row, line, raw } of rows) {
    const p = detectProducer(Object.keys(row));
    if (!p) {
      warnings.push({ line, message: 'JSON object is not an EvtxECmd or hayabusa event; skipped' });
      continue;
    }
    producer ??= p;
    const spec = PRODUCERS[p];
    collector.add(spec.map(row, line, raw), spec.toIso);
  }
  if (!producer) throw new ParseError('No EvtxECmd or hayabusa event objects found in this JSON file');
  return collector.finish(PRODUCERS[producer].label, warnings);
}

function parseCsv(text: string, warnings: ParseWarning[]): ParseResult {
  const headerLine = firstNonBlankLine(text);
  const delimiter = guessDelimiter(headerLine);
  const rows = readCsvRows(text, delimiter);
  if (rows.length === 0) throw new ParseError('Empty file: no header row');
  const header = rows[0].fields.map((h) => h.trim());
  const producer = detectProducer(header);
  if (!producer) {
    throw new ParseError('Not a recognised event export: expected EvtxECmd, hayabusa or Get-WinEvent CSV columns', rows[0].line);
  }
  const spec = PRODUCERS[producer];
  const collector = new EventCollector();
  for (const { fields, line } of rows.slice(1)) {
    // Concatenated exports repeat the header.
    if (fields[0]?.trim() === header[0] && fields[1]?.trim() === header[1]) continue;
    const raw: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) raw[h] = fields[i] ?? '';
    });
    collector.add(spec.map(raw, line, raw), spec.toIso);
  }
  const extra: ParseWarning[] = [];
  if (producer === 'winevent') {
    extra.push({ message: 'Get-WinEvent TimeCreated is the exporting machine\'s local time without an offset; stored as if UTC' });
  }
  return collector.finish(spec.label, [...warnings, ...extra]);
}

function parse(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  void ctx;
  const text = stripPreamble(decodeBytes(bytes).text);
  const warnings: ParseWarning[] = [];
  if (text.trim() === '') throw new ParseError('Empty file: no events');
  const start = text.trimStart()[0];
  return start === '{' || start === '[' ? parseJson(text, warnings) : parseCsv(text, warnings);
}

export const taskEventsParser: Parser = { format: 'task_events', sniff, maxConfidence: 0.95, parse };
