import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as B from '@/lib/testing/hostile-bytes';
import { parseCronScript } from './cron';
import { PARSERS } from './detect';
import { parseMember } from './parse-member';
import { ParseError, type ParseResult, type Parser } from './types';

// Property-based tests over every parser: whatever the bytes, a parser returns records with a name and a command
// string and warnings with a message, or throws ParseError; anything else would surface as an internal error.

const TEMPLATES: Uint8Array[] = [
  B.autorunsCsv([['A', 'c:\\a.exe /x'], ['B', 'c:\\b.exe']]),
  B.autorunsCsv([['A', 'c:\\a.exe']], B.utf8),
  B.utf8(B.SCHTASKS_CSV),
  B.utf8(B.SCHTASKS_LIST),
  B.utf16le(B.taskXml()),
  B.utf8(B.CRONTAB),
  B.utf8(B.LIST_TIMERS),
  B.utf8(B.LAUNCHD_PLIST),
  B.utf8(B.osqueryLines(['fuzz-host'], 2)),
  B.utf8(B.SCHEDULEDTASK_CSV),
  B.utf8(B.HAYABUSA_JSONL),
  B.utf8(B.ATQ),
  B.utf8('[Unit]\nDescription=x\n[Timer]\nOnCalendar=daily\n'),
];

/** A valid export with a few splices: the bytes real broken files are made of (cut, doubled, overwritten). */
const mutated: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(...TEMPLATES),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 64 }), fc.uint8Array({ maxLength: 16 }), fc.boolean()), { minLength: 1, maxLength: 4 }),
  )
  .map(([template, edits]) => {
    let bytes = Buffer.from(template);
    for (const [at, cut, insert, useText] of edits) {
      const pos = at % (bytes.length + 1);
      const piece = useText ? Buffer.from(String.fromCharCode(...insert.map((b) => 32 + (b % 95)))) : Buffer.from(insert);
      bytes = Buffer.concat([bytes.subarray(0, pos), piece, bytes.subarray(Math.min(bytes.length, pos + cut))]);
    }
    return new Uint8Array(bytes);
  });

const anyBytes = fc.oneof(mutated, fc.uint8Array({ maxLength: 2048 }), fc.string({ unit: 'binary', maxLength: 512 }).map(B.utf8));

function checkResult(r: ParseResult): void {
  for (const rec of r.records) {
    expect(typeof rec.name).toBe('string');
    expect(rec.name.length).toBeGreaterThan(0);
    expect(typeof rec.command).toBe('string');
  }
  for (const w of r.warnings) {
    expect(typeof w.message).toBe('string');
    expect(w.message.length).toBeGreaterThan(0);
  }
}

function onlyParseErrors(run: () => ParseResult | null): void {
  let result: ParseResult | null = null;
  try {
    result = run();
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    return;
  }
  if (result) checkResult(result);
}

describe('every parser under arbitrary and mutated input', () => {
  for (const parser of PARSERS as Parser[]) {
    it(`${parser.format}: sniff returns 0..1, parse gives well-formed records or a ParseError`, () => {
      fc.assert(
        fc.property(anyBytes, (bytes) => {
          const score = parser.sniff(new TextDecoder().decode(bytes), { fileName: 'fuzz' });
          expect(score >= 0 && score <= 1).toBe(true);
          onlyParseErrors(() => parser.parse(bytes, { fileName: 'fuzz' }));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('cron.daily scripts', () => {
    fc.assert(fc.property(anyBytes, (bytes) => onlyParseErrors(() => parseCronScript(bytes, 'etc/cron.daily/fuzz'))), { numRuns: 150 });
  });

  it('detection plus parsing (parseMember), as every upload runs it', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom('crontab', 'x.csv', 'Task', 'a.plist', 'u.timer', 'etc/cron.d/x'), (bytes, path) =>
        onlyParseErrors(() => {
          const m = parseMember(path, bytes, null);
          return m.kind === 'parsed' ? m.result : null;
        }),
      ),
      { numRuns: 400 },
    );
  });
});
