import type { RowBreak } from './csv';
import { decodeUtf16le, textLayout, utf16leText } from './decode';

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
  const layout = textLayout(bytes);
  const { start } = layout;
  // Only the first piece starts the text: only it may drop a U+FEFF, as the whole decode does.
  if (layout.encoding === 'utf-16le') return cut(bytes, { start, unit: 2, pieceChars, decode: (piece, isFirst) => (isFirst ? decodeUtf16le : utf16leText)(piece) });
  if (layout.encoding !== 'utf-8') return null;
  const first = new TextDecoder('utf-8', { fatal: layout.strict });
  const rest = new TextDecoder('utf-8', { fatal: layout.strict, ignoreBOM: true });
  try {
    return cut(bytes, { start, unit: 1, pieceChars, decode: (piece, isFirst) => (isFirst ? first : rest).decode(piece) });
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
  o: { start: number; unit: 1 | 2; pieceChars: number; decode: (piece: Uint8Array, isFirst: boolean) => string },
): TextPieces | null {
  const { start, unit } = o;
  // A UTF-16 file's odd last byte is dropped, as decodeUtf16le drops it.
  const end = bytes.length - ((bytes.length - start) % unit);
  const step = o.pieceChars * unit;
  if (end - start <= 2 * step) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, end);
  const seq = BREAKS[unit];
  const rowBreak = firstBreak(buf, seq, start, unit);
  if (!rowBreak) return null;
  const pieces: string[] = [];
  for (let from = start; from < end; ) {
    const to = from + step >= end ? end : after(buf, seq[rowBreak], from + step, start, unit);
    pieces.push(o.decode(buf.subarray(from, to), from === start));
    from = to;
  }
  return { pieces, rowBreak };
}

/** The kind of the first CR or LF: CRLF when an LF follows the CR. */
function firstBreak(buf: Buffer, seq: Record<RowBreak, Buffer>, start: number, unit: number): RowBreak | null {
  const cr = aligned(buf, seq.cr, start, start, unit);
  const lf = aligned(buf, seq.lf, start, start, unit);
  if (cr < 0 && lf < 0) return null;
  if (cr < 0 || (lf >= 0 && lf < cr)) return 'lf';
  return lf === cr + unit ? 'crlf' : 'cr';
}

/** The byte offset just after the first `sequence` at or after `from` on a code unit boundary; the end if none. */
function after(buf: Buffer, sequence: Buffer, from: number, start: number, unit: number): number {
  const at = aligned(buf, sequence, from, start, unit);
  return at < 0 ? buf.length : at + sequence.length;
}

/** In UTF-8 every CR or LF byte is a character: multi-byte sequences use bytes of 0x80 and over only. */
function aligned(buf: Buffer, sequence: Buffer, from: number, start: number, unit: number): number {
  for (let at = buf.indexOf(sequence, from); at >= 0; at = buf.indexOf(sequence, at + 1)) {
    if ((at - start) % unit === 0) return at;
  }
  return -1;
}
