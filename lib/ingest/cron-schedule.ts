import cronstrue from 'cronstrue';
import type { JobTrigger } from './types';

/** Macro → equivalent 5-field expression, so cronstrue can render the same wording for both. */
const MACRO_EXPR: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Human text for a cron expression or macro; null when cronstrue cannot render it (e.g. cronie `~`). */
export function describeCron(schedule: string): string | null {
  if (schedule === '@reboot') return 'At system startup';
  const expr = MACRO_EXPR[schedule] ?? schedule;
  try {
    return cronstrue.toString(expr, { use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch {
    return null;
  }
}

export function cronTrigger(schedule: string): JobTrigger {
  return { kind: schedule === '@reboot' ? 'reboot' : 'cron', raw: schedule, text: describeCron(schedule) };
}

/** anacron periods are "at most once per N days", not wall-clock times. */
const ANACRON_PERIOD: Record<string, string> = {
  '@daily': 'Once a day',
  '@weekly': 'Once a week',
  '@monthly': 'Once a month',
  '@yearly': 'Once a year',
  '@annually': 'Once a year',
};

export function anacronTrigger(period: string, delay: number): JobTrigger {
  const every = ANACRON_PERIOD[period] ?? (period === '1' ? 'Once a day' : `Once every ${period} days`);
  return { kind: 'anacron', raw: `${period} ${delay}`, text: `${every}, ${delay} min after anacron starts` };
}

const CTIME = /installed on (?:\w{3} )?(\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Debian spool header `installed on <ctime>`: ctime has no zone, so the ISO string gets no offset (host-local). */
export function parseInstalledOn(line: string): string | null {
  const m = CTIME.exec(line);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]) + 1;
  if (month === 0) return null;
  const pad = (s: string | number) => String(s).padStart(2, '0');
  return `${m[6]}-${pad(month)}-${pad(m[2])}T${m[3]}:${m[4]}:${m[5]}`;
}
