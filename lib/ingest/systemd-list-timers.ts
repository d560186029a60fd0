import type { JobRecord, ParseResult, ParseWarning } from './types';

/**
 * `systemctl list-timers [--all]` (FORMATS.md §5.1): fixed-width columns sized to content, values with spaces,
 * localized weekdays, truncated names. Column starts come from the header; header-less pastes fall back to a regex.
 */

const COLUMNS = ['NEXT', 'LEFT', 'LAST', 'PASSED', 'UNIT', 'ACTIVATES'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

/** Turkish-locale pastes upper-case `i` as `İ`/`i` (`UNiT ACTiVATES`), so fold every i-variant first. */
const foldHeader = (line: string) => line.replace(/[iİı]/g, 'I').toUpperCase();

function headerColumns(line: string): { col: Column; start: number }[] | null {
  const folded = foldHeader(line);
  const cols: { col: Column; start: number }[] = [];
  for (const col of COLUMNS) {
    const m = new RegExp(`(^|\\s)${col}(\\s|$)`).exec(folded);
    if (m) cols.push({ col, start: m.index + m[1].length });
  }
  const names = cols.map((c) => c.col);
  return names.includes('NEXT') && names.includes('LEFT') && names.includes('LAST') ? cols.sort((a, b) => a.start - b.start) : null;
}

const DATE = String.raw`(?:\S+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?: \S+)?|n/a|-)`;
const ROW = new RegExp(String.raw`^\s*(${DATE})\s+(.+?)\s+(${DATE})\s+(.+? ago|n/a|-)\s+(\S+)(?:\s+(\S+))?\s*$`);

function sliceRow(line: string, cols: { col: Column; start: number }[]): Row {
  const row: Row = {};
  cols.forEach((c, i) => {
    const v = line.slice(c.start, cols[i + 1]?.start ?? line.length).trim();
    if (v) row[c.col] = v;
  });
  return row;
}

function regexRow(line: string): Row | null {
  const m = ROW.exec(line);
  return m ? { NEXT: m[1], LEFT: m[2], LAST: m[3], PASSED: m[4], UNIT: m[5], ACTIVATES: m[6] } : null;
}

const DATE_PARTS = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?: (\S+))?$/;

