import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_PROCESSES, lookalikeOf } from './names';

/** The textbook distance, uncapped: the reference for the capped one in names.ts. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let x = 1; x <= a.length; x++) {
    const next = [x];
    for (let y = 1; y <= b.length; y++) next[y] = Math.min(prev[y] + 1, next[y - 1] + 1, prev[y - 1] + (a[x - 1] === b[y - 1] ? 0 : 1));
    prev = next;
  }
  return prev[b.length];
}

/** lookalikeOf's rule with the textbook distance over every core name. */
function reference(name: string): string | null {
  const n = name.toLowerCase();
  if (n.length < 4 || CORE_PROCESSES.includes(n)) return null;
  const folded = n.replace(/0/g, 'o').replace(/1/g, 'l').replace(/3/g, 'e').replace(/5/g, 's').replace(/\$/g, 's');
  for (const real of CORE_PROCESSES) {
    if (real.length < 5) continue;
    const d = levenshtein(folded, real);
    if (d === 0 || (d === 1 && real.length >= 5) || (d === 2 && real.length >= 7 && n[0] === real[0])) return real;
  }
  return null;
}

describe('lookalikeOf', () => {
  it('names the imitated process of known look-alikes, and not of the real ones or strangers', () => {
    expect(lookalikeOf('svch0st')).toBe('svchost');
    expect(lookalikeOf('scvhost')).toBe('svchost');
    expect(lookalikeOf('expl0rer')).toBe('explorer');
    expect(lookalikeOf('lsasss')).toBe('lsass');
    expect(lookalikeOf('svchost')).toBeNull();
    expect(lookalikeOf('OneDriveStandaloneUpdater')).toBeNull();
  });

  it('answers as the textbook distance would, for names near core ones and for any others', () => {
    const edit = fc.tuple(fc.constantFrom(...CORE_PROCESSES), fc.array(fc.tuple(fc.nat(20), fc.constantFrom(...'aeiosv01$x'.split(''))), { maxLength: 3 }), fc.boolean()).map(
      ([name, edits, upper]) => {
        let s = name;
        for (const [at, ch] of edits) s = at % 3 === 0 ? s.slice(0, at % (s.length + 1)) + ch + s.slice(at % (s.length + 1)) : at % 3 === 1 ? s.slice(0, at % s.length) + s.slice((at % s.length) + 1) : s.slice(0, at % s.length) + ch + s.slice((at % s.length) + 1);
        return upper ? s.toUpperCase() : s;
      },
    );
    fc.assert(fc.property(fc.oneof(edit, fc.string({ maxLength: 16 })), (name) => lookalikeOf(name) === reference(name)), { numRuns: 3000 });
  });
});
