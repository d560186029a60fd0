import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { mayHoldNul } from './member-guards';

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);

describe('mayHoldNul', () => {
  it('answers false only for bytes whose decoded text holds no U+0000', () => {
    // Characters whose UTF-16 units end or start with a zero byte (U+0100, U+4100) put zero pairs off the unit grid.
    const alphabet = ['a', 'Z', ',', '"', '\r\n', 'é', '\u0100', '\u4100', '\u0041', '日', '\u0000', '😀'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let negatives = 0;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      for (const bytes of [Buffer.from(text, 'utf8'), utf16le(text), utf16be(text)]) {
        const holds = decodeBytes(bytes).text.includes('\0');
        if (!mayHoldNul(bytes)) {
          negatives++;
          expect(holds, JSON.stringify(text)).toBe(false);
        }
        if (text.includes('\0')) expect(mayHoldNul(bytes), JSON.stringify(text)).toBe(true);
      }
    }
    // It must also spare the walk where it can: UTF-16 exports with a BOM hold zero bytes everywhere.
    expect(negatives).toBeGreaterThan(3000);
    expect(mayHoldNul(utf16le('"Time","Entry"\r\n"x","\u0100y"'))).toBe(false);
  });
});
