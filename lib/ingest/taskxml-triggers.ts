import { child, childElements, childText, textOf, toXml, type XElement } from './taskxml-tree';
import type { JobTrigger } from './types';

/** ISO-8601 duration (`PT5M`, `P1D`, `PT23H45M`) as words; unparseable values are returned as-is. */
export function formatDuration(iso: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso.trim());
  if (!m) return iso;
  const units = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
  const parts = m.slice(1).map((v, i) => (v && Number(v) !== 0 ? `${Number(v)} ${units[i]}${Number(v) === 1 ? '' : 's'}` : null));
  const words = parts.filter((p): p is string => p !== null);
  return words.length > 0 ? words.join(' ') : '0 seconds';
}

/** `2022-03-10T15:59:00.000-08:00` → `2022-03-10 15:59 -08:00`: boundaries without offset are host-local. */
export function formatBoundary(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso.trim());
  if (!m) return iso;
  return `${m[1]} ${m[2]}${m[3] ? ` ${m[3] === 'Z' ? 'UTC' : m[3]}` : ''}`;
}

const timeOfDay = (start: string | undefined) => (start ? /T(\d{2}:\d{2})/.exec(start)?.[1] : undefined);
const list = (el: XElement | undefined) => childElements(el).map((c) => c.name);
const ORDINAL: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', Last: 'last' };
const SESSION: Record<string, string> = {
  ConsoleConnect: 'On local connection to a user session',
  ConsoleDisconnect: 'On local disconnect from a user session',
  RemoteConnect: 'On remote connection to a user session',
  RemoteDisconnect: 'On remote disconnect from a user session',
  SessionLock: 'On workstation lock',
  SessionUnlock: 'On workstation unlock',
};

function months(el: XElement | undefined): string {
  const names = list(el);
  return names.length === 0 || names.length === 12 ? 'every month' : names.join(', ');
}

function calendar(el: XElement): { kind: string; text: string } {
  const at = timeOfDay(childText(el, 'StartBoundary'));
  const suffix = at ? ` at ${at}` : '';
  const byDay = child(el, 'ScheduleByDay');
  if (byDay) {
    const n = Number(childText(byDay, 'DaysInterval') ?? 1);
    return { kind: 'daily', text: `${n === 1 ? 'Every day' : `Every ${n} days`}${suffix}` };
  }
  const byWeek = child(el, 'ScheduleByWeek');
  if (byWeek) {
    const n = Number(childText(byWeek, 'WeeksInterval') ?? 1);
    const days = list(child(byWeek, 'DaysOfWeek')).join(', ');
    return { kind: 'weekly', text: `${n === 1 ? 'Every week' : `Every ${n} weeks`}${days ? ` on ${days}` : ''}${suffix}` };
  }
  const byMonth = child(el, 'ScheduleByMonth');
  if (byMonth) {
    const days = childElements(child(byMonth, 'DaysOfMonth'), 'Day').map((d) => textOf(d).trim());
    const which = new Set(days).size >= 31 ? 'Every day' : `On day ${days.join(', ') || '?'}`;
    return { kind: 'monthly', text: `${which} of ${months(child(byMonth, 'Months'))}${suffix}` };
  }
  const byDow = child(el, 'ScheduleByMonthDayOfWeek');
  if (byDow) {
    const weeks = childElements(child(byDow, 'Weeks'), 'Week').map((w) => ORDINAL[textOf(w).trim()] ?? textOf(w).trim());
    const days = list(child(byDow, 'DaysOfWeek')).join(', ');
    return { kind: 'monthly', text: `On the ${weeks.join(', ') || '?'} ${days || '?'} of ${months(child(byDow, 'Months'))}${suffix}` };
  }
  return { kind: 'calendar', text: `On a calendar schedule${suffix}` };
}

/** EventTrigger subscriptions are an escaped QueryList; pull out channel, provider and event id when present. */
function eventText(subscription: string): string {
  const path = /<Select\s+Path="([^"]+)"/.exec(subscription)?.[1];
  const provider = /Provider\[@Name='([^']+)'\]|Provider\/?@?Name\s*=\s*'([^']+)'|@Name='([^']+)'/.exec(subscription);
  const id = /EventID\s*=\s*'?(\d+)/.exec(subscription)?.[1];
  if (!path && !id) return `On an event matching ${subscription.replace(/\s+/g, ' ').slice(0, 200)}`;
  const providerName = provider ? provider[1] ?? provider[2] ?? provider[3] : undefined;
  return `On event${id ? ` ${id}` : ''}${providerName ? ` from ${providerName}` : ''}${path ? ` in ${path}` : ''}`;
}

function base(el: XElement): { kind: string; text: string } {
  const user = childText(el, 'UserId');
  switch (el.name) {
    case 'BootTrigger':
      return { kind: 'boot', text: 'At system startup' };
    case 'LogonTrigger':
      return { kind: 'logon', text: user ? `At logon of ${user}` : 'At logon of any user' };
    case 'IdleTrigger':
      return { kind: 'idle', text: 'When the computer is idle' };
    case 'RegistrationTrigger':
      return { kind: 'registration', text: 'When the task is created or modified' };
    case 'TimeTrigger': {
      const start = childText(el, 'StartBoundary');
      return { kind: 'time', text: start ? `One time at ${formatBoundary(start)}` : 'One time' };
    }
    case 'CalendarTrigger':
      return calendar(el);
    case 'EventTrigger':
      return { kind: 'event', text: eventText(childText(el, 'Subscription') ?? '') };
    case 'SessionStateChangeTrigger': {
      const change = childText(el, 'StateChange') ?? '';
      return { kind: 'session_state', text: `${SESSION[change] ?? `On session state change ${change}`.trim()}${user ? ` of ${user}` : ' of any user'}` };
    }
    case 'WnfStateChangeTrigger': {
      const data = childText(el, 'Data');
      return { kind: 'wnf', text: `On WNF state change ${childText(el, 'StateName') ?? '?'}${data ? ` (data ${data})` : ''}` };
    }
    default:
      // Unknown or future trigger kinds are kept, named after the element.
      return { kind: el.name.replace(/Trigger$/, '').toLowerCase() || 'unknown', text: `${el.name} (unrecognized trigger kind)` };
  }
}

export function describeTrigger(el: XElement): JobTrigger {
  const { kind, text } = base(el);
  const extra: string[] = [];
  const repetition = child(el, 'Repetition');
  const interval = childText(repetition, 'Interval');
  if (interval) {
    const duration = childText(repetition, 'Duration');
    extra.push(`repeating every ${formatDuration(interval)}${duration ? ` for ${formatDuration(duration)}` : ' indefinitely'}`);
  }
  const delay = childText(el, 'Delay');
  if (delay) extra.push(`delayed by ${formatDuration(delay)}`);
  const random = childText(el, 'RandomDelay');
  if (random) extra.push(`random delay up to ${formatDuration(random)}`);
  const end = childText(el, 'EndBoundary');
  if (end) extra.push(`until ${formatBoundary(end)}`);
  const enabled = childText(el, 'Enabled');
  return {
    kind,
    raw: toXml(el),
    text: [text, ...extra].join(', '),
    enabled: enabled === undefined ? true : enabled.toLowerCase() !== 'false',
  };
}
