import { parse } from 'csv-parse/sync';

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
  const records = parse(text, {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
    quote: '"',
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }));
}

/** Pick the separator that splits the header line into the most fields. */
export function guessDelimiter(headerLine: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 } as Record<',' | '\t' | ';', number>;
  for (const ch of headerLine) if (ch in counts) counts[ch as ',' | '\t' | ';']++;
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] as ',' | '\t' | ';');
}
