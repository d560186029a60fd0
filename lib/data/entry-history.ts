import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';

/** One snapshot day of an entry's history; counts are hosts. */
export interface EntryDay {
  day: string;
  /** Hosts having it at the end of the day. */
  hosts: number;
  /** Hosts that ever had it by the end of the day: the spread curve. */
  cumulative: number;
  appeared: number;
  changed: number;
  disappeared: number;
  /** Imported task events (106/140/141/4698...) naming it on a host that had it. */
  events: number;
}

export interface TaskEvent {
  id: string;
  at: string;
  hostId: number;
  host: string;
  eventId: number;
  channel: string | null;
  taskName: string | null;
  user: string | null;
  message: string | null;
}

const MAX_DAYS = 180;

/**
 * Prevalence per snapshot day (the fleet's latest 180 collection days, UTC), computed from presence intervals: an
 * interval that opens where another of the same host closes is a change of variant, not an appearance.
 *
 * Every count is one pass over the entry's intervals grouped by day, then looked up per day. A count per day and
 * figure over the intervals (five distinct-host counts × 30 days) took 300 ms for an entry on all of 10,000 hosts.
 * "Hosts having it at the end of day d" is an interval with from_day <= d < until_day; a host can hold the entry in
 * two streams at once, so each host's covered days are merged first (gaps and islands) and the islands' ends
 * become +1/-1 steps whose running sum is the count. `steps` and `firsts` are MATERIALIZED: read once per day, they
 * were otherwise planned inline and rebuilt for each of the 30 days (320 ms of 730 at 10,000 hosts).
 */
export async function getEntryDays(entryId: number): Promise<EntryDay[]> {
  const rows = await db().$queryRaw<(Omit<EntryDay, 'day'> & { day: Date })[]>`
    WITH RECURSIVE collection_days(day) AS (
      -- Day by day backwards through the collected_at index (a probe per day): DISTINCT over every snapshot's day
      -- read all 20,000 snapshots of 10,000 hosts × 30 days (30 ms).
      SELECT date_trunc('day', max(collected_at), 'UTC') FROM snapshots
      UNION ALL
      SELECT (SELECT date_trunc('day', max(s.collected_at), 'UTC') FROM snapshots s WHERE s.collected_at < c.day)
      FROM collection_days c WHERE c.day IS NOT NULL
    ), days AS (
      SELECT day FROM collection_days WHERE day IS NOT NULL LIMIT ${MAX_DAYS}
    ), ep AS MATERIALIZED (
      SELECT host_id, from_at, until_at, date_trunc('day', from_at, 'UTC') AS from_day,
             coalesce(date_trunc('day', until_at, 'UTC'), 'infinity') AS until_day
      FROM presences WHERE entry_id = ${entryId}
    ), closes AS (SELECT DISTINCT host_id, until_at FROM ep WHERE until_at IS NOT NULL),
    opened AS (
      SELECT p.from_day AS day,
             count(DISTINCT p.host_id) FILTER (WHERE c.host_id IS NULL) AS appeared,
             count(DISTINCT p.host_id) FILTER (WHERE c.host_id IS NOT NULL) AS changed
      FROM ep p LEFT JOIN closes c ON c.host_id = p.host_id AND c.until_at = p.from_at GROUP BY 1
    ), gone AS (
      SELECT date_trunc('day', p.until_at, 'UTC') AS day, count(DISTINCT p.host_id) AS disappeared FROM ep p
      WHERE p.until_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ep q WHERE q.host_id = p.host_id AND q.from_at = p.until_at)
      GROUP BY 1
    ), spans AS (
      -- Island starts: a span that begins after every earlier span of its host has ended.
      SELECT host_id, from_day, until_day,
             CASE WHEN from_day <= max(until_day) OVER earlier THEN 0 ELSE 1 END AS starts
      FROM ep WHERE from_day < until_day
      WINDOW earlier AS (PARTITION BY host_id ORDER BY from_day, until_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ), islands AS (
      SELECT min(from_day) AS from_day, max(until_day) AS until_day FROM (
        SELECT host_id, from_day, until_day, sum(starts) OVER (PARTITION BY host_id ORDER BY from_day, until_day) AS island FROM spans) s
      GROUP BY host_id, island
    ), steps AS MATERIALIZED (
      SELECT day, sum(step) AS step FROM (
        SELECT from_day AS day, 1 AS step FROM islands
        UNION ALL SELECT until_day, -1 FROM islands WHERE until_day < 'infinity') s GROUP BY day
    ), firsts AS MATERIALIZED (
      SELECT first_day, count(*) AS n FROM (SELECT host_id, min(from_day) AS first_day FROM ep GROUP BY host_id) f GROUP BY 1
    ), ev AS (
      SELECT date_trunc('day', at, 'UTC') AS day, count(*) AS n FROM (${taskEventsSql(entryId)}) e GROUP BY 1
    )
    SELECT d.day,
      coalesce((SELECT sum(step) FROM steps WHERE steps.day <= d.day), 0)::int AS hosts,
      coalesce((SELECT sum(n) FROM firsts WHERE first_day <= d.day), 0)::int AS cumulative,
      coalesce(o.appeared, 0)::int AS appeared,
      coalesce(o.changed, 0)::int AS changed,
      coalesce(g.disappeared, 0)::int AS disappeared,
      coalesce(ev.n, 0)::int AS events
    FROM days d LEFT JOIN opened o ON o.day = d.day LEFT JOIN gone g ON g.day = d.day LEFT JOIN ev ON ev.day = d.day
    ORDER BY d.day`;
  return rows.map((r) => ({ ...r, day: r.day.toISOString().slice(0, 10) }));
}

/** Task events on hosts that ever had the entry, matched case-insensitively on any of its variants' task names. */
function taskEventsSql(entryId: number): Prisma.Sql {
  return Prisma.sql`
    SELECT he.id, he.at, he.host_id, he.event_id, he.channel, he.task_name, he.user, he.message FROM host_events he
    WHERE he.host_id IN (SELECT host_id FROM presences WHERE entry_id = ${entryId})
      AND lower(he.task_name) IN (SELECT lower(v.name) FROM variants v WHERE v.entry_id = ${entryId})`;
}

/** The newest imported task events naming the entry (capped at 200), for the timeline's list. */
export async function listEntryEvents(entryId: number): Promise<TaskEvent[]> {
  const rows = await db().$queryRaw<{ id: bigint; at: Date; host_id: number; host: string; event_id: number; channel: string | null; task_name: string | null; user: string | null; message: string | null }[]>`
    SELECT ev.*, h.name AS host FROM (${taskEventsSql(entryId)}) ev JOIN hosts h ON h.id = ev.host_id ORDER BY ev.at DESC LIMIT 200`;
  return rows.map(toTaskEvent);
}

export function toTaskEvent(r: { id: bigint; at: Date; host_id: number; host: string; event_id: number; channel: string | null; task_name: string | null; user: string | null; message: string | null }): TaskEvent {
  return { id: r.id.toString(), at: r.at.toISOString(), hostId: r.host_id, host: r.host, eventId: r.event_id, channel: r.channel, taskName: r.task_name, user: r.user, message: r.message };
}
