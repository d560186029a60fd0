import { parseCronScript } from './cron';
import { detectParser } from './detect';
import { assertLineLengths, mayHoldNul, replaceNuls } from './member-guards';
import type { FormatId, ParseResult } from './types';

const CRON_SCRIPT = /(^|\/)cron\.(hourly|daily|weekly|monthly)\/[^/]+$/;
const UNIT_FILE = /\.(timer|service)$/;

export type ParsedMember =
  | { kind: 'parsed'; result: ParseResult }
  /** systemd unit files are joined per host (timer -> service ExecStart) before they become records. */
  | { kind: 'unit'; name: string; bytes: Uint8Array };

/**
 * Parse one file of an upload. File paths only route the two folder-shaped inputs (cron.{daily,...} script
 * folders and systemd unit folders); every other format is detected from content.
 */
export function parseMember(path: string, bytes: Uint8Array, override: FormatId | null): ParsedMember {
  if (!override && CRON_SCRIPT.test(path)) return { kind: 'parsed', result: parseCronScript(bytes, path) };
  if ((!override || override === 'systemd') && UNIT_FILE.test(path) && looksLikeUnit(bytes)) {
    return { kind: 'unit', name: path, bytes };
  }
  const parser = detectParser(bytes, { fileName: path }, override);
  assertLineLengths(bytes, parser.format);
  const result = parser.parse(bytes, { fileName: path });
  return { kind: 'parsed', result: mayHoldNul(bytes) ? replaceNuls(result) : result };
}

function looksLikeUnit(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return /^\s*\[(Unit|Timer|Service|Install)\]/m.test(head);
}
