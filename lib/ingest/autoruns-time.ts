/**
 * Autoruns `Time` values (FORMATS.md §1.6): `-t` gives UTC `YYYYMMDD-hhmmss`; otherwise the collecting host's
 * short date/time format (`7/3/2025 2:16 AM`, Excel's `27/10/1909 11:12 am`, 24 h `13/02/2025 17:30`).
 * The value is the image's (PE link) time, not an install or collection time.
 */
import { BoundedCache } from './bounded-cache';

const UTC_T = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/;
const LOCALE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$/;

export type DayOrder = 'mdy' | 'dmy';

/**
 * Short dates are ambiguous per value but consistent per file, so the order is decided once per file:
 * any first part > 12 means day-first, any second part > 12 means month-first; en-US (autorunsc's most common
 * locale) wins when nothing decides it.
 */
export function inferDayOrder(values: Iterable<string>): DayOrder {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = LOCALE.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dmy = true;
    if (Number(m[2]) > 12) mdy = true;
  }
  return dmy && !mdy ? 'dmy' : 'mdy';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * ISO-8601 for a Time value, or null. `-t` values get a `Z`; locale values carry no offset (they are the
 * collecting host's local time, whose zone the file does not record), so they are written without one.
 */
export function parseAutorunsTime(raw: string, order: DayOrder = 'mdy'): string | null {
  const v = raw.trim();
  if (!v) return null;
  const t = UTC_T.exec(v);
  if (t) {
    const y = Number(t[1]);
    const mo = Number(t[2]);
    const d = Number(t[3]);
    const h = Number(t[4]);
    const mi = Number(t[5]);
    const s = Number(t[6]);
    if (!validDate(y, mo, d, h, mi, s)) return null;
    return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
  }
  const m = LOCALE.exec(v);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const [mo, d] = order === 'dmy' ? [b, a] : [a, b];
  const y = Number(m[3]);
  let h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] ? Number(m[6]) : 0;
  const ampm = m[7]?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (h < 1 || h > 12) return null;
    if (ampm === 'am' && h === 12) h = 0;
    else if (ampm === 'pm' && h !== 12) h += 12;
  }
  if (!validDate(y, mo, d, h, mi, s)) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/**
 * Times parsed before, per day order: image link times repeat across the rows of every host of a fleet, and a Map
 * lookup of the short raw value is ~30x cheaper than the regex, the date check and the formatting (0.4 of a 1,000-host
 * parse's 4 s). Real values are 15-22 characters; anything over 40 is junk that is not worth keeping.
 */
const parsedTimes = new BoundedCache<string | null>(400_000, 40);

export function cachedAutorunsTime(raw: string, order: DayOrder): string | null {
  const hit = parsedTimes.get(order, raw);
  if (hit !== undefined) return hit;
  const iso = parseAutorunsTime(raw, order);
  parsedTimes.set(order, raw, iso);
  return iso;
}
