import { ParseError, type HostEventRecord, type ParseResult, type ParseWarning } from './types';

/** Task lifecycle events kept for timelines (FORMATS.md §7.1); 100/102/110/129 etc. are too noisy or redundant. */
export const TASK_EVENT_IDS = [106, 140, 141, 200, 201, 4698, 4699, 4700, 4701, 4702] as const;
const ID_SET = new Set<number>(TASK_EVENT_IDS);

export const EVENT_DESCRIPTIONS: Record<number, string> = {
  106: 'Task registered',
  140: 'Task updated',
  141: 'Task deleted',
  200: 'Task action started',
  201: 'Task action completed',
  4698: 'Scheduled task created',
  4699: 'Scheduled task deleted',
  4700: 'Scheduled task enabled',
  4701: 'Scheduled task disabled',
  4702: 'Scheduled task updated',
};

const TASK_CHANNEL = 'Microsoft-Windows-TaskScheduler/Operational';

/** One event as a producer read it, before time conversion and ID filtering. */
export interface EventCandidate {
  line: number | null;
  host: string | null;
  time: string | null;
  eventId: number | null;
  channel: string | null;
  taskName: string | null;
  user: string | null;
  message: string | null;
  raw: Record<string, string> | string;
}

export function clean(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' || t === '-' ? null : t;
}

/** hayabusa abbreviates channels (`Sec`, `TaskSch`); expand so timelines group with other producers. */
export function normalizeChannel(ch: string | null): string | null {
  if (!ch) return null;
  if (/^sec$/i.test(ch)) return 'Security';
  if (/^tasksch$/i.test(ch)) return TASK_CHANNEL;
  return ch;
}

/** Same ID in an unrelated log (e.g. 200 from another provider) must not become a task event. */
function channelFits(id: number, channel: string | null): boolean {
  if (!channel) return true;
  return id >= 4698 ? /security/i.test(channel) : /taskschedul/i.test(channel);
}

/** Task paths are keyed `\Folder\Name` elsewhere (osquery, task XML); events sometimes omit the leading `\`. */
export function normalizeTaskName(v: string | null): string | null {
  const t = v?.trim().replace(/^"(.*)"$/, '$1').trim();
  if (!t) return null;
  return t.startsWith('\\') ? t : `\\${t}`;
}

/** Pull a task name out of free text: `Task Name: \x`, `TaskName: \x`, `Task: \x`, or `task "\x"` in 106/140/141/200/201 messages. */
export function taskNameFromText(text: string | null): string | null {
  if (!text) return null;
  const labelled = /(?:^|[\r\n\t ]|¦)(?:Task ?Name|Task):[ \t]*([^\r\n¦]+)/i.exec(text);
  if (labelled) return normalizeTaskName(labelled[1]);
  const quotedTask = /\btask "([^"]+)"/i.exec(text);
  if (quotedTask) return normalizeTaskName(quotedTask[1]);
  // Localized messages: the only quoted value starting with a backslash is the task path.
  const anyPath = /"(\\[^"]+)"/.exec(text);
  return anyPath ? normalizeTaskName(anyPath[1]) : null;
}

const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/** `2021-01-27 03:15:12.1234567` (EvtxECmd, UTC) or `2021-06-11 06:21:26.383 +09:00` (hayabusa); no offset = UTC. */
export function isoLikeToUtc(v: string | null): string | null {
  const m = v ? ISO_LIKE.exec(v.trim()) : null;
  if (!m) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  let t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
  const off = m[8] && !/^(z|utc)$/i.test(m[8]) ? /([+-])(\d{2}):?(\d{2})/.exec(m[8]) : null;
  if (off) t -= (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) * 60_000;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * Get-WinEvent TimeCreated is written in the exporter's culture: `1/27/2021 3:15:12 AM`, `27.01.2021 03:15:12`,
 * `27/01/2021 03:15:12`. Day/month order: a part > 12 decides, else AM/PM implies US order, else day first.
 */
export function cultureTimeToIso(v: string | null): string | null {
  const iso = isoLikeToUtc(v);
  if (iso || !v) return iso;
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?$/i.exec(v.trim());
  if (!m) return null;
  const a = +m[1];
  const b = +m[3];
  const ampm = m[8]?.toLowerCase();
  const monthFirst = a > 12 ? false : b > 12 ? true : m[2] === '/' && !!ampm;
  const [month, day] = monthFirst ? [a, b] : [b, a];
  const year = m[4].length === 2 ? 2000 + +m[4] : +m[4];
  let hour = +m[5];
  if (ampm === 'p' && hour < 12) hour += 12;
  if (ampm === 'a' && hour === 12) hour = 0;
  const d = new Date(Date.UTC(year, month - 1, day, hour, +m[6], m[7] ? +m[7] : 0));
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== day ? null : d.toISOString();
}

/** Filters candidates to in-scope task events and builds the ParseResult with summary warnings. */
export class EventCollector {
  readonly events: HostEventRecord[] = [];
  readonly warnings: ParseWarning[] = [];
  private skipped = new Map<string, number>();
  private seen = 0;

  add(c: EventCandidate, toIso: (v: string | null) => string | null): void {
    if (c.eventId === null || !Number.isInteger(c.eventId)) {
      this.warnings.push({ line: c.line, message: 'Row has no numeric event ID; skipped' });
      return;
    }
    this.seen++;
    const channel = normalizeChannel(c.channel);
    if (!ID_SET.has(c.eventId) || !channelFits(c.eventId, channel)) {
      const key = ID_SET.has(c.eventId) ? `${c.eventId}@${channel}` : String(c.eventId);
      this.skipped.set(key, (this.skipped.get(key) ?? 0) + 1);
      return;
    }
    const at = toIso(c.time);
    if (!at) {
      this.warnings.push({ line: c.line, message: `Unreadable event time ${JSON.stringify(c.time ?? '')}; event ${c.eventId} skipped` });
      return;
    }
    this.events.push({
      host: c.host,
      at,
      eventId: c.eventId,
      channel,
      taskName: normalizeTaskName(c.taskName),
      user: c.user,
      message: c.message ?? EVENT_DESCRIPTIONS[c.eventId] ?? null,
      raw: c.raw,
    });
  }

  finish(producer: string, extraWarnings: ParseWarning[] = []): ParseResult {
    const skippedTotal = [...this.skipped.values()].reduce((a, b) => a + b, 0);
    const summary: ParseWarning[] = [];
    if (skippedTotal > 0) {
      const list = [...this.skipped].map(([k, n]) => `${k} (${n})`).join(', ');
      summary.push({ message: `Skipped ${skippedTotal} event(s) that are not task lifecycle events: ${list}` });
    }
    if (this.events.length === 0) {
      const why = this.seen === 0 ? 'no readable event rows' : `none of ${this.seen} event(s) has ID ${TASK_EVENT_IDS.join(', ')}`;
      throw new ParseError(`No Task Scheduler / Security task events in this ${producer} export (${why})`);
    }
    const hosts = new Set(this.events.map((e) => e.host).filter((h): h is string => !!h));
    return {
      format: 'task_events',
      records: [],
      events: this.events,
      warnings: [...this.warnings, ...extraWarnings, ...summary],
      host: hosts.size === 1 ? [...hosts][0] : null,
      // Event times are activity, not collection time (FORMATS §0.3).
      collectedAt: null,
      os: 'windows',
    };
  }
}
