import { decodeBytes } from './decode';
import {
  KNOWN_USERS,
  isPlausibleUser,
  parseAnacronLine,
  parseEnvLine,
  parseJobLine,
  splitPercent,
} from './cron-line';
import { anacronTrigger, cronTrigger, parseInstalledOn } from './cron-schedule';
import { ParseError, type JobRecord, type ParseContext, type ParseResult, type ParseWarning, type Parser } from './types';

export { parseCronScript } from './cron-script';

export interface CronEnvEntry {
  name: string;
  value: string;
  line: number;
}

/** Env lines are configuration, not jobs; they are returned beside the records for display. */
export interface CronParseResult extends ParseResult {
  env: CronEnvEntry[];
}

type Grammar = 'user' | 'system' | 'anacron';

interface FileMode {
  grammar: Grammar;
  kind: 'user_crontab' | 'system_crontab' | 'cron_d' | 'anacron';
  label: string;
  user: string | null;
  /** busybox crond (OpenWrt /etc/crontabs) has no `%` stdin semantics. */
  percentIsLiteral: boolean;
}

const SPOOL = /(?:^|\/)(?:var\/spool\/cron(?:\/crontabs|\/tabs)?|var\/at\/tabs|usr\/lib\/cron\/tabs|var\/cron\/tabs|etc\/crontabs)\/([^/]+)$/;

