/**
 * Line grammar of Vixie/cronie/Debian crontabs (FORMATS.md §4.2) and anacrontab (§4.3).
 * Pure string functions; cron.ts decides which grammar a file uses.
 */

export const CRON_MACROS = ['@reboot', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'] as const;

/** Accounts that appear as the 6th field of /etc/crontab-style lines on real hosts. */
export const KNOWN_USERS = new Set([
  'root', 'www-data', 'nobody', 'daemon', 'bin', 'sys', 'mail', 'news', 'uucp', 'proxy', 'backup', 'list', 'operator',
  'apache', 'nginx', 'httpd', 'postgres', 'mysql', 'redis', 'smmsp', 'lp', 'games', 'man', 'sync', 'ftp', 'adm',
  'zabbix', 'nagios', 'munin', 'logcheck', 'debian-sysmon', 'unbound', 'git', 'jenkins', 'ubuntu', 'ec2-user', 'admin',
]);

const USER_NAME = /^[a-z_][a-z0-9_.-]{0,31}\$?$/i;

export function isPlausibleUser(token: string): boolean {
  return USER_NAME.test(token);
}

export interface EnvLine {
  name: string;
  value: string;
}

/** `NAME = value`; cron strips matching single or double quotes around the value. */
export function parseEnvLine(line: string): EnvLine | null {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
  if (!m) return null;
  let value = m[2];
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) value = value.slice(1, -1);
  return { name: m[1], value };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELD_SPECS: { label: string; min: number; max: number; names?: string[]; nameBase: number }[] = [
  { label: 'minute', min: 0, max: 59, nameBase: 0 },
  { label: 'hour', min: 0, max: 23, nameBase: 0 },
  { label: 'day of month', min: 1, max: 31, nameBase: 0 },
  { label: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { label: 'day of week', min: 0, max: 7, names: DAYS, nameBase: 0 },
];

function fieldValue(token: string, spec: (typeof FIELD_SPECS)[number]): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const idx = spec.names?.indexOf(token.toLowerCase()) ?? -1;
  return idx >= 0 ? idx + spec.nameBase : null;
}

export function validateField(field: string, index: number): string | null {
  const spec = FIELD_SPECS[index];
  for (const item of field.split(',')) {
    const m = /^([^/]+)(?:\/(\d+))?$/.exec(item);
    if (!m) return `bad ${spec.label} "${field}"`;
    if (m[2] !== undefined && Number(m[2]) === 0) return `zero step in ${spec.label} "${field}"`;
    const base = m[1];
    if (base === '*' || base === '~') continue;
    // cronie's random `a~b` and ordinary `a-b` ranges share the same bounds check.
    const parts = base.split(/[-~]/);
    if (parts.length > 2) return `bad ${spec.label} "${field}"`;
    for (const part of parts) {
      if (part === '' && base.includes('~')) continue;
      const v = fieldValue(part, spec);
      if (v === null || v < spec.min || v > spec.max) return `bad ${spec.label} "${field}"`;
    }
  }
  return null;
}

export interface SplitCommand {
  command: string;
  /** Text after the first unescaped `%`, with later `%` turned into newlines, as cron feeds it on stdin. */
  stdin: string | null;
}

/** Vixie `%` semantics: the first unescaped `%` ends the command; `\%` is a literal percent. */
export function splitPercent(raw: string): SplitCommand {
  let command = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && raw[i + 1] === '%') {
      command += '%';
      i++;
    } else if (ch === '%') {
      const rest = raw.slice(i + 1).replace(/\\%/g, '\u0000').replace(/%/g, '\n').replace(/\u0000/g, '%');
      return { command: command.trimEnd(), stdin: rest };
    } else {
      command += ch;
    }
  }
  return { command: command.trimEnd(), stdin: null };
}

export interface CronJobLine {
  schedule: string;
  user: string | null;
  rest: string;
}

/** The command keeps its own spacing, so only the leading tokens are split off. */
function takeTokens(line: string, n: number): { tokens: string[]; rest: string } | null {
  const tokens: string[] = [];
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const m = /^[ \t]*(\S+)/.exec(line.slice(pos));
    if (!m) return null;
    tokens.push(m[1]);
    pos += m[0].length;
  }
  return { tokens, rest: line.slice(pos).replace(/^[ \t]+/, '') };
}

/** `withUser` = system crontab grammar. Malformed lines return a reason so the caller warns and keeps going. */
export function parseJobLine(line: string, withUser: boolean): CronJobLine | string {
  // cronie: a leading `-` (root only) just silences syslog for this job.
  const body = line.replace(/^\s*-(?=[\s\d*@])/, '').trim();
  const macro = /^@\w+/.exec(body)?.[0];
  const fieldCount = macro ? 1 : 5;
  const taken = takeTokens(body, fieldCount + (withUser ? 1 : 0));
  if (!taken) return macro ? `incomplete ${macro} line` : 'fewer than 5 schedule fields';
  const fields = taken.tokens.slice(0, fieldCount);
  if (macro) {
    if (!(CRON_MACROS as readonly string[]).includes(macro.toLowerCase())) return `unknown macro ${macro}`;
  } else {
    for (let i = 0; i < 5; i++) {
      const err = validateField(fields[i], i);
      if (err) return err;
    }
  }
  if (!taken.rest) return 'missing command';
  return {
    schedule: macro ? macro.toLowerCase() : fields.join(' '),
    user: withUser ? taken.tokens[fieldCount] : null,
    rest: taken.rest,
  };
}

export interface AnacronLine {
  period: string;
  delay: number;
  jobId: string;
  command: string;
}

/** `period delay job-identifier command`; period is days or @daily/@weekly/@monthly. */
export function parseAnacronLine(line: string): AnacronLine | null {
  const taken = takeTokens(line.trim(), 3);
  if (!taken || !taken.rest) return null;
  const [period, delay, jobId] = taken.tokens;
  if (!/^(\d+|@(daily|weekly|monthly|yearly|annually))$/i.test(period) || !/^\d+$/.test(delay)) return null;
  return { period: period.toLowerCase(), delay: Number(delay), jobId, command: taken.rest };
}
