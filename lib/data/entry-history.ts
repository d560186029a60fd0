import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { countEntryDays } from './entry-days';

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
 * Prevalence per snapshot day (the fleet's latest 180 collection days, UTC), from the entry's presence intervals:
 * one statement reads the days, the intervals with what their ends mean and the task events per day;
 * countEntryDays counts. The intervals travel as comma-separated integers: 10,000 rows as objects, or the same as
 * PostgreSQL arrays (parsed character by character in the driver), cost the page more than the counting.
 */
export async function getEntryDays(entryId: number): Promise<EntryDay[]> {
  const [r] = await db().$queryRaw<{ days: string | null; hosts: string | null; froms: string | null; untils: string | null; event_days: string | null; event_counts: string | null }[]>`
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
      SELECT host_id, from_at, until_at FROM presences WHERE entry_id = ${entryId}
    ), ev AS (
      SELECT date_trunc('day', at, 'UTC') AS day, count(*)::int AS n FROM (${taskEventsSql(entryId)}) e GROUP BY 1
    )
    -- Each end's day doubled, plus 1 when the end is a variant change (opening) or a disappearance (closing).
    SELECT (SELECT string_agg(${utcDay(Prisma.sql`day`)}::text, ',' ORDER BY day) FROM days) AS days,
           string_agg(p.host_id::text, ',') AS hosts,
           string_agg((${utcDay(Prisma.sql`p.from_at`)} * 2 + (EXISTS (SELECT 1 FROM ep q WHERE q.host_id = p.host_id AND q.until_at = p.from_at))::int)::text, ',') AS froms,
           string_agg(coalesce(${utcDay(Prisma.sql`p.until_at`)} * 2 + (NOT EXISTS (SELECT 1 FROM ep q WHERE q.host_id = p.host_id AND q.from_at = p.until_at))::int, -1)::text, ',') AS untils,
           (SELECT string_agg(${utcDay(Prisma.sql`day`)}::text, ',') FROM ev) AS event_days,
           (SELECT string_agg(n::text, ',') FROM ev) AS event_counts
    FROM ep p`;
  const ints = (s: string | null | undefined) => (s ? s.split(',').map(Number) : []);
  const [froms, untils] = [ints(r?.froms), ints(r?.untils)];
  const intervals = ints(r?.hosts).map((hostId, i) => {
    const until = untils[i]!;
    return { hostId, fromDay: froms[i]! >> 1, isChange: (froms[i]! & 1) === 1, untilDay: until < 0 ? null : until >> 1, isGone: until >= 0 && (until & 1) === 1 };
  });
  const eventCounts = ints(r?.event_counts);
  const events = new Map(ints(r?.event_days).map((day, i) => [day, eventCounts[i]!]));
  return countEntryDays(intervals, ints(r?.days)).map((d) => ({
    ...d,
    day: new Date(d.day * 86_400_000).toISOString().slice(0, 10),
    events: events.get(d.day) ?? 0,
  }));
}

/** A timestamp's UTC day as days since 1970-01-01 (an int, which travels cheaper than a time). */
function utcDay(at: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${at} AT TIME ZONE 'UTC')::date - date '1970-01-01')`;
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
