import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleetFiles, generateFleet } from '@/lib/demo';
import { samplePath, readSample } from '../testing/samples';
import { parseAutorunsBytes, parsePieces } from './autoruns';
import { decodeBytes } from './decode';
import { ROW_SOURCE, type ParseResult } from './types';
import { textPieces } from './text-pieces';

const utf8 = (text: string, bom = false) => new Uint8Array(Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]));
const utf16 = (text: string, bom = true) => new Uint8Array(Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]));

/** Everything a parse yields, with each record's row source (a symbol, so not in the JSON). */
function outcome(read: () => ParseResult): unknown {
  try {
    const r = read();
    return { ...r, sources: r.records.map((rec) => rec[ROW_SOURCE]) };
  } catch (err) {
    return { error: String(err) };
  }
}

const whole = (bytes: Uint8Array) => outcome(() => parseAutorunsBytes(bytes, Infinity));
const inPieces = (bytes: Uint8Array, pieceChars: number) => outcome(() => parseAutorunsBytes(bytes, pieceChars));

describe('textPieces', () => {
  it('cuts the decoded text after line breaks of the first break kind; the pieces make up the whole text', () => {
    const text = `Time,Entry\r\n${Array.from({ length: 200 }, (_, i) => `2024,e${i}\r\n`).join('')}`;
    const split = textPieces(utf16(text), 50)!;
    expect(split.rowBreak).toBe('crlf');
    expect(split.pieces.length).toBeGreaterThan(10);
    expect(split.pieces.join('')).toBe(decodeBytes(utf16(text)).text);
    for (const p of split.pieces.slice(0, -1)) expect(p.endsWith('\r\n')).toBe(true);
    // A second U+FEFF after the BOM is dropped too, as decodeBytes does.
    expect(textPieces(utf16(`\uFEFF${text}`), 50)!.pieces.join('')).toBe(decodeBytes(utf16(`\uFEFF${text}`)).text);
  });

  it('reads only UTF-16LE and UTF-8 text that needs more than one piece', () => {
    const text = 'Time,Entry\n' + 'x,y\n'.repeat(100);
    expect(textPieces(utf8(text), 10)!.pieces.join('')).toBe(decodeBytes(utf8(text)).text);
    expect(textPieces(utf8(`\uFEFF${text}`, true), 10)!.pieces.join('')).toBe(decodeBytes(utf8(`\uFEFF${text}`, true)).text);
    expect(textPieces(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])), 10)).toBeNull();
    expect(textPieces(utf16(text), 10_000)).toBeNull();
    expect(textPieces(utf16(text, false), 10)!.rowBreak).toBe('lf');
    expect(textPieces(utf16('a'.repeat(500)), 10)).toBeNull();
  });

  it('leaves invalid UTF-8 to the whole read, which decodes it as a code page', () => {
    const text = `Time,Entry\r\n${'caf\u00e9,b\r\n'.repeat(100)}`;
    const bytes = new Uint8Array(Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff, 0x0d, 0x0a])]));
    expect(textPieces(bytes, 20)).toBeNull();
    expect(decodeBytes(bytes).encoding).toBe('cp1252');
    // With a BOM the whole read is lenient (U+FFFD), and so are the pieces.
    const withBom = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    expect(textPieces(withBom, 20)!.pieces.join('')).toBe(decodeBytes(withBom).text);
  });

  it('cuts only on code unit boundaries: a byte pair 0A 00 across two characters is not a line break', () => {
    // U+0A41 then U+0000-free text: its bytes 41 0A, followed by 00 of the next unit's high byte, look like "\n".
    const text = `Time,Entry\r\n${'\u0a41\u0041,b\r\n'.repeat(100)}`;
    const split = textPieces(utf16(text), 20)!;
    expect(split.pieces.join('')).toBe(decodeBytes(utf16(text)).text);
    for (const p of split.pieces.slice(0, -1)) expect(p.endsWith('\r\n')).toBe(true);
  });
});

