import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-16le' | 'utf-16be' | 'utf-8' | 'cp850' | 'cp1252' | 'cp932';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  hadBom: boolean;
}

/** The byte order a UTF-16 BOM at the start announces, or null. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
}

/**
 * How decodeBytes reads a file (FORMATS.md §0.1): BOM first, then a NUL-byte pattern for BOM-less UTF-16, then
 * UTF-8: after its BOM leniently, without one strictly (else an 8-bit code page). `start`: where the text begins.
 */
export interface TextLayout {
  encoding: 'utf-16le' | 'utf-16be' | 'utf-8';
  start: number;
  /** UTF-8 without a BOM: invalid bytes mean a code page instead. */
  strict: boolean;
}

export function textLayout(bytes: Uint8Array): TextLayout {
  const bom = utf16Bom(bytes);
  if (bom) return { encoding: bom, start: 2, strict: false };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', start: 3, strict: false };
  const utf16 = sniffBomlessUtf16(bytes);
  return utf16 ? { encoding: utf16, start: 0, strict: false } : { encoding: 'utf-8', start: 0, strict: true };
}

/** Decode bytes as textLayout says. `oemHint` picks the OEM page for schtasks output written by cmd.exe. */
export function decodeBytes(bytes: Uint8Array, oemHint: 'cp850' | 'cp932' | 'cp1252' = 'cp1252'): DecodedText {
  const layout = textLayout(bytes);
  const body = bytes.subarray(layout.start);
  const hadBom = layout.start > 0;
  if (layout.encoding === 'utf-16le') return { text: decodeUtf16le(body), encoding: 'utf-16le', hadBom };
  if (layout.encoding === 'utf-16be') return { text: iconv.decode(Buffer.from(body), 'utf-16be'), encoding: 'utf-16be', hadBom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: layout.strict }).decode(body), encoding: 'utf-8', hadBom };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), oemHint), encoding: oemHint, hadBom };
  }
}

/**
 * Bytes that hold at least the first `chars` characters: 2 per character (and the BOM) for UTF-16 with a BOM, up
 * to 4 otherwise, cut before a UTF-8 continuation byte so that a strict UTF-8 decode of the head does not fail
 * where the whole file would not. Format sniffing decodes this instead of the whole export.
 */
export function sniffHead(bytes: Uint8Array, chars: number): Uint8Array {
  const isUtf16 = utf16Bom(bytes) !== null;
  let end = isUtf16 ? 2 + chars * 2 : chars * 4;
  if (end >= bytes.length) return bytes;
  if (!isUtf16) while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

const NON_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * What iconv.decode(bytes, 'utf-16le') returns (checked against it in decode.test.ts): lone surrogates kept, an odd
 * last byte dropped, one leading U+FEFF stripped. Buffer's own UTF-16 decoding reads the bytes in place; iconv went
 * through a copy and a StringDecoder, and TextDecoder is slower still and replaces lone surrogates.
 *
 * Text that is all Latin-1 (most exports) is re-made as the same characters in V8's one-byte representation: every
 * field sliced from it is then one-byte too, and lower-casing, regexes, JSON and hashing run on the fast paths
 * (node 20 microbenchmark, 2026-11-23: the extra copy costs ~0.4 ms per MB; on one-byte slices toLowerCase ran 1.7x
 * and sha256 + JSON.stringify 1.2x as fast).
 */
export function decodeUtf16le(bytes: Uint8Array): string {
  const text = utf16leText(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** decodeUtf16le without dropping a leading U+FEFF: for a piece of a file that does not start it. */
export function utf16leText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length & ~1).toString('utf16le');
  return NON_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/** ASCII-heavy UTF-16 without a BOM has NULs in every other byte of the first few hundred bytes. */
function sniffBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
  return null;
}

/** True when the bytes look like a binary file (NULs outside a UTF-16 pattern), used to refuse junk early. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  if (sniffBomlessUtf16(bytes)) return false;
  const n = Math.min(bytes.length, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0;
}
