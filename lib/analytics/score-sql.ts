import { Prisma } from '@/lib/generated/prisma/client';
import type { ScoreSettings } from './score-settings';

/**
 * The scored entry set as SQL: prevalence against the hosts reporting the family, newness against the fleet's
 * latest collection (not the wall clock, so old data scores as it did), drift against other commands under the
 * same name, heuristics and burst from entry_stats. Computed at query time from pre-aggregated rows so that
 * weights take effect at once and nothing goes stale when the fleet grows.
 */
export function scoredEntriesSql(s: ScoreSettings): Prisma.Sql {
  const w = s.weights;
  const total = Math.max(1, w.rarity + w.heuristics + w.newness + w.drift + w.burst);
  return Prisma.sql`
    WITH fleet AS (SELECT COALESCE(max(collected_at), now()) AS now FROM snapshots),
    fam AS (SELECT family, count(*)::int AS n FROM host_families GROUP BY family),
    base AS (
      SELECT e.id, e.key, e.family, e.name, e.command, e.executable, e.norm_name,
             st.hosts_now, st.hosts_ever, st.variants_now, st.new_since, st.burst_hosts, st.heuristic_score, st.heuristic_ids,
             st.first_seen_at, COALESCE(fam.n, 0) AS family_hosts,
             (sum(st.hosts_now) OVER (PARTITION BY e.family, e.norm_name))::int AS name_hosts
      FROM entries e JOIN entry_stats st ON st.entry_id = e.id LEFT JOIN fam ON fam.family = e.family
      WHERE st.hosts_now > 0
    ),
    parts AS (
      SELECT b.*,
        CASE WHEN b.family_hosts >= ${s.minFleet} AND b.family_hosts > 1
             THEN GREATEST(0, 1 - ln(GREATEST(b.hosts_now, 1)) / ln(b.family_hosts)) ELSE 0 END AS p_rarity,
        LEAST(b.heuristic_score::float8 / ${s.heuristicCap}, 1) AS p_heuristics,
        CASE WHEN b.new_since IS NOT NULL AND b.new_since > fleet.now - make_interval(days => ${s.newDays})
             THEN GREATEST(0, 1 - extract(epoch FROM fleet.now - b.new_since) / (${s.newDays} * 86400.0)) ELSE 0 END AS p_newness,
        CASE WHEN b.name_hosts > b.hosts_now THEN (b.name_hosts - b.hosts_now)::float8 / b.name_hosts
             WHEN b.variants_now > 1 THEN 0.5 ELSE 0 END AS p_drift,
        CASE WHEN b.burst_hosts >= ${s.burstHosts} THEN 1 ELSE 0 END AS p_burst,
        EXISTS (
          SELECT 1 FROM suppressions su WHERE (su.expires_at IS NULL OR su.expires_at > now()) AND (
            (su.kind = 'entry' AND (su.value = b.key OR su.value = b.id::text))
            OR (su.kind = 'signer' AND EXISTS (SELECT 1 FROM variants v WHERE v.entry_id = b.id AND v.signer = su.value))
            OR (su.kind = 'path' AND b.executable ILIKE replace(replace(su.value, '%', '\\%'), '*', '%'))
            OR (su.kind = 'label' AND NOT EXISTS (
                  SELECT 1 FROM presences p WHERE p.entry_id = b.id AND p.until_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM host_labels l WHERE l.host_id = p.host_id AND l.key || '=' || l.value = su.value))))
        ) AS is_suppressed
      FROM base b, fleet
    )
    SELECT parts.*, round((100.0 * (${w.rarity} * p_rarity + ${w.heuristics} * p_heuristics + ${w.newness} * p_newness
                        + ${w.drift} * p_drift + ${w.burst} * p_burst) / ${total})::numeric, 1)::float8 AS score,
           (SELECT now FROM fleet) AS fleet_now
    FROM parts`;
}
