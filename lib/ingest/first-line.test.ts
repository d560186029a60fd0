import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNonBlankLine } from './first-line';

const bySplit = (text: string) => text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';

describe('firstNonBlankLine', () => {
  it('is the first non-blank line of split(/\\r?\\n/)', () => {
    for (const text of ['', '\n', '\r\n\r\n', 'a', '\r\n  \t\r\nb\r\nc', '\r\rx\n', 'x\r', '\n\r', ' \u00a0\nq\r\n', '\uFEFF\nz']) {
      expect(firstNonBlankLine(text)).toBe(bySplit(text));
    }
  });

  it('agrees with split on random text of line breaks, blanks and letters', () => {
    const chars = fc.constantFrom('\r', '\n', ' ', '\t', '\u00a0', '\u2028', 'a', 'b', ',');
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }).map((cs) => cs.join('')), (text) => firstNonBlankLine(text) === bySplit(text)), { numRuns: 2000 });
  });
});
