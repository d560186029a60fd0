import { columnOf, headerConfidence, type AutorunsColumn } from './autoruns-columns';
import { cachedAutorunsTime, inferDayOrder } from './autoruns-time';
import { guessDelimiter, readCsvRows, type CsvContinuation, type CsvRow } from './csv';
import { decodeBytes } from './decode';
import { ParseError, ROW_SOURCE, type JobRecord, type ParseResult, type ParseWarning, type Parser } from './types';
import { textPieces, type TextPieces } from './text-pieces';

/** Banners, `#TYPE` lines and blank lines before the header are skipped; give up after this many lines. */
const HEADER_SEARCH_LINES = 50;

interface HeaderHit {
  /** 0-based index of the header line, its character offset in the text, and where its line break ends. */
  lineIndex: number;
  offset: number;
  end: number;
  /** The header line's break ('' at the end of the text): the file's row break. */
  lineBreak: string;
  fields: string[];
  delimiter: ',' | '\t' | ';';
  /** Excel re-saves quote each whole line as one field (FORMATS.md §0.2); data rows then need unwrapping too. */
  wholeLine: boolean;
  confidence: number;
}

/** Real headers are under 1 KiB; tokenizing a multi-megabyte "header" (millions of columns) only costs seconds. */
const MAX_HEADER_CHARS = 64 * 1024;

function tokenizeLine(line: string, delimiter: ',' | '\t' | ';'): string[] {
  if (line.length > MAX_HEADER_CHARS) return [];
  try {
    return readCsvRows(line, delimiter)[0]?.fields ?? [];
  } catch {
    // Banner lines are prose; an unbalanced quote there must not abort the header search.
    return [];
  }
}

function findHeader(text: string): HeaderHit | null {
  const lineRe = /[^\r\n]*(\r\n|\n|\r|$)/g;
  let offset = 0;
  for (let i = 0; i < HEADER_SEARCH_LINES && offset < text.length; i++) {
    lineRe.lastIndex = offset;
    const m = lineRe.exec(text);
    if (!m || m[0].length === 0) break;
    const line = m[0].replace(/[\r\n]+$/, '').replace(/^\uFEFF/, '');
    const outer = guessDelimiter(line);
    let fields = tokenizeLine(line, outer);
    let wholeLine = false;
    let delimiter = outer;
    if (fields.length === 1 && line.trimStart().startsWith('"')) {
      delimiter = guessDelimiter(fields[0]);
      fields = tokenizeLine(fields[0], delimiter);
      wholeLine = true;
    }
    const confidence = headerConfidence(fields);
    if (confidence > 0) return { lineIndex: i, offset, end: offset + m[0].length, lineBreak: m[1], fields, delimiter: wholeLine ? outer : delimiter, wholeLine, confidence };
    offset += m[0].length;
  }
  return null;
}

