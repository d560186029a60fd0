import { decodeBytes } from './decode';
import { parseListTimers } from './systemd-list-timers';
import { parseSystemdUnits } from './systemd-units';
import { ParseError, type ParseContext, type ParseResult, type Parser } from './types';

export { parseSystemdUnits } from './systemd-units';
export { parseListTimers } from './systemd-list-timers';

const UNIT_SECTION = /^\[(Unit|Timer|Service|Install)\]\s*$/m;

/** A single unit file: the name comes from the path, else from the section it declares. */
function parseUnitFile(bytes: Uint8Array, text: string, ctx: ParseContext): ParseResult {
  const fallback = /^\[Timer\]/m.test(text) ? 'unnamed.timer' : 'unnamed.service';
  const name = ctx.fileName && /\.(timer|service)(\.in)?$/.test(ctx.fileName) ? ctx.fileName : fallback;
  return parseSystemdUnits([{ name, bytes }]);
}

function parse(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const text = decodeBytes(bytes).text;
  if (UNIT_SECTION.test(text)) return parseUnitFile(bytes, text, ctx);
  const result = parseListTimers(text);
  if (result.records.length === 0) throw new ParseError('no systemd unit sections and no list-timers rows found', 1);
  return result;
}

function sniff(text: string): number {
  const head = text.slice(0, 20_000);
  // `[` alone is an INI section; JSON arrays open with `[{`, `["` or `[]`.
  if (/^\s*(?:[{<]|\[\s*[{"\]])/.test(head)) return 0;
  if (/^\[Timer\]\s*$/m.test(head)) return 0.95;
  if (/^\[Service\]\s*$/m.test(head) && /^\[Unit\]\s*$/m.test(head)) return 0.85;
  // Case-insensitive; İ and ı count as word characters after PASSED, as when they were replaced by I before the
  // test (a copy of the whole head for every file sniffed).
  if (/^\s*NEXT\s+LEFT\s+LAST\s+PASSED(?![\wİı])/im.test(head)) return 0.95;
  if (/^\d+ timers? listed\.?\s*$/m.test(head)) return 0.9;
  return 0;
}

export const systemdParser: Parser = { format: 'systemd', sniff, maxConfidence: 0.95, parse };
