import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffHead } from './decode';

// UTF-16 LE text went through iconv-lite before it was decoded in place; the text (so every parsed field) must
// stay the same, also for lone surrogates, stray BOMs and an odd last byte.
const UNITS = [0x0041, 0x000d, 0x000a, 0x0022, 0xfeff, 0xfffe, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0x0000, 0x20ac, 0x0456];
const utf16Units = fc.array(fc.oneof(fc.constantFrom(...UNITS), fc.integer({ min: 0, max: 0xffff })), { maxLength: 40 });
const toBytes = (units: number[], odd: number[]) => Uint8Array.from([...units.flatMap((u) => [u & 0xff, u >> 8]), ...odd]);

describe('UTF-16 LE decoding', () => {
  it('gives what iconv-lite gave, with a BOM', () => {
    fc.assert(
      fc.property(utf16Units, fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 1 }), (units, odd) => {
        const bytes = toBytes([0xfeff, ...units], odd);
        expect(decodeBytes(bytes).text).toBe(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives what iconv-lite gave without a BOM (sniffed), also from a view into a larger buffer', () => {
    const ascii = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 8, maxLength: 300 });
    fc.assert(
      fc.property(ascii, utf16Units, fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 1 }), (head, units, odd) => {
        const inner = toBytes([...head, ...units], odd);
        const bytes = new Uint8Array(inner.length + 3);
        bytes.set(inner, 1);
        const view = bytes.subarray(1, 1 + inner.length);
        const d = decodeBytes(view);
        if (d.encoding === 'utf-16le') expect(d.text).toBe(iconv.decode(Buffer.from(inner), 'utf-16le'));
      }),
      { numRuns: 3000 },
    );
  });
});

const bomUtf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const bomUtf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);

describe('sniffHead', () => {
  it('keeps at least the first characters of every encoding, and a UTF-8 head decodes strictly', () => {
    const text = 'é日😀a,"b"\r\n'.repeat(400);
    for (const bytes of [Buffer.from(text, 'utf8'), bomUtf16le(text), bomUtf16be(text)]) {
      for (const chars of [1, 7, 100, 1000]) {
        const head = decodeBytes(sniffHead(bytes, chars));
        expect(head.text.slice(0, chars)).toBe(text.slice(0, chars));
        expect(head.encoding).toBe(decodeBytes(bytes).encoding);
      }
    }
  });
});
