import { ParseError } from './types';

export interface CsvRow {
  /**
   * 1-based line number where the row ends in the decoded text (the same as where it starts unless a quoted
   * field spans lines). Each CR and each LF passed inside a row counts as a line; a CRLF row break counts once.
   */
  line: number;
  fields: string[];
  /** The row's span in the text, from its first character to its row break (exclusive): its exact source text. */
  start: number;
  end: number;
}

/**
 * No real export has a row this long (4698 events carry whole task XML, tens of KiB); the cap keeps a hostile
 * single-line file from costing minutes and gigabytes before it is refused. Counted in UTF-16 code units.
 */
const MAX_RECORD_CHARS = 1024 * 1024;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const QUOTE_CH = '"';

/** Row break of the file: found at the first CR/LF outside quotes ("\r\n" before "\r"), then fixed. */
const enum Rd {
  Unknown,
  CrLf,
  Lf,
  Cr,
}

export type RowBreak = 'crlf' | 'lf' | 'cr';
const RD_OF = { crlf: Rd.CrLf, lf: Rd.Lf, cr: Rd.Cr } as const;
const BREAK_OF = [null, 'crlf', 'lf', 'cr'] as const;

/**
 * How a text continues a file read before it (lib/ingest/text-pieces.ts): the text starts at a row start of the
 * file, with the file's row break already known and its leading U+FEFF (if any) field text, not a BOM. After the
 * read it holds the row break found and the CR/LF code units passed, as the whole file's read would count them.
 */
export interface CsvContinuation {
  rowBreak: RowBreak | null;
  isFileStart: boolean;
  breaks: number;
}

/**
 * Lenient CSV/TSV tokenizer for Windows exports (FORMATS.md §0.2): variable field counts, quotes that are
 * not escaped, CR/LF inside quoted fields. Rows are returned as raw field arrays; mapping by header name
 * is each parser's job.
 *
 * Hand-written because it is the floor of every CSV ingest: it replaces csv-parse (sync API with `info`,
 * `relax_quotes`, `relax_column_count`, `skip_empty_lines`, `bom`), which took a third of the Autoruns parse
 * CPU in `node --cpu-prof` (2026-11-22, 40 hosts: csv-parse 34 % of parse + normalize, this tokenizer 4 %;
 * csv-parse walks the UTF-8 bytes one at a time, copies each byte into a field buffer, and builds an info
 * object per row). This one scans UTF-16 code units with charCodeAt and slices whole runs of field text.
 * It keeps csv-parse's semantics for every input (checked differentially in csv.test.ts):
 * - lone surrogates become U+FFFD; a leading U+FEFF is dropped; empty rows (no field, not `""`) are skipped;
 * - the row break is whichever of CRLF, LF, CR comes first outside quotes; other CR/LF are field text;
 * - a quote opens a quoted field only as the field's first character, elsewhere it is text;
 * - inside quotes `""` is one quote; a quote followed by the delimiter, the row break or the end closes the
 *   field; any other quote is kept with the opening one (`"a"b` reads `"a"b`) and the field goes on unquoted;
 * - a quote that never closes, or a row over MAX_RECORD_CHARS, is a ParseError naming the line.
 */
