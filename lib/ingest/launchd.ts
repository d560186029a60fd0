import { parseBuffer } from 'bplist-parser';
import { XMLValidator } from 'fast-xml-parser';
import * as plist from 'plist';
import { decodeBytes, sniffHead } from './decode';
import { isDict, launchdTriggers, type PlistDict } from './launchd-triggers';
import { ParseError, type JobRecord, type ParseContext, type ParseResult, type ParseWarning, type Parser } from './types';

const BPLIST_MAGIC = 'bplist00';

function isBinaryPlist(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 8)) === BPLIST_MAGIC;
}

/** launchd/plutil accept a comment before the declaration and a `\` in the DOCTYPE; XML parsers do not (FORMATS.md §5.3). */
function recoverXml(text: string): string {
  const start = text.search(/<\?xml|<plist/);
  return (start > 0 ? text.slice(start) : text).replace(/<!DOCTYPE[^>]*>/i, '');
}

function parseXmlPlist(text: string, warnings: ParseWarning[]): unknown {
  let xml = text.replace(/^\uFEFF/, '');
  if (XMLValidator.validate(xml) !== true) {
    const recovered = recoverXml(xml);
    const check = XMLValidator.validate(recovered);
    if (check !== true) throw new ParseError(`invalid XML property list: ${check.err.msg}`, check.err.line);
    warnings.push({ line: null, message: 'plist is not well-formed as written (text before the declaration or a bad DOCTYPE); parsed after cleanup' });
    xml = recovered;
  }
  try {
    return plist.parse(xml);
  } catch (e) {
    throw new ParseError(`invalid XML property list: ${(e as Error).message}`);
  }
}

/** Quote arguments with spaces or quotes so the joined command line reads as one shell command. */
export function joinArgs(args: string[]): string {
  return args.map((a) => (a === '' || /[\s"'\\]/.test(a) ? `"${a.replace(/(["\\$`])/g, '\\$1')}"` : a)).join(' ');
}

/** LaunchDaemons run as root unless UserName says otherwise; per-user LaunchAgents run as that user. */
function defaultUser(fileName: string | null | undefined): { runAs: string | null; kind: string | null } {
  const p = (fileName ?? '').replace(/\\/g, '/');
  if (/LaunchDaemons\//.test(p)) return { runAs: 'root', kind: 'daemon' };
  const home = /(?:^|\/)Users\/([^/]+)\/Library\/LaunchAgents\//.exec(p);
  if (home) return { runAs: home[1], kind: 'agent' };
  return { runAs: null, kind: /LaunchAgents\//.test(p) ? 'agent' : null };
}

function toRecord(job: PlistDict, raw: string, ctx: ParseContext, warnings: ParseWarning[]): JobRecord {
  const label = job.Label as string;
  const args = Array.isArray(job.ProgramArguments) ? job.ProgramArguments.map(String) : [];
  const program = typeof job.Program === 'string' ? job.Program : typeof job.BundleProgram === 'string' ? job.BundleProgram : null;
  // With both keys, Program is the executable and ProgramArguments[0] is only argv[0].
  const argv = program ? [program, ...args.slice(1)] : args;
  if (argv.length === 0) warnings.push({ line: null, message: `${label}: no Program or ProgramArguments` });
  const triggers = launchdTriggers(job);
  const { runAs, kind } = defaultUser(ctx.fileName);
  return {
    family: 'launchd',
    kind,
    name: label,
    command: joinArgs(argv),
    imagePath: argv[0] ?? null,
    arguments: argv.length > 1 ? joinArgs(argv.slice(1)) : null,
    enabled: job.Disabled === true ? false : true,
    runAs: typeof job.UserName === 'string' ? job.UserName : runAs,
    schedule: triggers.map((t) => t.raw).join('; ') || null,
    triggers,
    line: 1,
    raw,
  };
}

function buildXml(value: unknown): string {
  try {
    return plist.build(value as plist.PlistValue);
  } catch {
    return JSON.stringify(value);
  }
}

function parse(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const warnings: ParseWarning[] = [];
  let value: unknown;
  let raw: string;
  if (isBinaryPlist(bytes)) {
    try {
      value = parseBuffer(Buffer.from(bytes))[0];
    } catch (e) {
      throw new ParseError(`invalid binary property list: ${(e as Error).message}`);
    }
    raw = buildXml(value);
  } else {
    raw = decodeBytes(bytes).text;
    if (!/<plist[\s>]/.test(raw)) throw new ParseError('not a property list: no <plist> element and no bplist00 header', 1);
    value = parseXmlPlist(raw, warnings);
  }
  if (!isDict(value)) throw new ParseError('not a launchd job: the property list root is not a dictionary');
  if (typeof value.Label !== 'string' || !value.Label) {
    const keys = Object.keys(value).slice(0, 8).join(', ');
    throw new ParseError(`not a launchd job: property list has no Label key (top-level keys: ${keys || 'none'})`);
  }
  return { format: 'launchd', records: [toRecord(value, raw, ctx, warnings)], warnings, os: 'macos' };
}

/** Content sniff on decoded text: an XML plist with a Label key, or the bplist magic (which survives decoding). */
const SNIFF_HEAD_CHARS = 20_000;

function sniff(text: string): number {
  const head = text.slice(0, SNIFF_HEAD_CHARS);
  if (head.startsWith(BPLIST_MAGIC)) return 0.7;
  if (!/<plist[\s>]/.test(head)) return 0;
  return /<key>\s*Label\s*<\/key>/.test(head) ? 0.95 : 0.4;
}

/**
 * Binary plists need the bytes: only a parsed root with a Label is confidently a launchd job. Other files are
 * sniffed as text: `headText`, the decoded head detection already holds, or the first characters decoded here.
 */
export function sniffBytes(bytes: Uint8Array, headText?: string): number {
  if (!isBinaryPlist(bytes)) return sniff(headText ?? decodeBytes(sniffHead(bytes, SNIFF_HEAD_CHARS)).text);
  try {
    const root = parseBuffer(Buffer.from(bytes))[0] as unknown;
    return isDict(root) && typeof root.Label === 'string' ? 0.95 : 0.1;
  } catch {
    return 0;
  }
}

export const launchdParser: Parser = { format: 'launchd', sniff, maxConfidence: 0.95, parse };
