import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { scoredEntriesSql } from '@/lib/analytics/score-sql';
import type { ScoreReason } from '@/lib/analytics/score-reasons';
import type { HostDetailSearch, HostEntrySort } from '@/lib/validation/host-detail';
import { toOutlierRow, type ScoredRow } from './outliers';
import { getScoreSettings } from './settings';

export interface HostEntryRow {
  id: number;
  family: string;
  name: string;
  command: string;
  /** Fleet-wide entry score; null when no host has the entry any more (a past `at`). */
  score: number | null;
  /** The entry score with newness measured on this host: a fleet-old entry that just arrived here scores higher. */
  hostScore: number | null;
  reasons: ScoreReason[];
  /** When this host first had it, and whether that was its first snapshot of the source (baseline). */
  firstSeenHere: string;
  isBaseline: boolean;
  isOnlyHere: boolean;
  isNewHere: boolean;
}

/** Sorting the page before scoring: the same keys as ORDER, on the unscored rows. */
const PAGE_ORDER: Record<Exclude<HostEntrySort, 'score'>, Prisma.Sql> = {
  name: Prisma.sql`name`,
  fromAt: Prisma.sql`first_here`,
};

const ORDER: Record<HostEntrySort, Prisma.Sql> = {
  score: Prisma.sql`host_score`,
  name: Prisma.sql`e_name`,
  fromAt: Prisma.sql`first_here`,
};

type Row = Partial<ScoredRow> & {
  e_id: number; e_family: string; e_name: string; e_command: string; first_here: Date; baseline_here: boolean;
  host_newness: number; host_score: number | null; hosts_here: number;
};

/**
 * One page of the entries a host has now, or had at `at` (one query over its presence intervals), each with the
 * fleet score and the per-host score; sorted by per-host score by default.
 *
 * Scoring is scoped to ids fixed beforehand: sorted by name or first seen, the page is picked without scores and
 * only its rows are scored; sorted by score, the host's matching entries are scored (the rank needs every score)
 * and nothing else in the fleet. The ids go in as an array: scoring with the presence subquery as the scope made
 * the planner re-run it per row (11 s for a 1,360-entry host; 0.1 s this way).
 */
export async function listHostEntries(hostId: number, s: HostDetailSearch): Promise<{ rows: HostEntryRow[]; total: number }> {
  const settings = await getScoreSettings();
  const w = settings.weights;
  // Same denominator as scoredEntriesSql: every weight there is, whatever parts the score has.
  const weightSum = Math.max(1, Object.values(w).reduce((a, b) => a + b, 0));
  const at = s.at ? new Date(s.at) : null;
  const when = at ? Prisma.sql`p.from_at <= ${at} AND (p.until_at IS NULL OR p.until_at > ${at})` : Prisma.sql`p.until_at IS NULL`;
  const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const search = s.q ? Prisma.sql`AND (e.name ILIKE ${like} OR e.command ILIKE ${like})` : Prisma.empty;
  const dir = s.sort.desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const offset = (s.page - 1) * s.size;
  // The host's matching entries, and when it first had each, cost no scoring; the scored query gets fixed ids.
  const here = Prisma.sql`
    SELECT e.id, e.name, (SELECT min(p2.from_at) FROM presences p2 WHERE p2.host_id = ${hostId} AND p2.entry_id = e.id) AS first_here
    FROM entries e WHERE e.id IN (SELECT p.entry_id FROM presences p WHERE p.host_id = ${hostId} AND ${when}) ${search}`;
  const pageSort = s.sort.id === 'score' ? null : s.sort.id;
  const isScoreSort = pageSort === null;
  const [picked, totals] = await Promise.all([
    pageSort
      ? db().$queryRaw<{ id: number }[]>`SELECT id FROM (${here}) x ORDER BY ${PAGE_ORDER[pageSort]} ${dir}, id LIMIT ${s.size} OFFSET ${offset}`
      : db().$queryRaw<{ id: number }[]>`SELECT id FROM (${here}) x`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${here}) x`,
  ]);
  const total = totals[0]?.n ?? 0;
  const ids = picked.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total };
  const scope = Prisma.sql`SELECT unnest(${ids}::int[])`;
  const rows = await db().$queryRaw<Row[]>`
    WITH fleet AS (SELECT COALESCE(max(collected_at), now()) AS now FROM snapshots),
    hist AS (
      SELECT p.entry_id, min(p.from_at) AS first_here, bool_or(p.is_baseline) AS baseline_here
      FROM presences p WHERE p.host_id = ${hostId} AND p.entry_id = ANY(${ids}::int[]) GROUP BY p.entry_id
    ), rows AS (
      SELECT sc.*, e.id AS e_id, e.family AS e_family, e.name AS e_name, e.command AS e_command,
             h.first_here, h.baseline_here, COALESCE(sc.hosts_now, 0) AS hosts_here,
             CASE WHEN NOT h.baseline_here AND h.first_here > fleet.now - make_interval(days => ${settings.newDays})
                  THEN GREATEST(0, 1 - extract(epoch FROM fleet.now - h.first_here) / (${settings.newDays} * 86400.0)) ELSE 0 END AS host_newness
      FROM hist h JOIN entries e ON e.id = h.entry_id CROSS JOIN fleet
      LEFT JOIN (${scoredEntriesSql(settings, scope)}) sc ON sc.id = h.entry_id
    )
    SELECT rows.*, round((score + 100.0 * ${w.newness} / ${weightSum} * GREATEST(0, host_newness - p_newness))::numeric, 1)::float8 AS host_score
    FROM rows ORDER BY ${ORDER[s.sort.id]} ${dir}, e_id LIMIT ${s.size} OFFSET ${isScoreSort ? offset : 0}`;
  return { rows: rows.map(toHostEntryRow), total };
}

function toHostEntryRow(r: Row): HostEntryRow {
  const scored = r.id !== null && r.id !== undefined ? toOutlierRow(r as ScoredRow) : null;
  return {
    id: r.e_id,
    family: r.e_family,
    name: r.e_name,
    command: r.e_command,
    score: scored?.score ?? null,
    hostScore: r.host_score,
    reasons: scored?.reasons ?? [],
    firstSeenHere: r.first_here.toISOString(),
    isBaseline: r.baseline_here,
    isOnlyHere: r.hosts_here === 1,
    isNewHere: r.host_newness > 0,
  };
}
