import 'server-only';
import { db } from '@/lib/db/client';
import { scoredEntriesSql } from '@/lib/analytics/score-sql';
import { getScoreSettings } from './settings';

export interface FleetSummary {
  hosts: number;
  entries: number;
  snapshots: number;
  newEntries7d: number;
  outliers: number;
  /** The fleet's latest collection time: "today" for every relative figure. */
  fleetNow: string | null;
}

export interface CoverageRow {
  source: string;
  fresh: number;
  stale: number;
  old: number;
  /** Hosts of an OS family that reports this source elsewhere, with no snapshot of it at all. */
  missing: number;
}

export interface TriageBacklog {
  byState: { state: string; count: number }[];
  /** Not closed and past the due date its SLA gave it. */
  overdue: number;
  unassigned: number;
}

export interface OverviewSeries {
  newEntriesPerDay: { label: string; value: number }[];
  newOutliersPerDay: { label: string; value: number }[];
  prevalence: { label: string; value: number }[];
}

const DAYS = 30;

export async function getFleetSummary(): Promise<FleetSummary> {
  const settings = await getScoreSettings();
  const [row] = await db().$queryRaw<(Omit<FleetSummary, 'fleetNow'> & { fleetNow: Date | null })[]>`
    WITH fleet AS (SELECT max(collected_at) AS now FROM snapshots)
    SELECT (SELECT count(*)::int FROM hosts) AS hosts,
           (SELECT count(*)::int FROM entry_stats WHERE hosts_now > 0) AS entries,
           (SELECT count(*)::int FROM snapshots) AS snapshots,
           (SELECT count(*)::int FROM entry_stats, fleet WHERE new_since > fleet.now - interval '7 days') AS "newEntries7d",
           (SELECT count(*)::int FROM (${scoredEntriesSql(settings)}) s WHERE s.score >= ${settings.outlierThreshold} AND NOT s.is_suppressed) AS outliers,
           (SELECT now FROM fleet) AS "fleetNow"`;
  return { ...row, fleetNow: row.fleetNow?.toISOString() ?? null };
}

/**
 * Per source: hosts whose latest snapshot is fresh (≤ 1 day behind the fleet), stale (≤ 7 days) or old, and hosts
 * that never sent it although hosts of their OS family do (a Windows host without Autoruns is a blind spot).
 */
export async function getCoverage(): Promise<CoverageRow[]> {
  return db().$queryRaw<CoverageRow[]>`
    WITH fleet AS (SELECT max(COALESCE(confirmed_at, collected_at)) AS now FROM snapshots),
    latest AS (SELECT host_id, source, max(COALESCE(confirmed_at, collected_at)) AS at FROM snapshots GROUP BY host_id, source),
    reported AS (SELECT DISTINCT l.source, h.os_family FROM latest l JOIN hosts h ON h.id = l.host_id WHERE h.os_family IS NOT NULL),
    missing AS (SELECT r.source, count(*)::int AS n FROM reported r JOIN hosts h ON h.os_family = r.os_family
                WHERE NOT EXISTS (SELECT 1 FROM latest l WHERE l.host_id = h.id AND l.source = r.source) GROUP BY r.source)
    SELECT l.source,
           count(*) FILTER (WHERE l.at >= fleet.now - interval '1 day')::int AS fresh,
           count(*) FILTER (WHERE l.at < fleet.now - interval '1 day' AND l.at >= fleet.now - interval '7 days')::int AS stale,
           count(*) FILTER (WHERE l.at < fleet.now - interval '7 days')::int AS old,
           COALESCE((SELECT n FROM missing m WHERE m.source = l.source), 0) AS missing
    FROM latest l, fleet GROUP BY l.source ORDER BY l.source`;
}

/** Triage items by state, with the overdue and unassigned open ones: the backlog a manager watches. */
export async function getTriageBacklog(): Promise<TriageBacklog> {
  const [byState, [open]] = await Promise.all([
    db().$queryRaw<{ state: string; count: number }[]>`SELECT state, count(*)::int AS count FROM triage_items GROUP BY state`,
    db().$queryRaw<{ overdue: number; unassigned: number }[]>`
      SELECT count(*) FILTER (WHERE due_at < now())::int AS overdue, count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned
      FROM triage_items WHERE state <> 'closed'`,
  ]);
  return { byState, overdue: open?.overdue ?? 0, unassigned: open?.unassigned ?? 0 };
}

/** Daily series over the last 30 days of collection, and the long tail of prevalence. */
export async function getOverviewSeries(): Promise<OverviewSeries> {
  const settings = await getScoreSettings();
  const [perDay, outliers, prevalence] = await Promise.all([
    db().$queryRaw<{ label: string; value: number }[]>`
      WITH fleet AS (SELECT COALESCE(max(collected_at), now()) AS now FROM snapshots),
      days AS (SELECT generate_series(date_trunc('day', fleet.now) - ${DAYS - 1} * interval '1 day', date_trunc('day', fleet.now), interval '1 day') AS d FROM fleet)
      SELECT to_char(days.d, 'MM-DD') AS label, count(st.entry_id)::int AS value
      FROM days LEFT JOIN entry_stats st ON date_trunc('day', st.new_since) = days.d
      GROUP BY days.d ORDER BY days.d`,
    db().$queryRaw<{ label: string; value: number }[]>`
      WITH fleet AS (SELECT COALESCE(max(collected_at), now()) AS now FROM snapshots),
      days AS (SELECT generate_series(date_trunc('day', fleet.now) - ${DAYS - 1} * interval '1 day', date_trunc('day', fleet.now), interval '1 day') AS d FROM fleet),
      scored AS (SELECT new_since FROM (${scoredEntriesSql(settings)}) s WHERE s.score >= ${settings.outlierThreshold} AND NOT s.is_suppressed)
      SELECT to_char(days.d, 'MM-DD') AS label, count(scored.new_since)::int AS value
      FROM days LEFT JOIN scored ON date_trunc('day', scored.new_since) = days.d
      GROUP BY days.d ORDER BY days.d`,
    db().$queryRaw<{ label: string; value: number }[]>`
      WITH buckets(label, lo, hi, ord) AS (VALUES ('1 host', 1, 1, 1), ('2–5', 2, 5, 2), ('6–20', 6, 20, 3),
                                               ('21–100', 21, 100, 4), ('101–1000', 101, 1000, 5), ('> 1000', 1001, 2147483647, 6))
      SELECT b.label, count(st.entry_id)::int AS value
      FROM buckets b LEFT JOIN entry_stats st ON st.hosts_now BETWEEN b.lo AND b.hi
      GROUP BY b.label, b.ord ORDER BY b.ord`,
  ]);
  return { newEntriesPerDay: perDay, newOutliersPerDay: outliers, prevalence };
}
