import type { RowBreak } from './csv';
import { utf16leStart, utf16leText } from './decode';

/**
 * Characters per piece: under V8's large-object size (128 KB) even as a two-byte string. A larger string gets a
 * fresh large-object page of its own; on these machines decoding a 313 KB export whole and re-making it one-byte
 * cost 2-3.5 ms, against 0.1 ms in 64 KB pieces (node 20, 300 exports, 2026-11-23) — most of the Autoruns parse.
 */
export const PIECE_CHARS = 32 * 1024;

export interface Utf16Pieces {
  /** The file's text in order, each piece ending with a row break (the last one: where the file ends). */
  pieces: string[];
  /** The break the pieces were cut after: the file's first line break. */
  rowBreak: RowBreak;
}

const SEQUENCE: Record<RowBreak, Buffer> = {
  crlf: Buffer.from('\r\n', 'utf16le'),
  lf: Buffer.from('\n', 'utf16le'),
  cr: Buffer.from('\r', 'utf16le'),
};

/**
 * A UTF-16LE file's text (as decodeBytes decodes it) in pieces of about `pieceChars`, cut after line breaks of
 * the kind the file's first one is; null when the file is not UTF-16LE, fits in one piece or has no line break.
 * A cut may still fall inside a quoted field or be another kind of break than the CSV's row break: the reader
 * of the pieces (lib/ingest/autoruns.ts) checks that, and reads the file whole when it finds either.
 */
export function utf16lePieces(bytes: Uint8Array, pieceChars = PIECE_CHARS): Utf16Pieces | null {
  const base = utf16leStart(bytes);
  if (base === null) return null;
  const end = base + ((bytes.length - base) & ~1);
  if (end - base <= 2 * pieceChars) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, end);
  const rowBreak = firstBreak(buf, base);
  if (!rowBreak) return null;
  const sequence = SEQUENCE[rowBreak];
  const pieces: string[] = [];
  for (let from = base; from < end; ) {
    const cut = from + 2 * pieceChars >= end ? end : after(buf, sequence, from + 2 * pieceChars, base);
    pieces.push(utf16leText(buf.subarray(from, cut)));
    from = cut;
  }
  // decodeBytes drops one U+FEFF at the start of the text (after the BOM, if any), as this does of the first piece.
  if (pieces[0]!.charCodeAt(0) === 0xfeff) pieces[0] = pieces[0]!.slice(1);
  return { pieces, rowBreak };
}

/** The kind of the first CR or LF code unit: CRLF when an LF follows the CR. */
function firstBreak(buf: Buffer, base: number): RowBreak | null {
  const cr = aligned(buf, SEQUENCE.cr, base, base);
  const lf = aligned(buf, SEQUENCE.lf, base, base);
  if (cr < 0 && lf < 0) return null;
  if (cr < 0 || (lf >= 0 && lf < cr)) return 'lf';
  return lf === cr + 2 ? 'crlf' : 'cr';
}

/** The byte offset just after the first `sequence` at or after `from` on a code unit boundary; the end if none. */
function after(buf: Buffer, sequence: Buffer, from: number, base: number): number {
  const at = aligned(buf, sequence, from, base);
  return at < 0 ? buf.length : at + sequence.length;
}

function aligned(buf: Buffer, sequence: Buffer, from: number, base: number): number {
  for (let at = buf.indexOf(sequence, from); at >= 0; at = buf.indexOf(sequence, at + 1)) {
    if ((at - base) % 2 === 0) return at;
  }
  return -1;
}
