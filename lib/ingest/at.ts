import { decodeBytes } from './decode';
import { ParseError, type JobRecord, type ParseContext, type ParseResult, type ParseWarning, type Parser } from './types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number | string) => String(n).padStart(2, '0');

/** Linux `<id>\t<ctime> <queue> <user>`; BSD/macOS `<id>\t<ctime>` only (FORMATS.md §4.4). Day may be space-padded. */
const ATQ_CTIME = /^(\d+)\s+(\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}))(?:\s+(\S)\s+(\S+))?\s*$/;
/** Some at 3.x builds print ISO-ish `2024-03-01 10:00 a user`. */
const ATQ_ISO = /^(\d+)\s+((\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}))(?:\s+(\S)\s+(\S+))?\s*$/;

interface AtqRow {
  id: string;
  raw: string;
  /** Local time of the host, so no offset. */
  iso: string | null;
  queue: string | null;
  user: string | null;
}

function parseAtqLine(line: string): AtqRow | null {
  let m = ATQ_CTIME.exec(line);
  if (m) {
    const month = MONTHS.indexOf(m[3].toLowerCase()) + 1;
    const iso = month ? `${m[8]}-${pad(month)}-${pad(m[4])}T${m[5]}:${m[6]}:${m[7]}` : null;
    return { id: m[1], raw: m[2], iso, queue: m[9] ?? null, user: m[10] ?? null };
  }
  m = ATQ_ISO.exec(line);
  if (m) return { id: m[1], raw: m[2], iso: `${m[3]}-${m[4]}-${m[5]}T${m[6]}:${m[7]}:00`, queue: m[8] ?? null, user: m[9] ?? null };
  return null;
}

/** Shell prompts and the `atq` command itself show up when output is pasted from a terminal. */
const PROMPT = /(^[$>#]|[$#]\s*\S*atq\s*$|^\S*atq\s*$)/;

function parseAtq(text: string): ParseResult {
  const records: JobRecord[] = [];
  const warnings: ParseWarning[] = [];
  let bsd = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || PROMPT.test(line.trim())) return;
    const row = parseAtqLine(line);
    if (!row) {
      warnings.push({ line: i + 1, message: `not an atq line: ${line.trim().slice(0, 120)}` });
      return;
    }
    if (!row.queue) bsd = true;
    records.push({
      family: 'at',
      kind: 'atq',
      name: `at:${row.id}`,
      command: '',
      runAs: row.user,
      schedule: row.raw,
      triggers: [{ kind: 'time', raw: row.raw, text: `Once at ${row.iso?.replace('T', ' ') ?? row.raw}` }],
      nextRunAt: row.iso,
      description: row.queue ? `queue ${row.queue}` : null,
      enabled: true,
      line: i + 1,
      raw: line,
    });
  });
  if (records.length === 0) throw new ParseError('no atq line found (expected "<id>\\t<date> [queue user]")', 1);
  // atq never shows the command; only the spool file (`at -c <id>`) has it.
  warnings.unshift({ line: null, message: 'atq lists no commands: collect the spool files (at -c <id>) for them' });
  return { format: 'at', records, warnings, os: bsd ? 'macos' : 'linux' };
}

/** Debian spool name `a0000c01c6f2b1`: queue letter, 5 hex job number, 8 hex minutes since the epoch. */
function decodeSpoolName(fileName: string | null | undefined): { id: string; runAt: string | null } | null {
  if (!fileName) return null;
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  const m = /^[a-zA-Z=]([0-9a-f]{5})([0-9a-f]{8})$/.exec(base);
  if (!m) return base ? { id: base, runAt: null } : null;
  return { id: String(parseInt(m[1], 16)), runAt: new Date(parseInt(m[2], 16) * 60_000).toISOString() };
}

/**
 * The user's commands follow the `cd <dir> || { … }` preamble that every at implementation writes; without it the
 * file is truncated (or not an at job) and what follows the env lines cannot be trusted as the command.
 */
function extractCommand(lines: string[], start: number): { command: string; line: number | null } {
  const cdIdx = lines.findIndex((l, i) => i >= start && /^cd .*\|\|\s*\{\s*$/.test(l));
  if (cdIdx < 0) return { command: '', line: null };
  let i = cdIdx;
  while (i < lines.length && lines[i].trim() !== '}') i++;
  i++;
  while (i < lines.length && !lines[i].trim()) i++;
  const body = lines.slice(i);
  const heredoc = /<<\s*'?([A-Za-z0-9_]+)'?\s*$/.exec(body[0] ?? '');
  if (heredoc) {
    const end = body.indexOf(heredoc[1], 1);
    const inner = body.slice(1, end < 0 ? undefined : end);
    return { command: inner.join('\n').trim(), line: i + 2 };
  }
  const command = body.join('\n').trim();
  return { command, line: command ? i + 1 : null };
}

function parseSpool(text: string, ctx: ParseContext): ParseResult {
  const lines = text.split(/\r?\n/);
  const headerIdx = lines.findIndex((l) => /^# atrun uid=\d+/.test(l));
  const ids = /^# atrun uid=(\d+) gid=(\d+)/.exec(lines[headerIdx]);
  const mail = lines.slice(headerIdx, headerIdx + 3).map((l) => /^# mail +(\S+) +([01])/.exec(l)).find(Boolean);
  const uid = ids ? Number(ids[1]) : null;
  // at runs the job with the uid in the header; the mail line names whoever submitted it (differs under sudo).
  const runAs = uid === 0 ? 'root' : (mail?.[1] ?? (uid !== null ? `uid=${uid}` : null));
  const { command, line } = extractCommand(lines, headerIdx + 1);
  const warnings: ParseWarning[] = [];
  if (!command) warnings.push({ line: null, message: 'at job file has no command after a "cd … || {" preamble (truncated?)' });
  const spool = decodeSpoolName(ctx.fileName);
  const record: JobRecord = {
    family: 'at',
    kind: 'at_job',
    name: spool ? `at:${spool.id}` : 'at',
    command,
    runAs,
    schedule: spool?.runAt ?? null,
    triggers: spool?.runAt ? [{ kind: 'time', raw: spool.runAt, text: `Once at ${spool.runAt.replace('T', ' ').replace(':00.000Z', ' UTC')}` }] : [],
    nextRunAt: spool?.runAt ?? null,
    description: mail ? `submitted by ${mail[1]}` : null,
    enabled: true,
    line: line ?? headerIdx + 1,
    raw: text,
  };
  return { format: 'at', records: [record], warnings, os: 'linux' };
}

function parse(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const text = decodeBytes(bytes).text;
  return /^# atrun uid=\d+/m.test(text) ? parseSpool(text, ctx) : parseAtq(text);
}

function sniff(text: string): number {
  const head = text.slice(0, 20_000);
  if (/^#!\/bin\/sh\r?\n# atrun uid=\d+ gid=\d+/.test(head.trimStart())) return 0.98;
  if (/^# atrun uid=\d+ gid=\d+/m.test(head)) return 0.85;
  const lines = head.split(/\r?\n/).filter((l) => l.trim() && !PROMPT.test(l.trim()));
  if (lines.length === 0) return 0;
  const ok = lines.filter((l) => parseAtqLine(l)).length;
  return ok === 0 ? 0 : 0.9 * (ok / lines.length);
}

export const atParser: Parser = { format: 'at', sniff, maxConfidence: 0.98, parse };