/** Zone abbreviations like CET/JST are ambiguous; only UTC and numeric offsets become an ISO offset. */
function zoneSuffix(tz: string | undefined): string {
  if (!tz) return '';
  if (/^(UTC|GMT|Z)$/i.test(tz)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(tz);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : '';
}

export function listTimerDate(value: string | undefined): { iso: string; ms: number; zone: string } | null {
  const m = value ? DATE_PARTS.exec(value) : null;
  if (!m) return null;
  const zone = zoneSuffix(m[7]);
  return { iso: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`, ms: Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]), zone };
}

const UNIT_MS: [RegExp, number][] = [
  [/^(y|years?)$/, 31_557_600_000],
  [/^(months?)$/, 2_629_800_000],
  [/^(w|weeks?)$/, 604_800_000],
  [/^(d|days?)$/, 86_400_000],
  [/^(h|hours?)$/, 3_600_000],
  [/^(m|min|minutes?)$/, 60_000],
  [/^(s|sec|seconds?)$/, 1000],
  [/^(ms|msec)$/, 1],
  [/^(us|µs|usec)$/, 0.001],
];

/** Humanized `2h 33min left`, `1 week 3 days`, `46ms ago`; null for n/a or unparseable text. */
export function listTimerDuration(value: string | undefined): number | null {
  if (!value) return null;
  const body = value.replace(/\s+(left|ago|ag|a)$/, '').trim();
  const parts = [...body.matchAll(/(\d+)\s*([a-zµ]+)/gi)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('').length < body.replace(/\s/g, '').length) return null;
  let total = 0;
  for (const [, n, unit] of parts) {
    const f = UNIT_MS.find(([re]) => re.test(unit.toLowerCase()));
    if (!f) return null;
    total += Number(n) * f[1];
  }
  return total;
}

/** "Now" ≈ NEXT − LEFT or LAST + PASSED; the shortest duration is the least rounded, so it wins. */
function estimateNow(rows: Row[]): string | null {
  let best: { dur: number; ms: number; zone: string } | null = null;
  for (const r of rows) {
    for (const [dateText, durText, sign] of [[r.NEXT, r.LEFT, -1], [r.LAST, r.PASSED, 1]] as const) {
      const d = listTimerDate(dateText);
      const dur = listTimerDuration(durText);
      if (d && dur !== null && (!best || dur < best.dur)) best = { dur, ms: d.ms + sign * dur, zone: d.zone };
    }
  }
  return best ? new Date(Math.round(best.ms / 1000) * 1000).toISOString().slice(0, 19) + best.zone : null;
}

const KNOWN_SUFFIX = /\.(service|target|socket|path|mount|timer|slice|scope)$/;

export function parseListTimers(text: string): ParseResult {
  const lines = text.split(/\r?\n/);
  const warnings: ParseWarning[] = [];
  const records: JobRecord[] = [];
  const rows: Row[] = [];
  let cols: { col: Column; start: number }[] | null = null;
  let argUnits: string[] = [];
  let footerCount: number | null = null;
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t || /^Pass --all/.test(t)) return;
    const footer = /^(\d+) timers? listed/.exec(t);
    if (footer) return void (footerCount = Number(footer[1]));
    if (/systemctl\b.*list-timers/.test(t)) return void (argUnits = t.split(/\s+/).filter((x) => x.endsWith('.timer')));
    const header = headerColumns(line);
    if (header) return void (cols = header);
    const row = cols ? sliceRow(line, cols) : regexRow(line);
    if (!row || !(row.NEXT && (DATE_PARTS.test(row.NEXT) || /^(n\/a|-)$/.test(row.NEXT)))) {
      warnings.push({ line: i + 1, message: `not a list-timers row: ${t.slice(0, 120)}` });
      return;
    }
    rows.push(row);
    records.push(toRecord(row, i + 1, line, argUnits[rows.length - 1] ?? argUnits[0], warnings));
  });
  if (footerCount !== null && footerCount !== records.length) {
    warnings.push({ line: null, message: `footer says ${footerCount} timers listed, ${records.length} rows found (excerpt?)` });
  }
  return { format: 'systemd', records, warnings, collectedAt: estimateNow(rows), os: 'linux' };
}

function toRecord(row: Row, line: number, raw: string, argUnit: string | undefined, warnings: ParseWarning[]): JobRecord {
  const unit = row.UNIT ?? argUnit ?? 'unknown.timer';
  if (!row.UNIT) warnings.push({ line, message: argUnit ? `no UNIT column: taken from the command line (${argUnit})` : 'no UNIT column: timer name unknown' });
  if (!unit.endsWith('.timer')) warnings.push({ line, message: `unit name looks truncated: "${unit}"` });
  let activates = row.ACTIVATES ?? null;
  const base = unit.endsWith('.timer') ? unit.slice(0, -'.timer'.length) : null;
  if (activates && !KNOWN_SUFFIX.test(activates)) {
    const stem = activates.replace(/[>…]+$/, '');
    const guess = base && `${base}.service`.startsWith(stem) ? `${base}.service` : null;
    warnings.push({ line, message: `ACTIVATES looks truncated: "${activates}"${guess ? `, assumed ${guess}` : ''}` });
    activates = guess ?? activates;
  } else if (!activates && base) {
    activates = `${base}.service`;
    warnings.push({ line, message: `no ACTIVATES column: assumed ${activates}` });
  }
  return {
    family: 'systemd_timer',
    kind: 'list_timers',
    name: unit,
    command: activates ?? '',
    nextRunAt: listTimerDate(row.NEXT)?.iso ?? null,
    lastRunAt: listTimerDate(row.LAST)?.iso ?? null,
    // A timer with no next elapse is loaded but will not fire again on its own.
    enabled: /^(n\/a|-)$/.test(row.NEXT ?? '') ? false : null,
    line,
    raw,
  };
}