export function readCsvRows(text: string, delimiter: ',' | '\t' | ';' = ',', continuation?: CsvContinuation): CsvRow[] {
  // csv-parse read the text as UTF-8, which turned lone surrogates (a UTF-16 file cut mid-character) into U+FFFD;
  // kept here, they would reach PostgreSQL as JSON it refuses ("\ud800").
  if (!text.isWellFormed()) text = text.toWellFormed();
  const D = delimiter.charCodeAt(0);
  const len = text.length;
  const rows: CsvRow[] = [];
  let rd: Rd = continuation?.rowBreak ? RD_OF[continuation.rowBreak] : Rd.Unknown;
  /** CR/LF code units passed so far (the second unit of a CRLF row break is not counted). */
  let breaks = 0;
  let record: string[] = [];
  let recordLen = 0;
  let pos = (continuation?.isFileStart ?? true) && len > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let rowStart = pos;
  /** Scan position inside the current field (shared with scanUnquoted). */
  let i = pos;
  /** Next delimiter, CR and LF at or after `i` (`len`: none), found once and reused until `i` passes them. */
  let nextDelim = -1;
  let nextCr = -1;
  let nextLf = -1;

  const fail = (reason: string, line: number): never => {
    throw new ParseError(`Malformed CSV at line ${line}: ${reason}`, line);
  };
  const tooLong = () => fail(`a row is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB (millions of columns or one endless line)`, breaks + 1);
  /** Length of the row break starting at i (0 if none); discovers the file's row break on first sight. */
  const breakAt = (i: number, c: number): number => {
    if (rd === Rd.Unknown) {
      if (c === CR) rd = text.charCodeAt(i + 1) === LF ? Rd.CrLf : Rd.Cr;
      else if (c === LF) rd = Rd.Lf;
      else return 0;
    }
    if (rd === Rd.CrLf) return c === CR && text.charCodeAt(i + 1) === LF ? 2 : 0;
    return (rd === Rd.Lf ? c === LF : c === CR) ? 1 : 0;
  };

  // One iteration per field. `pos` is at the field's first character.
  while (pos < len) {
    let field: string;
    let quoted = false;
    i = pos;
    if (text.charCodeAt(pos) === QUOTE) {
      // Quoted field: find its closing quote, counting line breaks inside it.
      quoted = true;
      let out = '';
      let start = pos + 1;
      i = start;
      for (;;) {
        const q = next(QUOTE_CH, i);
        breaks += countBreaks(i, q);
        i = q;
        if (recordLen + out.length + (i - start) > MAX_RECORD_CHARS) tooLong();
        if (i >= len) {
          const line = endLine();
          return fail(`Quote Not Closed: the parsing is finished with an opening quote at line ${line}`, line);
        }
        if (i + 1 < len && text.charCodeAt(i + 1) === QUOTE) {
          out += text.slice(start, i + 1);
          i += 2;
          start = i;
          if (recordLen + out.length > MAX_RECORD_CHARS) tooLong();
          continue;
        }
        out += text.slice(start, i);
        const n = i + 1;
        const nc = text.charCodeAt(n);
        if (n >= len || nc === D || breakAt(n, nc) > 0) {
          field = out;
          i = n;
          break;
        }
        // A stray quote inside quotes: keep it and the opening quote as text and read on as an unquoted field.
        i = n;
        field = `"${out}"${scanUnquoted()}`;
        break;
      }
    } else {
      field = scanUnquoted();
    }
    // `i` is now at the delimiter, a row break or the end.
    if (recordLen + field.length > MAX_RECORD_CHARS) tooLong();
    if (i >= len) {
      record.push(field);
      rows.push({ line: endLine(), fields: record, start: rowStart, end: len });
      return done();
    }
    const c = text.charCodeAt(i);
    if (c === D) {
      record.push(field);
      recordLen += field.length;
      pos = i + 1;
      if (pos >= len) {
        // A trailing delimiter at the very end still ends a (last, empty) field.
        record.push('');
        rows.push({ line: breaks + 1, fields: record, start: rowStart, end: len });
        return done();
      }
      continue;
    }
    // A row break.
    const bl = breakAt(i, c);
    if (record.length === 0 && field === '' && !quoted) {
      // Empty line: skipped.
    } else {
      record.push(field);
      rows.push({ line: breaks + 1, fields: record, start: rowStart, end: i });
      record = [];
      recordLen = 0;
    }
    breaks++;
    pos = i + bl;
    rowStart = pos;
  }
  return done();

  function done(): CsvRow[] {
    if (continuation) {
      continuation.rowBreak = BREAK_OF[rd];
      continuation.breaks = breaks;
    }
    return rows;
  }

  /** The line at the end of the text: a CR/LF as the very last code unit does not count yet (as in csv-parse). */
  function endLine(): number {
    const last = text.charCodeAt(len - 1);
    return breaks + 1 - (last === CR || last === LF ? 1 : 0);
  }

  /** Index of the next `ch` at or after `from`, or `len`. */
  function next(ch: string, from: number): number {
    const p = text.indexOf(ch, from);
    return p < 0 ? len : p;
  }

  /** Number of CR and LF code units in [from, to), each counted as a line; moves the cached positions past them. */
  function countBreaks(from: number, to: number): number {
    let n = 0;
    if (nextCr < from) nextCr = next('\r', from);
    while (nextCr < to) (n++, (nextCr = next('\r', nextCr + 1)));
    if (nextLf < from) nextLf = next('\n', from);
    while (nextLf < to) (n++, (nextLf = next('\n', nextLf + 1)));
    return n;
  }

  /**
   * Reads unquoted text from `i` to the next delimiter or row break; other CR/LF are text and count as lines. Jumps
   * between the delimiters, CRs and LFs indexOf finds (a native scan) instead of testing every code unit in JS.
   */
  function scanUnquoted(): string {
    const start = i;
    const breaksAtStart = breaks;
    for (;;) {
      if (nextDelim < i) nextDelim = next(delimiter, i);
      if (nextCr < i) nextCr = next('\r', i);
      if (nextLf < i) nextLf = next('\n', i);
      const b = nextCr < nextLf ? nextCr : nextLf;
      if (nextDelim <= b) {
        i = nextDelim;
        break;
      }
      if (breakAt(b, text.charCodeAt(b)) > 0) {
        i = b;
        break;
      }
      breaks++;
      i = b + 1;
    }
    if (i - start <= MAX_RECORD_CHARS) return text.slice(start, i);
    // Too long: scan again code unit by code unit so that the refusal names the line where the cap was passed.
    i = start;
    breaks = breaksAtStart;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === D) break;
      if (c === CR || c === LF) {
        if (breakAt(i, c) > 0) break;
        breaks++;
      }
      i++;
      if (i - start > MAX_RECORD_CHARS) tooLong();
    }
    return text.slice(start, i);
  }
}

/** Pick the separator that splits the header line into the most fields. */
export function guessDelimiter(headerLine: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 } as Record<',' | '\t' | ';', number>;
  for (const ch of headerLine) if (ch in counts) counts[ch as ',' | '\t' | ';']++;
  return (Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] as ',' | '\t' | ';');
}