/** Column keys per header index after repairing headers that name columns the rows do not carry. */
function effectiveColumns(
  header: string[],
  rows: string[][],
  warnings: ParseWarning[],
): { names: string[]; columns: (AutorunsColumn | null)[] } {
  let names = [...header];
  const entryIdx = names.findIndex((h) => columnOf(h) === 'entry');
  const entryRows = rows.filter((r) => (r[entryIdx] ?? '').trim() !== '');
  const counts = new Map<number, number>();
  for (const r of entryRows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  const modal = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? names.length;
  // Hand-edited exports (autorunsGL) declare Signer and PSComputerName but rows carry neither; mapping by
  // position would shift Company into Signer and every later column by one.
  const drop = (col: AutorunsColumn, why: string) => {
    const i = names.findIndex((h) => columnOf(h) === col);
    if (i < 0) return;
    warnings.push({ message: `header column "${names[i]}" ${why}; ignoring it` });
    names = names.filter((_, k) => k !== i);
  };
  if (modal < names.length) drop('psComputerName', `is not present in entry rows (${modal} fields vs ${names.length})`);
  if (modal < names.length) {
    const si = names.findIndex((h) => columnOf(h) === 'signer');
    const looksSigner = (v: string) => v === '' || /^\((not )?verified\)/i.test(v);
    if (si >= 0 && entryRows.filter((r) => r.length === modal && !looksSigner(r[si] ?? '')).length > entryRows.length / 2) {
      drop('signer', `holds no signer values (${modal} fields vs ${names.length})`);
    }
  }
  return { names, columns: names.map(columnOf) };
}

function splitSigner(v: string): { signer: string | null; verified: boolean | null } {
  const m = /^\((verified|not verified)\)\s*(.*)$/i.exec(v.trim());
  if (m) return { signer: m[2] || null, verified: m[1].toLowerCase() === 'verified' };
  return { signer: v.trim() || null, verified: null };
}

const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

/** Positions of the columns toRecord reads (-1: not in this file), looked up once per file. */
type ColumnPositions = Record<(typeof RECORD_COLUMNS)[number], number>;
const RECORD_COLUMNS = [
  'time', 'entryLocation', 'entry', 'enabled', 'category', 'profile', 'description', 'signer', 'company', 'publisher',
  'imagePath', 'launchString', 'md5', 'sha1', 'sha256', 'psComputerName',
] as const satisfies readonly AutorunsColumn[];

/** A column's cell: undefined when the file has no such column, '' when this row is short. */
const cell = (fields: string[], i: number) => (i < 0 ? undefined : (fields[i] ?? ''));

function toRecord(fields: string[], at: ColumnPositions, raw: Record<string, string>, line: number, time: string | null): JobRecord {
  // No local closure for the lookups: tsx (the CLI, the bench) compiles with esbuild's keepNames, which names a
  // closure with a defineProperty call each time it is made, once per row (~0.2 s per 1,000 hosts).
  const entryLocation = (cell(fields, at.entryLocation) ?? '').trim();
  const category = (cell(fields, at.category) ?? '').trim();
  const isTask = category.toLowerCase() === 'tasks' || entryLocation.toLowerCase() === 'task scheduler';
  let name = cell(fields, at.entry) ?? '';
  if (isTask && !name.startsWith('\\')) name = `\\${name}`;
  // A Run value, a service or a Winlogon value of the same name are different persistence points: the
  // location (registry key, folder) is part of what the entry is, as it is in Autoruns' own tree.
  else if (!isTask && entryLocation && name) name = `${entryLocation.replace(/\\+$/, '')}\\${name}`;
  let imagePath = orNull(cell(fields, at.imagePath));
  let fileNotFound = false;
  if (imagePath && /^file not found:\s*/i.test(imagePath)) {
    fileNotFound = true;
    imagePath = orNull(imagePath.replace(/^file not found:\s*/i, ''));
  }
  let signer: string | null = null;
  let verified: boolean | null = null;
  let company = orNull(cell(fields, at.company));
  if (cell(fields, at.signer) !== undefined) ({ signer, verified } = splitSigner(cell(fields, at.signer) ?? ''));
  const publisher = orNull(cell(fields, at.publisher));
  if (publisher) {
    // Old builds put "(Verified) X" in Publisher; without the prefix it is the version-info company.
    const s = splitSigner(publisher);
    if (s.verified !== null && !signer) ({ signer, verified } = s);
    else if (s.verified === null && !company) company = publisher;
  }
  const enabledRaw = (cell(fields, at.enabled) ?? '').trim().toLowerCase();
  const profile = orNull(cell(fields, at.profile));
  return {
    family: isTask ? 'windows_task' : 'windows_autorun',
    kind: category || null,
    name,
    command: (cell(fields, at.launchString) ?? '').trim(),
    imagePath,
    enabled: enabledRaw === 'enabled' ? true : enabledRaw === 'disabled' ? false : null,
    // Task rows say System-wide even for per-user tasks; only registry-style rows name a real profile.
    runAs: !isTask && profile && profile.toLowerCase() !== 'system-wide' ? profile : null,
    signer,
    verified,
    md5: orNull(cell(fields, at.md5)),
    sha1: orNull(cell(fields, at.sha1)),
    sha256: orNull(cell(fields, at.sha256)),
    description: orNull(cell(fields, at.description)),
    company,
    fileNotFound,
    registeredAt: time,
    host: orNull(cell(fields, at.psComputerName)),
    line,
    raw,
  };
}

/**
 * The row repeats the header when its fields joined by NUL equal the header's. Most rows differ in total length, which
 * is summed without building the joined string; only rows of the same length are joined and compared.
 */
function isRepeatedHeader(fields: string[], header: string[], headerKey: string): boolean {
  if (fields.length !== header.length) return false;
  let len = fields.length - 1;
  for (const f of fields) len += f.length;
  return len === headerKey.length && fields.join('\u0000') === headerKey;
}

/** Rows read from one text, the lines passed before it, and the text their spans are in. */
interface RowsOf {
  text: string;
  rows: CsvRow[];
  linesBefore: number;
}

function parseText(text: string): ParseResult {
  const hit = findHeader(text);
  if (!hit) throw new ParseError(`Autoruns: no Autoruns header found in the first ${HEADER_SEARCH_LINES} lines`);
  const body = text.slice(hit.offset);
  return parseRows(hit, [{ text: body, rows: readCsvRows(body, hit.delimiter).slice(1), linesBefore: 0 }]);
}

/**
 * The same result as parseText of the whole text, read piece by piece; null when that cannot be told from the
 * pieces. A piece read on its own, from a row start and with the file's row break, gives the rows the whole read
 * gives there; the CSV reader holds nothing else across rows. The first piece must hold the header line and its
 * break whole. A cut inside a quoted field leaves that field open at the end of its piece, which the reader
 * refuses; and a cut after another break than the row break shows as a different row break in the first piece.
 */
export function parsePieces({ pieces, rowBreak }: TextPieces): ParseResult | null {
  const hit = findHeader(pieces[0]!);
  if (!hit || hit.end >= pieces[0]!.length) return null;
  const body = pieces[0]!.slice(hit.offset);
  const state: CsvContinuation = { rowBreak: null, isFileStart: true, breaks: 0 };
  const parts: RowsOf[] = [];
  try {
    parts.push({ text: body, rows: readCsvRows(body, hit.delimiter, state).slice(1), linesBefore: 0 });
    if (state.rowBreak !== rowBreak) return null;
    let linesBefore = 0;
    for (let k = 1; k < pieces.length; k++) {
      linesBefore += state.breaks;
      state.isFileStart = false;
      parts.push({ text: pieces[k]!, rows: readCsvRows(pieces[k]!, hit.delimiter, state), linesBefore });
    }
  } catch (err) {
    if (err instanceof ParseError) return null;
    throw err;
  }
  return parseRows(hit, parts);
}

function parseRows(hit: HeaderHit, parts: RowsOf[]): ParseResult {
  const warnings: ParseWarning[] = [];
  const outerRows: CsvRow[] = [];
  /** The text each row's span is in, by row. */
  const sources: string[] = [];
  for (const { text, rows, linesBefore } of parts) {
    for (const r of rows) {
      r.line += linesBefore;
      outerRows.push(r);
      sources.push(text);
    }
  }
  const innerDelimiter = hit.wholeLine ? guessDelimiter(hit.fields.join(',')) : hit.delimiter;
  // The tokenizer's rows are this function's own: lines are shifted in place rather than copied row by row.
  const rows = hit.wholeLine
    ? outerRows.map((r) => {
        const line = r.line + hit.lineIndex;
        if (r.fields.length !== 1) return { ...r, line };
        return { ...r, line, fields: tokenizeLine(r.fields[0], innerDelimiter) };
      })
    : outerRows;
  if (!hit.wholeLine) for (const r of rows) r.line += hit.lineIndex;
  const { names, columns } = effectiveColumns(hit.fields, rows.map((r) => r.fields), warnings);
  const colIndex = new Map<AutorunsColumn, number>();
  columns.forEach((c, i) => c && !colIndex.has(c) && colIndex.set(c, i));
  const at = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, colIndex.get(c) ?? -1])) as ColumnPositions;
  const order = inferDayOrder(at.time < 0 ? [] : rows.map((r) => r.fields[at.time] ?? ''));
  const records: JobRecord[] = [];
  const header = hit.fields;
  const headerKey = header.join('\u0000');
  // Everything besides a row's own text that goes into its record's identity and variant fields (the Time column's
  // day order goes only into registeredAt). The row break decides how the tokenizer splits a row's text.
  const layout = JSON.stringify([hit.delimiter, hit.wholeLine, innerDelimiter, hit.lineBreak, names]);
  for (let k = 0; k < rows.length; k++) {
    const { line, fields, start, end } = rows[k]!;
    if (isRepeatedHeader(fields, header, headerKey)) continue; // concatenated exports
    // Location (group) rows have an empty Entry: they mark a registry key / folder, not an autostart item.
    if ((cell(fields, at.entry) ?? '').trim() === '') continue;
    const raw: Record<string, string> = {};
    for (let i = 0; i < names.length; i++) raw[names[i]] = fields[i] ?? '';
    for (let i = names.length; i < fields.length; i++) raw[`_extra${i - names.length + 1}`] = fields[i];
    const timeRaw = cell(fields, at.time) ?? '';
    const time = cachedAutorunsTime(timeRaw, order);
    if (timeRaw.trim() && !time) warnings.push({ line, message: `unparsed Time "${timeRaw}"` });
    const rec = toRecord(fields, at, raw, line, time);
    rec[ROW_SOURCE] = { layout, text: sources[k]!.slice(start, end) };
    records.push(rec);
  }
  const hosts = new Set(records.map((r) => r.host).filter((h): h is string => !!h));
  const host = hosts.size === 1 && records.every((r) => r.host) ? [...hosts][0] : null;
  return { format: 'autoruns', records, warnings, host, collectedAt: null, os: 'windows' };
}

/**
 * UTF-16LE and UTF-8 exports are decoded and read in pieces when they can be (see parsePieces and
 * lib/ingest/text-pieces.ts), else whole. A file whose pieces cannot be read apart is read twice: at most twice
 * the work, and no real export seen so far is one (text-pieces.test.ts).
 */
export function parseAutorunsBytes(bytes: Uint8Array, pieceChars?: number): ParseResult {
  const split = textPieces(bytes, pieceChars);
  return (split && parsePieces(split)) ?? parseText(decodeBytes(bytes).text);
}

export const autorunsParser: Parser = {
  format: 'autoruns',
  maxConfidence: 0.95,
  sniff(text: string): number {
    return findHeader(text)?.confidence ?? 0;
  },
  parse(bytes: Uint8Array): ParseResult {
    return parseAutorunsBytes(bytes);
  },
};
