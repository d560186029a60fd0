import type { RowBreak } from './csv';
import { utf16leStart, utf16leText, utf8Start } from './decode';

/**
 * Characters per piece: under V8's large-object size (128 KB) even as a two-byte string. A larger string gets a
 * fresh large-object page of its own; on these machines decoding a 313 KB export whole and re-making it one-byte
 * cost 2-3.5 ms, against 0.1 ms in 64 KB pieces (node 20, 300 exports, 2026-11-23) — most of the Autoruns parse.
 */
export const PIECE_CHARS = 32 * 1024;

export interface TextPieces {
  /** The file's text in order, each piece ending with a line break (the last one: where the file ends). */
  pieces: string[];
  /** The break the pieces were cut after: the file's first line break. */
  rowBreak: RowBreak;
}

/**
 * A file's text, as decodeBytes decodes it, in pieces of about `pieceChars` characters cut after line breaks of
 * the kind the file's first one is. Only for UTF-16LE and UTF-8 (Autoruns' own output, and re-saves and
 * Velociraptor's CSV); null for other encodings, for a file that fits in one piece, without a line break, or
 * whose UTF-8 is invalid somewhere (decodeBytes then reads the whole file as a code page).
 * A cut may still fall inside a quoted field or after another kind of break than the CSV's row break: the reader
 * of the pieces (lib/ingest/autoruns.ts) checks that, and reads the file whole when it finds either.
 */
export function textPieces(bytes: Uint8Array, pieceChars = PIECE_CHARS): TextPieces | null {
  const utf16 = utf16leStart(bytes);
  if (utf16 !== null) return cut(bytes, { base: utf16, unit: 2, pieceChars, decode: utf16leText });
  const utf8 = utf8Start(bytes);
  if (utf8 === null) return null;
  // With a BOM decodeBytes decodes leniently; without, strictly. Only the first piece may drop a U+FEFF.
  const first = new TextDecoder('utf-8', { fatal: utf8 === 0 });
  const rest = new TextDecoder('utf-8', { fatal: utf8 === 0, ignoreBOM: true });
  try {
    return cut(bytes, { base: utf8, unit: 1, pieceChars, decode: (piece, isFirst) => (isFirst ? first : rest).decode(piece) });
  } catch (err) {
    if (err instanceof TypeError) return null; // invalid UTF-8: decodeBytes falls back to a code page for the whole file
    throw err;
  }
}

const BREAKS: Record<1 | 2, Record<RowBreak, Buffer>> = {
  1: { crlf: Buffer.from('\r\n'), lf: Buffer.from('\n'), cr: Buffer.from('\r') },
  2: { crlf: Buffer.from('\r\n', 'utf16le'), lf: Buffer.from('\n', 'utf16le'), cr: Buffer.from('\r', 'utf16le') },
};

function cut(
  bytes: Uint8Array,
  o: { base: number; unit: 1 | 2; pieceChars: number; decode: (piece: Uint8Array, isFirst: boolean) => string },
): TextPieces | null {
  const { base, unit } = o;
  const end = base + (bytes.length - base) - ((bytes.length - base) % unit);
  const step = o.pieceChars * unit;
  if (end - base <= 2 * step) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, end);
  const seq = BREAKS[unit];
  const rowBreak = firstBreak(buf, seq, base, unit);
  if (!rowBreak) return null;
  const pieces: string[] = [];
  for (let from = base; from < end; ) {
    const to = from + step >= end ? end : after(buf, seq[rowBreak], from + step, base, unit);
    pieces.push(o.decode(buf.subarray(from, to), from === base));
    from = to;
  }
  // decodeUtf16le drops one U+FEFF at the start of the text (after the BOM, if any); TextDecoder drops it itself.
  if (unit === 2 && pieces[0]!.charCodeAt(0) === 0xfeff) pieces[0] = pieces[0]!.slice(1);
  return { pieces, rowBreak };
}

/** The kind of the first CR or LF: CRLF when an LF follows the CR. */
function firstBreak(buf: Buffer, seq: Record<RowBreak, Buffer>, base: number, unit: number): RowBreak | null {
  const cr = aligned(buf, seq.cr, base, base, unit);
  const lf = aligned(buf, seq.lf, base, base, unit);
  if (cr < 0 && lf < 0) return null;
  if (cr < 0 || (lf >= 0 && lf < cr)) return 'lf';
  return lf === cr + unit ? 'crlf' : 'cr';
}

/** The byte offset just after the first `sequence` at or after `from` on a code unit boundary; the end if none. */
function after(buf: Buffer, sequence: Buffer, from: number, base: number, unit: number): number {
  const at = aligned(buf, sequence, from, base, unit);
  return at < 0 ? buf.length : at + sequence.length;
}

/** In UTF-8 every CR or LF byte is a character: multi-byte sequences use bytes of 0x80 and over only. */
function aligned(buf: Buffer, sequence: Buffer, from: number, base: number, unit: number): number {
  for (let at = buf.indexOf(sequence, from); at >= 0; at = buf.indexOf(sequence, at + 1)) {
    if ((at - base) % unit === 0) return at;
  }
  return -1;
}
