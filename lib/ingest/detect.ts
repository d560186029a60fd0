import { decodeBytes, looksBinary } from './decode';
import { autorunsParser } from './autoruns';
import { ParseError, type FormatId, type ParseContext, type Parser } from './types';

/** Every parser the product knows; detection asks each for its confidence. */
export const PARSERS: Parser[] = [autorunsParser];

const MIN_CONFIDENCE = 0.3;

/** Pick a parser by content (never by file name); `override` forces one. */
export function detectParser(bytes: Uint8Array, ctx: ParseContext, override?: FormatId | null): Parser {
  if (override) {
    const forced = PARSERS.find((p) => p.format === override);
    if (!forced) throw new ParseError(`unknown format "${override}"`);
    return forced;
  }
  if (bytes.length === 0) throw new ParseError('the file is empty');
  if (looksBinary(bytes)) throw new ParseError('the file is binary, not a text export');
  const text = decodeBytes(bytes).text.slice(0, 64 * 1024);
  let best: { parser: Parser; score: number } | null = null;
  for (const parser of PARSERS) {
    const score = parser.sniff(text, ctx);
    if (!best || score > best.score) best = { parser, score };
  }
  if (!best || best.score < MIN_CONFIDENCE) {
    throw new ParseError('format not recognised (expected Autoruns, schtasks, task XML, cron, systemd, launchd, at or osquery output)');
  }
  return best.parser;
}
