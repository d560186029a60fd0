import { utf16Bom } from './decode';
import { ParseError, type FormatId, type ParseResult } from './types';

/**
 * Formats read line by line. No scheduler takes a job line anywhere near this long (Windows caps a command line at
 * 32,767 characters), so a longer line is junk or an attack; refusing it before decoding keeps a 100 MB single-line
 * file from costing minutes and gigabytes. JSON and XML formats legitimately put whole documents on one line.
 */
const LINE_FORMATS: ReadonlySet<FormatId> = new Set(['cron', 'at', 'systemd', 'schtasks']);
/** In bytes, so UTF-16 (two bytes per character) gets the same allowance in characters halved. */
export const MAX_LINE_BYTES = 128 * 1024;

/** Refuse a line-based export holding a line longer than MAX_LINE_BYTES, naming the line. */
export function assertLineLengths(bytes: Uint8Array, format: FormatId): void {
  if (!LINE_FORMATS.has(format) || bytes.length <= MAX_LINE_BYTES) return;
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    if (stop - start > MAX_LINE_BYTES) {
      throw new ParseError(`line ${line} is ${stop - start} bytes long; lines over ${MAX_LINE_BYTES / 1024} KiB are refused (no scheduler accepts one)`, line);
    }
    start = stop + 1;
  }
}

/**
 * False only when no decoding of these bytes can yield U+0000: there is no zero byte at all, or the file is UTF-16
 * by its BOM and no code unit is zero. Lets replaceNuls skip walking every record of the nearly all files that hold
 * no NUL (a native search instead of 7 % of an ingest's CPU).
 */
export function mayHoldNul(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) === -1) return false;
  if (!utf16Bom(bytes)) return true;
  // Code units are read in place when aligned (a copy otherwise); a zero unit reads as zero in either byte order.
  const even = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
  return new Uint16Array(even.buffer, even.byteOffset, even.length >> 1).indexOf(0) !== -1;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000, so a NUL that made it through decoding (past the binary sniff's
 * first 4 KiB, or inside UTF-16 text) would fail the whole snapshot's transaction with an internal error. Such
 * characters are replaced with U+FFFD in every string of the result, and a warning says how many.
 */
export function replaceNuls(result: ParseResult): ParseResult {
  if (!hasNul(result.records) && !hasNul(result.events) && !hasNul(result.host)) return result;
  let count = 0;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!value.includes('\0')) return value;
      return value.replace(/\0/g, () => (count++, '\uFFFD'));
    }
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k) as string, clean(v)]));
    return value;
  };
  const records = result.records.map((r) => clean(r) as typeof r);
  const events = result.events?.map((e) => clean(e) as typeof e);
  if (count === 0) return result;
  return {
    ...result,
    host: clean(result.host) as string | null | undefined,
    records,
    events,
    warnings: [...result.warnings, { message: `${count} NUL character(s) replaced with U+FFFD (not storable as text)` }],
  };
}

/** An allocation-free look first: nearly every file has no NUL, and rebuilding every record would cost. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const v of value) if (hasNul(v)) return true;
    return false;
  }
  // for...in rather than Object.entries: no pair arrays per key (this walk was 7 % of a first ingest's CPU).
  for (const k in value) if (k.includes('\0') || hasNul((value as Record<string, unknown>)[k])) return true;
  return false;
}
