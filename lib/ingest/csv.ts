import { CsvError, parse } from 'csv-parse/sync';
import { ParseError } from './types';

export interface CsvRow {
  /** 1-based line number where the row starts in the decoded text. */
  line: number;
  fields: string[];
}

/**
 * Lenient CSV/TSV tokenizer for Windows exports (FORMATS.md §0.2): variable field counts, quotes that are
 * not escaped, CR/LF inside quoted fields. Rows are returned as raw field arrays; mapping by header name
 * is each parser's job.
 */
export function readCsvRows(text: string, delimiter: ',' | '\t' | ';' = ','): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, delimiter);
  } catch (err) {
    // csv-parse errors (a quote never closed, a record over the size cap) are the file's fault: refuse it cleanly.
    if (!(err instanceof CsvError)) throw err;
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as unknown as { lines: number }).lines : null;
    const reason = err.code === 'CSV_MAX_RECORD_SIZE' ? `a row is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB (millions of columns or one endless line)` : err.message;
    throw new ParseError(`Malformed CSV${line ? ` at line ${line}` : ''}: ${reason}`, line);
  }
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
}

/**
 * No real export has a row this long (4698 events carry whole task XML, tens of KiB); the cap keeps a hostile
 * single-line file from costing minutes and gigabytes before it is refused.
 */
const MAX_RECORD_CHARS = 1024 * 1024;

function parseCsv(text: string, delimiter: ',' | '\t' | ';') {
  return parse(text, {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
    quote: '"',
    max_record_size: MAX_RECORD_CHARS,
  }) as unknown as { record: string[]; info: { lines: number } }[];
}

/** Pick the separator that splits the header line into the most fields. */
export function guessDelimiter(headerLine: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 } as Record<',' | '\t' | ';', number>;
  for (const ch of headerLine) if (ch in counts) counts[ch as ',' | '\t' | ';']++;
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] as ',' | '\t' | ';');
}
