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
 */
export async function getEntryDays(entryId: number): Promise<EntryDay[]> {
  const rows = await db().$queryRaw<(Omit<EntryDay, 'day'> & { day: Date })[]>`
    WITH days AS (
      SELECT day, day + interval '1 day' AS next FROM (
        SELECT DISTINCT date_trunc('day', collected_at, 'UTC') AS day FROM snapshots ORDER BY 1 DESC LIMIT ${MAX_DAYS}) d
    ), ep AS MATERIALIZED (
      -- The entry's intervals compared among themselves (hash joins): a lookup per closed interval through the
      -- entry index read all the entry's intervals again each time (13 s at 10,000 hosts × 30 days).
      SELECT host_id, from_at, until_at FROM presences WHERE entry_id = ${entryId}
    ), p AS (
      SELECT p.host_id, p.from_at, p.until_at,
             EXISTS (SELECT 1 FROM ep q WHERE q.host_id = p.host_id AND q.until_at = p.from_at) AS is_change,
             p.until_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ep q WHERE q.host_id = p.host_id AND q.from_at = p.until_at) AS is_gone
      FROM ep p
    ), firsts AS (SELECT host_id, min(from_at) AS at FROM p GROUP BY host_id),
    ev AS (${taskEventsSql(entryId)})
    SELECT d.day,
      (SELECT count(DISTINCT host_id) FROM p WHERE p.from_at < d.next AND (p.until_at IS NULL OR p.until_at >= d.next))::int AS hosts,
      (SELECT count(*) FROM firsts f WHERE f.at < d.next)::int AS cumulative,
      (SELECT count(DISTINCT host_id) FROM p WHERE NOT p.is_change AND p.from_at >= d.day AND p.from_at < d.next)::int AS appeared,
      (SELECT count(DISTINCT host_id) FROM p WHERE p.is_change AND p.from_at >= d.day AND p.from_at < d.next)::int AS changed,
      (SELECT count(DISTINCT host_id) FROM p WHERE p.is_gone AND p.until_at >= d.day AND p.until_at < d.next)::int AS disappeared,
      (SELECT count(*) FROM ev WHERE ev.at >= d.day AND ev.at < d.next)::int AS events
    FROM days d ORDER BY d.day`;
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