describe('Autoruns read in pieces', () => {
  const HEADER = 'Time,Entry Location,Entry,Enabled,Category,Profile,Description,Signer,Company,Image Path,Version,Launch String';

  it('gives exactly the whole read of every real Autoruns sample, at any piece size', () => {
    const files = readdirSync(samplePath('autoruns'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const bytes = readSample(`autoruns/${file}`);
      const expected = whole(bytes);
      for (const size of [300, 2_000]) expect(inPieces(bytes, size), `${file} in pieces of ${size}`).toEqual(expected);
      // Not a fallback to the whole read: the large UTF-16 samples take the piece path.
      const split = textPieces(bytes, 2_000);
      if (bytes.length > 100_000) expect(split && parsePieces(split), file).not.toBeNull();
    }
  });

  it('takes the piece path for a real-sized export, with the same result', () => {
    const fleet = generateFleet({ hosts: 1, days: 1, seed: 3, formats: ['autoruns'] });
    const file = [...fleetFiles(fleet)].find((f) => f.host)!;
    const split = textPieces(file.bytes);
    expect(split!.pieces.length).toBeGreaterThan(2);
    const read = parsePieces(split!);
    expect(read).not.toBeNull();
    expect(outcome(() => read!)).toEqual(whole(file.bytes));
  });

  it('keeps a U+FEFF that starts a later piece as text: only the start of the file drops one', () => {
    const text = `${HEADER}\r\n${Array.from({ length: 60 }, (_, i) => `\uFEFFrow${i},HKLM\\Run,e${i},enabled,Logon`).join('\r\n')}\r\n`;
    for (const bytes of [utf8(text), utf8(`\uFEFF${text}`, true), utf16(text), utf16(text, false)]) {
      const split = textPieces(bytes, 150)!;
      expect(split.pieces.slice(1).every((p) => p.startsWith('\uFEFF'))).toBe(true);
      expect(outcome(() => parsePieces(split)!)).toEqual(whole(bytes));
    }
  });

  it('gives exactly the whole read of any file: quotes, stray quotes, mixed line breaks, BOMs and surrogates', () => {
    const unit = fc.constantFrom('a', 'Z', ' ', ',', ',', '"', '""', '\r\n', '\n', '\r', 'é', '\u0456', '\uFEFF', '\uD83D\uDE00', '\uD800', '3/4/2025 1:00 PM');
    const field = fc.oneof(
      fc.array(unit, { maxLength: 6 }).map((u) => u.join('')),
      fc.array(unit, { maxLength: 6 }).map((u) => `"${u.join('').replaceAll('"', '""')}"`),
    );
    const row = fc.array(field, { minLength: 1, maxLength: 14 }).map((f) => f.join(','));
    const file = fc.record({
      banner: fc.constantFrom('', '\r\n', 'Sysinternals Autoruns\r\n\r\n', 'Sysinternals Autoruns\n\n', 'banner\r'),
      rows: fc.array(fc.tuple(row, fc.constantFrom('\r\n', '\r\n', '\r\n', '\n', '\r')), { maxLength: 60 }),
      bom: fc.boolean(),
      encoding: fc.constantFrom('utf-16le', 'utf-8'),
      trailing: fc.constantFrom('', '\r\n', '"'),
    });
    // Pieces just over the header line, so that the first holds it and the rest are a few rows each.
    fc.assert(
      fc.property(file, fc.integer({ min: 140, max: 260 }), ({ banner, rows, bom, encoding, trailing }, size) => {
        const text = `${banner}${HEADER}\r\n${rows.map(([r, br]) => r + br).join('')}${trailing}`;
        const bytes = encoding === 'utf-8' ? utf8(text, bom) : utf16(text, bom);
        expect(inPieces(bytes, size)).toEqual(whole(bytes));
      }),
      { numRuns: 400 },
    );
  });

  it('reads the pieces themselves whenever no cut is inside a quoted field', () => {
    // Fields without quotes or line breaks: every cut is a row break, so the piece path must be taken.
    const field = fc.array(fc.constantFrom('a', ' ', 'é', '\u0456', '\uD83D\uDE00', '"'), { maxLength: 8 }).map((u) => u.join('').replace(/^"/, 'q'));
    const row = fc.array(field, { minLength: 1, maxLength: 14 }).map((f) => f.join(','));
    fc.assert(
      fc.property(fc.array(row, { minLength: 40, maxLength: 80 }), fc.integer({ min: 140, max: 200 }), fc.boolean(), (rows, size, asUtf8) => {
        // At least 9 characters a row: always more than two pieces.
        const text = `${HEADER}\r\n${rows.map((r, i) => `Entry${i},${r}`).join('\r\n')}\r\n`;
        const bytes = asUtf8 ? utf8(text) : utf16(text);
        const split = textPieces(bytes, size)!;
        expect(split.pieces.length).toBeGreaterThan(2);
        const read = parsePieces(split);
        expect(read).not.toBeNull();
        expect(outcome(() => read!)).toEqual(whole(bytes));
      }),
      { numRuns: 100 },
    );
  });
});
