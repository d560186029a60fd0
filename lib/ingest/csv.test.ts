import { CsvError, parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from './csv';
import { ParseError } from './types';

// readCsvRows replaced csv-parse for speed; csv-parse with the options it was called with is kept here as the
// oracle: rows, fields and line numbers must match on any input, and so must the inputs that are refused.

type Delim = ',' | '\t' | ';';

function oracle(text: string, delimiter: Delim): { rows: { line: number; fields: string[] }[] } | { error: number | null } {
  try {
    const out = parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
      quote: '"',
      max_record_size: 1024 * 1024,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return { rows: out.map((r) => ({ line: r.info.lines, fields: r.record })) };
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const lines = (e as unknown as { lines?: number }).lines;
    return { error: typeof lines === 'number' ? lines : null };
  }
}

function ours(text: string, delimiter: Delim): { rows: { line: number; fields: string[] }[] } | { error: number | null } {
  try {
    return { rows: readCsvRows(text, delimiter).map(({ line, fields }) => ({ line, fields })) };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return { error: e.line ?? null };
  }
}

/** Text made of the characters the tokenizer decides on, plus a few ordinary and non-ASCII ones. */
const csvText = fc
  .array(fc.constantFrom('a', 'b', ' ', ',', '\t', ';', '"', '""', '\r', '\n', '\r\n', 'é', '\uFEFF', '😀', '\ud800', '\udc00'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('readCsvRows (differential against csv-parse)', () => {
  it('gives the same rows, fields and lines, and refuses the same inputs', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom<Delim>(',', '\t', ';'), (text, delimiter) => {
        expect(ours(text, delimiter)).toEqual(oracle(text, delimiter));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['plain CRLF rows', 'a,b\r\nc,d\r\n'],
    ['BOM, blank lines and a missing final break', '\uFEFFa,b\r\n\r\n\r\nc,d'],
    ['embedded CRLF in quotes moves the line on twice', '"x\r\ny",b\r\nc,d\r\n'],
    ['Excel whole-line quoting', '"Time,Entry Location,Entry"\r\n"2024-01-01,""HKLM\\Run"",A"\r\n'],
    ['unescaped quotes inside a field', 'a,say "hi" there,c\r\n"x"y,z\r\n'],
    ['a quote before a lone LF when rows break on CRLF', '"a"\nb,c\r\nd\r\n'],
    ['LF rows, a CR is text', 'a\rb,c\nd\n'],
    ['empty quoted line is a row', 'a\r\n""\r\nb\r\n'],
    ['trailing delimiter', 'a,b,'],
    ['TSV', 'a\tb "c"\t"d\te"\r\n'],
  ])('%s', (_name, text) => {
    expect(ours(text, text.includes('\t') && !text.includes(',') ? '\t' : ',')).toEqual(oracle(text, text.includes('\t') && !text.includes(',') ? '\t' : ','));
  });

  it('refuses a quote that never closes with the line it ended on', () => {
    // csv-parse's count: a CRLF inside quotes is two lines, a line break as the last character not yet one.
    expect(() => readCsvRows('a,b\r\n"c,d\r\ne\r\n')).toThrow(/^Malformed CSV at line 5: Quote Not Closed/);
    expect(oracle('a,b\r\n"c,d\r\ne\r\n', ',')).toEqual({ error: 5 });
  });

  it('refuses a row over 1 MiB (csv-parse counted UTF-8 bytes, this counts UTF-16 code units)', () => {
    expect(() => readCsvRows(`a,${'x'.repeat(1024 * 1024 + 10)}\r\n`)).toThrow(/longer than 1 MiB/);
    expect(() => readCsvRows(`a,"${'x'.repeat(1024 * 1024 + 10)}"\r\n`)).toThrow(/longer than 1 MiB/);
    expect(() => readCsvRows(`a${',xy'.repeat(600_000)}\r\n`)).toThrow(/longer than 1 MiB/);
    expect(readCsvRows(`a,${'é'.repeat(700_000)}\r\n`)[0].fields[1]).toHaveLength(700_000);
  });
});

// The ingest caches keys per row source text (lib/ingest/record-keys.ts): a row's span must hold all of its
// fields' text, and the same span text under the same delimiter and row break must give the same fields.
describe('readCsvRows row spans', () => {
  it('cover each row in order, with only row breaks (and a leading BOM) between them', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom<Delim>(',', '\t', ';'), (text, delimiter) => {
        let rows;
        try {
          rows = readCsvRows(text, delimiter);
        } catch {
          return;
        }
        const gap = (from: number, to: number) => text.slice(from, to).replace(from === 0 ? /^\uFEFF/ : /^/, '');
        let prev = 0;
        for (const r of rows) {
          expect(r.start).toBeGreaterThanOrEqual(prev);
          expect(r.end).toBeGreaterThanOrEqual(r.start);
          expect(gap(prev, r.start)).toMatch(/^[\r\n]*$/);
          const span = text.slice(r.start, r.end).toWellFormed().replaceAll('"', '');
          for (const f of r.fields) expect(span).toContain(f.replaceAll('"', ''));
          prev = r.end;
        }
        expect(gap(prev, text.length)).toMatch(/^[\r\n]*$/);
      }),
      { numRuns: 5_000 },
    );
  });

  it('the same span text gives the same fields', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom<Delim>(',', '\t', ';'), (text, delimiter) => {
        let rows;
        try {
          rows = readCsvRows(`${text}\r\n${text}\r\n`, delimiter);
        } catch {
          return;
        }
        const fieldsOf = new Map<string, string[]>();
        const doubled = `${text}\r\n${text}\r\n`;
        for (const r of rows) {
          const span = doubled.slice(r.start, r.end);
          const seen = fieldsOf.get(span);
          if (seen) expect(r.fields).toEqual(seen);
          else fieldsOf.set(span, r.fields);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('spans of CRLF rows, a quoted line break, a blank line and a last row without a break', () => {
    const text = '\uFEFFa,"b\r\nc"\r\n\r\nd,e,\r\nf';
    expect(readCsvRows(text).map((r) => text.slice(r.start, r.end))).toEqual(['a,"b\r\nc"', 'd,e,', 'f']);
  });
});