function modeFromPath(fileName: string | null | undefined): FileMode | null {
  if (!fileName) return null;
  const p = fileName.replace(/\\/g, '/');
  const base = p.split('/').pop() ?? p;
  if (/anacrontab$/.test(p)) return { grammar: 'anacron', kind: 'anacron', label: 'anacrontab', user: 'root', percentIsLiteral: false };
  if (/(?:^|\/)etc\/crontab$/.test(p)) return systemMode('/etc/crontab');
  if (/(?:^|\/)cron\.d\/[^/]+$/.test(p)) return systemMode(`/etc/cron.d/${base}`);
  const spool = SPOOL.exec(p);
  if (spool) return userMode(spool[1], /(?:^|\/)etc\/crontabs\//.test(p));
  return null;
}

function systemMode(label: string): FileMode {
  const kind = label.startsWith('/etc/cron.d/') ? 'cron_d' : 'system_crontab';
  return { grammar: 'system', kind, label, user: null, percentIsLiteral: false };
}

function userMode(user: string | null, busybox = false): FileMode {
  return { grammar: 'user', kind: 'user_crontab', label: user ? `crontab:${user}` : 'crontab', user, percentIsLiteral: busybox };
}

interface Line {
  no: number;
  text: string;
}

function jobLines(lines: Line[]): Line[] {
  return lines.filter((l) => l.text.trim() && !l.text.trim().startsWith('#') && !parseEnvLine(l.text));
}

/** Content-based grammar choice when the path gives no hint (FORMATS.md §4.1: user field only in system files). */
function detectGrammar(lines: Line[]): Grammar {
  const jobs = jobLines(lines);
  const anacronOnly = jobs.filter((l) => parseAnacronLine(l.text) && typeof parseJobLine(l.text, false) === 'string');
  if (anacronOnly.length > 0 && anacronOnly.length >= jobs.length / 2) return 'anacron';
  let known = 0;
  let implausible = 0;
  for (const l of jobs) {
    const tokens = l.text.trim().split(/\s+/);
    const userIdx = tokens[0].startsWith('@') ? 1 : 5;
    if (tokens.length < userIdx + 2) continue;
    const candidate = tokens[userIdx];
    if (KNOWN_USERS.has(candidate)) known++;
    else if (!isPlausibleUser(candidate)) implausible++;
  }
  return known > 0 && implausible === 0 ? 'system' : 'user';
}

/** `# /etc/cron.d/zfs_backup` as the first comment names a system file that was collected without its path. */
function labelFromHeader(lines: Line[]): string | null {
  for (const l of lines.slice(0, 5)) {
    const m = /^#\s*(\/etc\/(?:crontab|cron\.d\/[\w-]+))\b/.exec(l.text);
    if (m) return m[1];
  }
  return null;
}

export function parseCronText(text: string, ctx: ParseContext = {}): CronParseResult {
  const lines: Line[] = text.split('\n').map((t, i) => ({ no: i + 1, text: t.replace(/\r$/, '') }));
  const warnings: ParseWarning[] = [];
  const env: CronEnvEntry[] = [];
  const records: JobRecord[] = [];
  let collectedAt: string | null = null;

  let mode = modeFromPath(ctx.fileName);
  if (!mode) {
    const grammar = detectGrammar(lines);
    if (grammar === 'anacron') mode = modeFromPath('anacrontab');
    else if (grammar === 'system') mode = systemMode(labelFromHeader(lines) ?? '/etc/crontab');
    else mode = userMode(null);
  }
  const m: FileMode = mode!;
  if (text.includes('\r\n')) warnings.push({ line: null, message: 'CRLF line endings: many cron daemons reject such lines ("bad minute")' });

  let cronish = false;
  for (const { no, text: lineText } of lines) {
    const trimmed = lineText.trim();
    if (!trimmed) continue;
    if (trimmed.startsWith('#')) {
      collectedAt ??= parseInstalledOn(trimmed);
      continue;
    }
    const noCrontab = /^no crontab for (\S+)/.exec(trimmed);
    if (noCrontab) {
      if (!m.user && m.grammar === 'user') Object.assign(m, userMode(noCrontab[1]));
      continue;
    }
    const envLine = parseEnvLine(lineText);
    if (envLine) {
      env.push({ ...envLine, line: no });
      continue;
    }
    if (/^[\d*@-]/.test(trimmed)) cronish = true;
    const rec = m.grammar === 'anacron' ? anacronRecord(lineText, no) : cronRecord(lineText, no, m);
    if (typeof rec === 'string') warnings.push({ line: no, message: `${rec}: ${trimmed.slice(0, 120)}` });
    else records.push(rec);
  }

  if (records.length === 0 && warnings.some((w) => w.line !== null) && !cronish) {
    throw new ParseError(`not a crontab: no line matches cron syntax${ctx.fileName ? ` (${ctx.fileName})` : ''}`, 1);
  }
  const last = lines.filter((l) => l.text.trim()).pop();
  if (last && !text.endsWith('\n') && records.some((r) => r.line === last.no)) {
    warnings.push({ line: last.no, message: 'last line has no trailing newline: cron may ignore it' });
  }
  return { format: 'cron', records, warnings, env, collectedAt, os: 'linux' };
}

function cronRecord(lineText: string, no: number, m: FileMode): JobRecord | string {
  const job = parseJobLine(lineText, m.grammar === 'system');
  if (typeof job === 'string') return job;
  const { command, stdin } = m.percentIsLiteral ? { command: job.rest.trimEnd(), stdin: null } : splitPercent(job.rest);
  if (!command) return 'empty command before %';
  return {
    family: 'cron',
    kind: m.kind,
    name: m.label,
    command,
    runAs: job.user ?? m.user,
    schedule: job.schedule,
    triggers: [cronTrigger(job.schedule)],
    enabled: true,
    description: stdin !== null ? `stdin: ${stdin}` : null,
    line: no,
    raw: lineText,
  };
}

function anacronRecord(lineText: string, no: number): JobRecord | string {
  const job = parseAnacronLine(lineText);
  if (!job) return 'not an anacrontab line (period delay job-id command)';
  return {
    family: 'cron',
    kind: 'anacron',
    name: `anacrontab:${job.jobId}`,
    command: job.command.trim(),
    runAs: 'root',
    schedule: job.period,
    triggers: [anacronTrigger(job.period, job.delay)],
    enabled: true,
    line: no,
    raw: lineText,
  };
}

/** Share of non-comment, non-env lines that are cron or anacron jobs; env-only text (unit files, at jobs) stays low. */
function sniff(text: string): number {
  const head = text.slice(0, 20_000).trimStart();
  if (/^[{[<]/.test(head) || head.startsWith('bplist')) return 0;
  const lines = head.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t }));
  const jobs = jobLines(lines).filter((l) => !/^no crontab for /.test(l.text.trim()));
  if (jobs.length === 0) return /^# DO NOT EDIT THIS FILE - edit the master/m.test(head) ? 0.6 : 0;
  const ok = jobs.filter(
    (l) =>
      typeof parseJobLine(l.text, false) !== 'string' || parseAnacronLine(l.text) !== null,
  ).length;
  const ratio = ok / jobs.length;
  return ratio < 0.5 ? ratio * 0.4 : Math.min(0.95, 0.5 + ratio * 0.45);
}

export const cronParser: Parser = {
  format: 'cron',
  sniff: (text) => sniff(text),
  maxConfidence: 0.95,
  parse: (bytes, ctx) => parseCronText(decodeBytes(bytes).text, ctx),
};
