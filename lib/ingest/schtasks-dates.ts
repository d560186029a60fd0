/**
 * Locale-formatted Windows dates (`8/2/2026 1:00:00 PM`, `13/02/2025 17:30:00`, `13.02.2025 17:30`, `2025/02/13 17:30:00`,
 * `12-Sep-26 07:00:00 AM`). Results are naive ISO strings (host-local time; the offset is not in the data).
 */

export type DateOrder = 'mdy' | 'dmy' | 'ymd';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const DATE_RE =
  /^(\d{1,4})[./-](\d{1,2}|\p{L}{3,})[./-](\d{1,4})\.?(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(am|pm)?)?$/iu;

interface DateParts {
  a: string;
  b: string;
  c: string;
  hour: number | null;
  minute: number;
  second: number;
  meridiem: 'am' | 'pm' | null;
}

function split(raw: string): DateParts | null {
  let s = raw.trim().replace(/\s+/g, ' ');
  // Japanese and Spanish locales spell the meridiem differently or put it first (`午後 5:30:00`).
  s = s.replace(/\b([ap])\.\s?m\.?/gi, '$1m').replace(/(午前|午後)\s*([\d:]+)/, (_m, mer: string, t: string) => `${t} ${mer === '午後' ? 'pm' : 'am'}`);
  const m = DATE_RE.exec(s);
  if (!m) return null;
  return {
    a: m[1], b: m[2], c: m[3],
    hour: m[4] === undefined ? null : Number(m[4]),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    meridiem: (m[7]?.toLowerCase() as 'am' | 'pm' | undefined) ?? null,
  };
}

/** Decide d/m vs m/d once per file: any day > 12 settles it, otherwise the locale (12 h clock suggests en-US). */
export function inferDateOrder(samples: Iterable<string>, locale: string | null): DateOrder {
  let dmy = 0;
  let mdy = 0;
  let sawMeridiem = false;
  let sawYearFirst = false;
  for (const raw of samples) {
    const p = split(raw);
    if (!p) continue;
    if (p.meridiem) sawMeridiem = true;
    if (p.a.length === 4) {
      sawYearFirst = true;
      continue;
    }
    if (!/^\d+$/.test(p.b)) continue;
    if (Number(p.a) > 12) dmy++;
    if (Number(p.b) > 12) mdy++;
  }
  if (dmy !== mdy) return dmy > mdy ? 'dmy' : 'mdy';
  if (sawYearFirst || locale === 'ja') return 'ymd';
  if (locale && locale !== 'en') return 'dmy';
  return sawMeridiem ? 'mdy' : 'dmy';
}

/** Naive ISO date-time (or date) or null when unparseable / a "never" sentinel (1999-11-30 00:00). */
export function parseWindowsDate(raw: string | null | undefined, order: DateOrder): string | null {
  if (!raw) return null;
  const p = split(raw);
  if (!p) return null;
  let year: number;
  let month: number;
  let day: number;
  const monthName = /^\p{L}+$/u.test(p.b) ? MONTHS.indexOf(p.b.slice(0, 3).toLowerCase()) + 1 : null;
  if (monthName !== null) {
    if (monthName === 0) return null;
    [year, month, day] = p.a.length === 4 ? [Number(p.a), monthName, Number(p.c)] : [Number(p.c), monthName, Number(p.a)];
  } else if (p.a.length === 4 || order === 'ymd') {
    [year, month, day] = [Number(p.a), Number(p.b), Number(p.c)];
  } else {
    [year, month, day] = order === 'mdy' ? [Number(p.c), Number(p.a), Number(p.b)] : [Number(p.c), Number(p.b), Number(p.a)];
    // A single value that only fits the other order (13/02 in an en-US file) is still a date.
    if (month > 12 && day <= 12) [month, day] = [day, month];
  }
  if (year < 100) year += year < 70 ? 2000 : 1900;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (p.hour === null) return date;
  let hour = p.hour;
  if (p.meridiem === 'pm' && hour < 12) hour += 12;
  if (p.meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || p.minute > 59 || p.second > 59) return null;
  const iso = `${date}T${pad(hour)}:${pad(p.minute)}:${pad(p.second)}`;
  return iso === '1999-11-30T00:00:00' ? null : iso;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
