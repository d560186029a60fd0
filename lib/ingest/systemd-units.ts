import { decodeBytes } from './decode';
import type { JobRecord, JobTrigger, ParseResult, ParseWarning } from './types';

export interface UnitEntry {
  section: string;
  key: string;
  value: string;
  line: number;
}

/** systemd INI dialect: `#`/`;` comments, trailing `\` continues a line, keys may repeat (FORMATS.md §5.2). */
export function parseUnitText(text: string): UnitEntry[] {
  const entries: UnitEntry[] = [];
  const lines = text.split(/\r?\n/);
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i].trim();
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1).trimEnd()} ${lines[++i].trim()}`;
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[([^\]]+)\]$/.exec(line);
    if (sec) {
      section = sec[1];
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) entries.push({ section, key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: start + 1 });
  }
  return entries;
}

/** Effective values of a repeatable key: an empty assignment clears everything before it. */
export function unitValues(entries: UnitEntry[], section: string, key: string): UnitEntry[] {
  const out: UnitEntry[] = [];
  for (const e of entries) {
    if (e.section !== section || e.key !== key) continue;
    if (e.value === '') out.length = 0;
    else out.push(e);
  }
  return out;
}

const lastValue = (entries: UnitEntry[], section: string, key: string) => unitValues(entries, section, key).at(-1)?.value ?? null;

const SHORTHAND: Record<string, string> = {
  minutely: 'Every minute',
  hourly: 'Every hour, on the hour',
  daily: 'Every day at 00:00',
  weekly: 'Every Monday at 00:00',
  monthly: 'On day 1 of every month at 00:00',
  quarterly: 'On day 1 of every quarter at 00:00',
  semiannually: 'On 1 January and 1 July at 00:00',
  yearly: 'On 1 January at 00:00',
  annually: 'On 1 January at 00:00',
};

/** Human text for common OnCalendar forms; anything fancier is shown as the expression itself. */
export function describeCalendar(expr: string): string {
  const short = SHORTHAND[expr.trim().toLowerCase()];
  if (short) return short;
  const m = /^(?:([A-Za-z.,]+) )?(?:(\*|\d{4})-(\*|\d{1,2})-(\*|\d{1,2}) )?(\d[\d:,*/]*)(?: (\S+))?$/.exec(expr.trim());
  if (!m) return `Calendar: ${expr}`;
  const anyDate = !m[2] || (m[2] === '*' && m[3] === '*' && m[4] === '*');
  const when = m[1] ? `On ${m[1].replace('..', '-')}` : anyDate ? 'Every day' : `On ${m[2]}-${m[3]}-${m[4]}`;
  return [when, `at ${m[5].split(',').join(', ')}`, m[6]].filter(Boolean).join(' ');
}

const MONOTONIC: Record<string, { kind: string; text: (v: string) => string }> = {
  OnBootSec: { kind: 'boot', text: (v) => `${v} after boot` },
  OnStartupSec: { kind: 'startup', text: (v) => `${v} after the service manager starts` },
  OnActiveSec: { kind: 'interval', text: (v) => `${v} after the timer is activated` },
  OnUnitActiveSec: { kind: 'interval', text: (v) => `Every ${v} after the unit last started` },
  OnUnitInactiveSec: { kind: 'interval', text: (v) => `${v} after the unit last stopped` },
};

export function timerTriggers(entries: UnitEntry[]): (JobTrigger & { line: number })[] {
  const triggers: (JobTrigger & { line: number })[] = [];
  for (const e of unitValues(entries, 'Timer', 'OnCalendar')) {
    triggers.push({ kind: 'calendar', raw: `OnCalendar=${e.value}`, text: describeCalendar(e.value), line: e.line });
  }
  for (const [key, spec] of Object.entries(MONOTONIC)) {
    for (const e of unitValues(entries, 'Timer', key)) {
      triggers.push({ kind: spec.kind, raw: `${key}=${e.value}`, text: spec.text(e.value), line: e.line });
    }
  }
  return triggers.sort((a, b) => a.line - b.line);
}

/** ExecStart prefixes (`-`, `@`, `+`, `!`, `!!`, `:`) change failure/privilege handling, not the command. */
export function stripExecPrefix(value: string): string {
  let v = value.trim();
  // `@rootbindir@` in upstream templates is a build placeholder, not the argv0 prefix.
  while (/^[-@+!:|]/.test(v) && !/^@\w+@/.test(v)) v = v.slice(1);
  return v.trim();
}

export interface UnitFileInput {
  name: string;
  bytes: Uint8Array;
}

interface LoadedUnit {
  unit: string;
  path: string;
  text: string;
  entries: UnitEntry[];
}

/** Upstream templates ship as `foo.service.in`; the installed unit is `foo.service`. */
function unitName(path: string): string {
  return (path.replace(/\\/g, '/').split('/').pop() ?? path).replace(/\.in$/, '');
}

/** User managers run units as the session's user, so root is only the default for system units. */
function isUserUnitPath(path: string): boolean {
  return /(?:\/systemd\/user\/|\.config\/systemd\/user\/)/.test(path.replace(/\\/g, '/'));
}

function serviceRecord(svc: LoadedUnit, warnings: ParseWarning[]): Pick<JobRecord, 'command' | 'imagePath' | 'arguments' | 'runAs'> {
  const execs = unitValues(svc.entries, 'Service', 'ExecStart').map((e) => stripExecPrefix(e.value));
  if (execs.length === 0) warnings.push({ line: null, message: `${svc.unit}: no ExecStart=` });
  const placeholder = execs.find((c) => /@\w+@/.test(c));
  if (placeholder) warnings.push({ line: null, message: `${svc.unit}: ExecStart has a build placeholder (${/@\w+@/.exec(placeholder)?.[0]}): source template, not an installed unit` });
  const first = execs[0] ?? '';
  const space = first.indexOf(' ');
  return {
    command: execs.join(' ; '),
    imagePath: first ? (space < 0 ? first : first.slice(0, space)) : null,
    arguments: space < 0 ? null : first.slice(space + 1),
    runAs: lastValue(svc.entries, 'Service', 'User') ?? (isUserUnitPath(svc.path) ? null : 'root'),
  };
}

/**
 * Join each .timer to the unit it activates (`Unit=` or the same base name `.service`, template `foo@.service` for
 * instances) and emit one record per timer. Services no timer points at are not scheduled jobs and are skipped,
 * except when no timer was given at all (a lone service file yields what it can).
 */
export function parseSystemdUnits(files: UnitFileInput[]): ParseResult {
  const warnings: ParseWarning[] = [];
  const units = new Map<string, LoadedUnit>();
  for (const f of files) {
    const text = decodeBytes(f.bytes).text;
    const unit = unitName(f.name);
    units.set(unit, { unit, path: f.name, text, entries: parseUnitText(text) });
  }
  const timers = [...units.values()].filter((u) => u.unit.endsWith('.timer') || u.entries.some((e) => e.section === 'Timer'));
  const records: JobRecord[] = [];
  for (const t of timers) {
    const target = lastValue(t.entries, 'Timer', 'Unit') ?? t.unit.replace(/\.timer$/, '.service');
    const svc = units.get(target) ?? units.get(target.replace(/@[^.]+\./, '@.'));
    const triggers = timerTriggers(t.entries);
    if (triggers.length === 0) warnings.push({ line: null, message: `${t.unit}: no OnCalendar=/On*Sec= trigger` });
    if (!svc) warnings.push({ line: null, message: `${t.unit}: activated unit ${target} not among the files, command unknown` });
    const exec = svc ? serviceRecord(svc, warnings) : { command: '', runAs: isUserUnitPath(t.path) ? null : 'root' };
    records.push({
      family: 'systemd_timer',
      // A user manager's timer (~/.config/systemd/user) needs no root to plant: heuristics look at it apart.
      kind: isUserUnitPath(t.path) ? 'user_timer' : 'timer',
      name: t.unit,
      ...exec,
      schedule: triggers.map((x) => x.raw).join('; ') || null,
      triggers: triggers.map(({ line: _line, ...rest }) => rest),
      description: lastValue(t.entries, 'Unit', 'Description'),
      line: triggers[0]?.line ?? 1,
      raw: svc ? { [t.unit]: t.text, [svc.unit]: svc.text } : t.text,
    });
  }
  if (timers.length === 0) {
    for (const s of units.values()) {
      if (!s.entries.some((e) => e.section === 'Service')) continue;
      warnings.push({ line: null, message: `${s.unit}: service without a timer: how it is activated is unknown` });
      records.push({ family: 'systemd_timer', kind: 'service', name: s.unit, ...serviceRecord(s, warnings), triggers: [], description: lastValue(s.entries, 'Unit', 'Description'), line: 1, raw: s.text });
    }
  }
  return { format: 'systemd', records, warnings, os: 'linux' };
}
