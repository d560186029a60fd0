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
 */
export async function listHostEntries(hostId: number, s: HostDetailSearch): Promise<{ rows: HostEntryRow[]; total: number }> {
  const settings = await getScoreSettings();
  const w = settings.weights;
  // Same denominator as scoredEntriesSql: every weight there is, whatever parts the score has.
  const total = Math.max(1, Object.values(w).reduce((a, b) => a + b, 0));
  const at = s.at ? new Date(s.at) : null;
  const when = at ? Prisma.sql`p.from_at <= ${at} AND (p.until_at IS NULL OR p.until_at > ${at})` : Prisma.sql`p.until_at IS NULL`;
  const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const search = s.q ? Prisma.sql`AND (e.name ILIKE ${like} OR e.command ILIKE ${like})` : Prisma.empty;
  const here = Prisma.sql`
    SELECT p.entry_id FROM presences p JOIN entries e ON e.id = p.entry_id WHERE p.host_id = ${hostId} AND ${when} ${search} GROUP BY p.entry_id`;
  const dir = s.sort.desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const [rows, totals] = await Promise.all([
    db().$queryRaw<Row[]>`
      WITH fleet AS (SELECT COALESCE(max(collected_at), now()) AS now FROM snapshots),
      hist AS (
        SELECT p.entry_id, min(p.from_at) AS first_here, bool_or(p.is_baseline) AS baseline_here
        FROM presences p WHERE p.host_id = ${hostId} AND p.entry_id IN (${here}) GROUP BY p.entry_id
      ), rows AS (
        SELECT sc.*, e.id AS e_id, e.family AS e_family, e.name AS e_name, e.command AS e_command,
               h.first_here, h.baseline_here, COALESCE(sc.hosts_now, 0) AS hosts_here,
               CASE WHEN NOT h.baseline_here AND h.first_here > fleet.now - make_interval(days => ${settings.newDays})
                    THEN GREATEST(0, 1 - extract(epoch FROM fleet.now - h.first_here) / (${settings.newDays} * 86400.0)) ELSE 0 END AS host_newness
        FROM hist h JOIN entries e ON e.id = h.entry_id CROSS JOIN fleet
        LEFT JOIN (${scoredEntriesSql(settings, here)}) sc ON sc.id = h.entry_id
      )
      SELECT rows.*, round((score + 100.0 * ${w.newness} / ${total} * GREATEST(0, host_newness - p_newness))::numeric, 1)::float8 AS host_score
      FROM rows ORDER BY ${ORDER[s.sort.id]} ${dir}, e_id LIMIT ${s.size} OFFSET ${(s.page - 1) * s.size}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${here}) x`,
  ]);
  return { rows: rows.map(toHostEntryRow), total: totals[0]?.n ?? 0 };
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
