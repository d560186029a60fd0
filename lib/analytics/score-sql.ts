import { Prisma } from '@/lib/generated/prisma/client';
import type { ScoreSettings } from './score-settings';

/**
 * The scored entry set as SQL: prevalence against the hosts reporting the family, newness against the fleet's
 * latest collection (not the wall clock, so old data scores as it did), drift against other commands under the
 * same name, heuristics and burst from entry_stats. Computed at query time from pre-aggregated rows so that
 * weights take effect at once and nothing goes stale when the fleet grows. Peer deviation compares the entry's
 * share of hosts across the groups of one label key (role=build vs role=workstation) from entry_peer_counts, which
 * label edits adjust in their own transaction. A common entry in a rare flagged state (a security task disabled on
 * one host) gets its rarity from the hosts in that state and a state drift from the hosts enabled.
 */
export function scoredEntriesSql(s: ScoreSettings, scope?: Prisma.Sql): Prisma.Sql {
  const w = s.weights;
  // `scope` (a subquery of entry ids) scores only those entries and their same-name siblings (drift needs them):
  // an entry or host page then costs a few rows instead of the whole fleet.
  const inScope = scope ? Prisma.sql`AND (e.family, e.norm_name) IN (SELECT e2.family, e2.norm_name FROM entries e2 WHERE e2.id IN (${scope}))` : Prisma.empty;
  const total = Math.max(1, w.rarity + w.heuristics + w.newness + w.drift + w.burst + w.peer);
  return Prisma.sql`
    WITH fleet AS (SELECT COALESCE(max(collected_at), now()) AS now FROM snapshots),
    fam AS (SELECT family, count(*)::int AS n FROM host_families GROUP BY family),
    base AS (
      SELECT e.id, e.key, e.family, e.name, e.command, e.executable, e.norm_name,
             st.hosts_now, st.hosts_ever, st.variants_now, st.new_since, st.burst_hosts, st.heuristic_score, st.heuristic_ids,
             st.hit_hosts, st.disabled_hosts,
             st.first_seen_at, COALESCE(fam.n, 0) AS family_hosts,
             (sum(st.hosts_now) OVER (PARTITION BY e.family, e.norm_name))::int AS name_hosts,
             -- Rarity counts the hosts with the flagged variant when a heuristic flags only some of them.
             CASE WHEN st.heuristic_score > 0 AND st.hit_hosts > 0 THEN LEAST(st.hosts_now, st.hit_hosts) ELSE st.hosts_now END AS rare_hosts
      FROM entries e JOIN entry_stats st ON st.entry_id = e.id LEFT JOIN fam ON fam.family = e.family
      WHERE st.hosts_now > 0 ${inScope}
    ),
    peer_groups AS (
      SELECT hf.family, l.key, l.value, count(*)::int AS n
      FROM host_families hf JOIN host_labels l ON l.host_id = hf.host_id
      GROUP BY hf.family, l.key, l.value HAVING count(*) >= ${s.peerMinGroup}
    ),
    peer_have AS (
      -- Pre-aggregated per label group (entry_peer_counts). An entry on one host cannot be common elsewhere, so
      -- those (most of a fleet's oddities) are skipped.
      SELECT c.entry_id, b.family, c.key, c.value, c.hosts AS have
      FROM base b JOIN entry_peer_counts c ON c.entry_id = b.id WHERE b.hosts_now > 1
    ),
    peer_keys AS (
      SELECT h.entry_id, h.key, max(h.have::float8 / g.n) - min(h.have::float8 / g.n) AS dev,
             (array_agg(h.value ORDER BY h.have::float8 / g.n, h.value))[1] AS low_value,
             (array_agg(h.have ORDER BY h.have::float8 / g.n, h.value))[1] AS low_have,
             (array_agg(g.n ORDER BY h.have::float8 / g.n, h.value))[1] AS low_n,
             (array_agg(h.value ORDER BY h.have::float8 / g.n DESC, h.value))[1] AS high_value,
             (array_agg(h.have ORDER BY h.have::float8 / g.n DESC, h.value))[1] AS high_have,
             (array_agg(g.n ORDER BY h.have::float8 / g.n DESC, h.value))[1] AS high_n
      FROM peer_have h JOIN peer_groups g ON (g.family, g.key, g.value) = (h.family, h.key, h.value)
      GROUP BY h.entry_id, h.key
    ),
    peer AS (
      SELECT DISTINCT ON (entry_id) * FROM peer_keys WHERE dev > 0 ORDER BY entry_id, dev DESC, key
    ),
    parts AS (
      SELECT b.*, pe.key AS peer_key, pe.low_value AS peer_low_value, pe.low_have AS peer_low_have, pe.low_n AS peer_low_n,
        pe.high_value AS peer_high_value, pe.high_have AS peer_high_have, pe.high_n AS peer_high_n, COALESCE(pe.dev, 0) AS p_peer,
        CASE WHEN b.family_hosts >= ${s.minFleet} AND b.family_hosts > 1
             THEN GREATEST(0, 1 - ln(GREATEST(b.rare_hosts, 1)) / ln(b.family_hosts)) ELSE 0 END AS p_rarity,
        LEAST(b.heuristic_score::float8 / ${s.heuristicCap}, 1) AS p_heuristics,
        CASE WHEN b.new_since IS NOT NULL AND b.new_since > fleet.now - make_interval(days => ${s.newDays})
             THEN GREATEST(0, 1 - extract(epoch FROM fleet.now - b.new_since) / (${s.newDays} * 86400.0))::float8 ELSE 0 END AS p_newness,
        CASE WHEN b.name_hosts > b.hosts_now THEN (b.name_hosts - b.hosts_now)::float8 / b.name_hosts
             WHEN b.disabled_hosts > 0 AND 2 * b.disabled_hosts < b.hosts_now THEN (b.hosts_now - b.disabled_hosts)::float8 / b.hosts_now
             WHEN b.variants_now > 1 THEN 0.5 ELSE 0 END AS p_drift,
        CASE WHEN b.burst_hosts >= ${s.burstHosts} THEN 1 ELSE 0 END AS p_burst,
        EXISTS (
          SELECT 1 FROM suppressions su WHERE (su.expires_at IS NULL OR su.expires_at > now()) AND (
            (su.kind = 'entry' AND (su.value = b.key OR su.value = b.id::text))
            OR (su.kind = 'signer' AND EXISTS (SELECT 1 FROM variants v WHERE v.entry_id = b.id AND v.signer = su.value))
            -- Windows paths are full of backslashes, LIKE's escape character: escape it, % and _ before * becomes %.
            OR (su.kind = 'path' AND b.executable ILIKE replace(regexp_replace(su.value, '([\\\\%_])', '\\\\\\1', 'g'), '*', '%'))
            OR (su.kind = 'label' AND NOT EXISTS (
                  SELECT 1 FROM presences p WHERE p.entry_id = b.id AND p.until_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM host_labels l WHERE l.host_id = p.host_id AND l.key || '=' || l.value = su.value))))
        ) AS is_suppressed
      FROM base b CROSS JOIN fleet LEFT JOIN peer pe ON pe.entry_id = b.id
    )
    SELECT parts.*, round((100.0 * (${w.rarity} * p_rarity + ${w.heuristics} * p_heuristics + ${w.newness} * p_newness
                        + ${w.drift} * p_drift + ${w.burst} * p_burst + ${w.peer} * p_peer) / ${total})::numeric, 1)::float8 AS score,
           (SELECT now FROM fleet) AS fleet_now
    FROM parts`;
}
