import cronstrue from 'cronstrue';
import type { JobTrigger } from './types';

/** Plist values after parsing: XML (`plist`) and binary (`bplist-parser`) both give plain JS values. */
export type PlistDict = { [key: string]: unknown };

export const isDict = (v: unknown): v is PlistDict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);

function humanSeconds(n: number): string {
  const units: [number, string][] = [[86_400, 'day'], [3600, 'hour'], [60, 'minute']];
  for (const [size, name] of units) {
    if (n >= size && n % size === 0) return n === size ? name : `${n / size} ${name}s`;
  }
  return n === 1 ? 'second' : `${n} seconds`;
}

const CAL_KEYS = ['Minute', 'Hour', 'Day', 'Month', 'Weekday'] as const;

/** launchd treats a missing calendar key as a wildcard, exactly like `*` in cron (launchd.plist(5)). */
function calendarTrigger(entry: unknown): JobTrigger {
  const d = isDict(entry) ? entry : {};
  const raw = Object.entries(d).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  const expr = CAL_KEYS.map((k) => (typeof d[k] === 'number' ? String(d[k]) : '*')).join(' ');
  let text: string | null;
  try {
    text = cronstrue.toString(expr, { use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch {
    text = null;
  }
  return { kind: 'calendar', raw: `StartCalendarInterval ${raw || '{}'}`.trim(), text };
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/**
 * Everything that starts the job. StartInterval/StartCalendarInterval are time schedules (T1053);
 * RunAtLoad/KeepAlive are boot/login persistence (T1543), kept as triggers so both show up.
 */
export function launchdTriggers(job: PlistDict): JobTrigger[] {
  const triggers: JobTrigger[] = [];
  const interval = job.StartInterval;
  if (typeof interval === 'number') {
    triggers.push({ kind: 'interval', raw: `StartInterval=${interval}`, text: `Every ${humanSeconds(interval)}` });
  }
  const cal = job.StartCalendarInterval;
  if (cal !== undefined) for (const entry of Array.isArray(cal) ? cal : [cal]) triggers.push(calendarTrigger(entry));
  if (job.RunAtLoad === true) triggers.push({ kind: 'load', raw: 'RunAtLoad=true', text: 'When loaded (at boot or login)' });
  if (job.KeepAlive === true) {
    triggers.push({ kind: 'keepalive', raw: 'KeepAlive=true', text: 'Kept running: restarted whenever it exits' });
  } else if (isDict(job.KeepAlive)) {
    const conds = Object.keys(job.KeepAlive);
    triggers.push({ kind: 'keepalive', raw: `KeepAlive=${JSON.stringify(job.KeepAlive)}`, text: `Kept running while: ${conds.join(', ')}` });
  } else if (job.OnDemand === false) {
    triggers.push({ kind: 'keepalive', raw: 'OnDemand=false', text: 'Kept running (deprecated OnDemand=false)' });
  }
  const watch = list(job.WatchPaths);
  if (watch.length) triggers.push({ kind: 'watch', raw: `WatchPaths=${watch.join(',')}`, text: `When ${watch.join(', ')} changes` });
  const queues = list(job.QueueDirectories);
  if (queues.length) triggers.push({ kind: 'watch', raw: `QueueDirectories=${queues.join(',')}`, text: `When files appear in ${queues.join(', ')}` });
  if (job.StartOnMount === true) triggers.push({ kind: 'mount', raw: 'StartOnMount=true', text: 'When a filesystem is mounted' });
  const demand = ['Sockets', 'MachServices'].filter((k) => isDict(job[k]));
  if (demand.length) triggers.push({ kind: 'demand', raw: demand.join(','), text: `On demand (${demand.join(', ')})` });
  return triggers;
}
