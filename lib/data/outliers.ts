import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { scoredEntriesSql } from '@/lib/analytics/score-sql';
import { scoreReasons, type PeerFacts, type ScoreParts, type ScoreReason } from '@/lib/analytics/score-reasons';
import type { OutlierSearch, OutlierSort } from '@/lib/validation/outliers';
import { getScoreSettings } from './settings';

export interface OutlierRow {
  id: number;
  family: string;
  name: string;
  command: string;
  score: number;
  parts: ScoreParts;
  reasons: ScoreReason[];
  hostsNow: number;
  familyHosts: number;
  newSince: string | null;
  firstSeenAt: string;
  isSuppressed: boolean;
}

export interface OutlierPage {
  rows: OutlierRow[];
  total: number;
  threshold: number;
  facets: { family: { value: string; count: number }[]; heuristic: { value: string; count: number }[]; state: { value: string; count: number }[] };
}

export interface ScoredRow {
  id: number;
  family: string;
  name: string;
  command: string;
  score: number;
  p_rarity: number;
  p_heuristics: number;
  p_newness: number;
  p_drift: number;
  p_burst: number;
  p_peer: number;
  peer_key: string | null;
  peer_low_value: string | null;
  peer_low_have: number | null;
  peer_low_n: number | null;
  peer_high_value: string | null;
  peer_high_have: number | null;
  peer_high_n: number | null;
  hosts_now: number;
  rare_hosts: number;
  disabled_hosts: number;
  family_hosts: number;
  name_hosts: number;
  burst_hosts: number;
  variants_now: number;
  heuristic_ids: string[];
  new_since: Date | null;
  first_seen_at: Date;
  is_suppressed: boolean;
  fleet_now: Date;
}

const ORDER: Record<OutlierSort, Prisma.Sql> = {
  score: Prisma.sql`score`,
  hostsNow: Prisma.sql`hosts_now`,
  newSince: Prisma.sql`new_since`,
  name: Prisma.sql`name`,
};

/** An entry's fleet-wide triage state; never triaged is `new`. */
const TRIAGE_STATE = Prisma.sql`COALESCE((SELECT t.state FROM triage_items t WHERE t.entry_id = scored.id AND t.scope = 'fleet'), 'new')`;

/** The WHERE of a filter; a facet's own filter is left out (`without`) so its counts show the other choices too. */
function filters(s: OutlierSearch, threshold: number, without?: 'family' | 'state'): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`score >= ${s.minScore ?? threshold}`];
  if (s.suppressed === 'hide') parts.push(Prisma.sql`NOT is_suppressed`);
  if (s.suppressed === 'only') parts.push(Prisma.sql`is_suppressed`);
  if (without !== 'family' && s.family.length) parts.push(Prisma.sql`family = ANY(${s.family}::text[])`);
  if (without !== 'state' && s.state.length) parts.push(Prisma.sql`${TRIAGE_STATE} = ANY(${s.state}::text[])`);
  if (s.label) {
    const [key, value] = s.label.split('=') as [string, string];
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM presences p JOIN host_labels l ON l.host_id = p.host_id
      WHERE p.entry_id = scored.id AND p.until_at IS NULL AND l.key = ${key.toLowerCase()} AND l.value = ${value})`);
  }
  if (s.heuristic) parts.push(Prisma.sql`${s.heuristic} = ANY(heuristic_ids)`);
  if (s.q) {
    const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(name ILIKE ${like} OR command ILIKE ${like})`);
  }
  if (s.host) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM presences p JOIN hosts h ON h.id = p.host_id
      WHERE p.entry_id = scored.id AND p.until_at IS NULL AND h.key = ${s.host.toLowerCase()})`);
  }
  return Prisma.join(parts, ' AND ');
}

function peerFacts(r: ScoredRow): PeerFacts | null {
  if (r.peer_key === null) return null;
  return {
    key: r.peer_key,
    low: { value: r.peer_low_value ?? '', have: r.peer_low_have ?? 0, hosts: r.peer_low_n ?? 0 },
    high: { value: r.peer_high_value ?? '', have: r.peer_high_have ?? 0, hosts: r.peer_high_n ?? 0 },
  };
}

/** A row of scoredEntriesSql as a DTO with its parts and reasons (shared by the entry and host pages). */
export function toOutlierRow(r: ScoredRow): OutlierRow {
  const parts: ScoreParts = { rarity: r.p_rarity, heuristics: r.p_heuristics, newness: r.p_newness, drift: r.p_drift, burst: r.p_burst, peer: r.p_peer };
  const newSince = r.new_since?.toISOString() ?? null;
  const facts = { hostsNow: r.hosts_now, rareHosts: r.rare_hosts, disabledHosts: r.disabled_hosts, familyHosts: r.family_hosts, newSince, nameHosts: r.name_hosts, burstHosts: r.burst_hosts, heuristicIds: r.heuristic_ids, variantsNow: r.variants_now, peer: peerFacts(r) };
  return {
    id: r.id,
    family: r.family,
    name: r.name,
    command: r.command,
    score: r.score,
    parts,
    reasons: scoreReasons(parts, facts, r.fleet_now),
    hostsNow: r.hosts_now,
    familyHosts: r.family_hosts,
    newSince,
    firstSeenAt: r.first_seen_at.toISOString(),
    isSuppressed: r.is_suppressed,
  };
}

type Facet = { value: string; count: number };
type JsonScoredRow = Omit<ScoredRow, 'new_since' | 'first_seen_at' | 'fleet_now'> & { new_since: string | null; first_seen_at: string; fleet_now: string };

/** json_agg turns timestamps into strings; the row mapper works on Dates like every other query's rows. */
function fromJson(r: JsonScoredRow): ScoredRow {
  return { ...r, new_since: r.new_since ? new Date(r.new_since) : null, first_seen_at: new Date(r.first_seen_at), fleet_now: new Date(r.fleet_now) };
}

/** Ranked outliers: entries scoring at or above the threshold, with score parts, reasons and facet counts. */
export async function listOutliers(s: OutlierSearch): Promise<OutlierPage> {
  const settings = await getScoreSettings();
  // A host filter narrows scoring to that host's entries (and their same-name siblings) before anything is scored.
  const hostScope = s.host
    ? Prisma.sql`SELECT p.entry_id FROM presences p JOIN hosts h ON h.id = p.host_id WHERE h.key = ${s.host.toLowerCase()} AND p.until_at IS NULL`
    : undefined;
  const scored = scoredEntriesSql(settings, hostScope);
  const where = filters(s, settings.outlierThreshold);
  const dir = s.sort.desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  // One statement scores the set once (MATERIALIZED) and answers the page, the total and both facets from it.
  const [result] = await db().$queryRaw<{ rows: JsonScoredRow[] | null; total: number; families: Facet[] | null; heuristics: Facet[] | null; states: Facet[] | null }[]>`
    WITH scored AS MATERIALIZED (${scored}),
    filtered AS (SELECT * FROM scored WHERE ${where})
    SELECT
      (SELECT json_agg(r) FROM (SELECT * FROM filtered ORDER BY ${ORDER[s.sort.id]} ${dir}, id
                                 LIMIT ${s.size} OFFSET ${(s.page - 1) * s.size}) r) AS rows,
      (SELECT count(*)::int FROM filtered) AS total,
      (SELECT json_agg(f ORDER BY f.count DESC) FROM (SELECT family AS value, count(*)::int AS count FROM scored
         WHERE ${filters(s, settings.outlierThreshold, 'family')} GROUP BY family) f) AS families,
      (SELECT json_agg(f ORDER BY f.count DESC) FROM (SELECT ${TRIAGE_STATE} AS value, count(*)::int AS count FROM scored
         WHERE ${filters(s, settings.outlierThreshold, 'state')} GROUP BY 1) f) AS states,
      (SELECT json_agg(h ORDER BY h.count DESC) FROM (SELECT hid AS value, count(*)::int AS count FROM filtered, unnest(heuristic_ids) AS hid
         GROUP BY hid ORDER BY count DESC LIMIT 30) h) AS heuristics`;
  const rows = (result.rows ?? []).map(fromJson);
  const families = result.families ?? [];
  const heuristics = result.heuristics ?? [];
  const totals = [{ n: result.total }];
  const facets = { family: families, heuristic: heuristics, state: result.states ?? [] };
  return { rows: rows.map(toOutlierRow), total: totals[0]?.n ?? 0, threshold: settings.outlierThreshold, facets };
}

/**
 * The next `limit` entry ids of a filter's whole result after `afterId`, in id order, and how many remain after
 * them: bulk triage walks a filter result in chunks this way, so changes to rows already done cannot shift it.
 */
export async function listOutlierIds(s: OutlierSearch, afterId: number, limit: number): Promise<{ ids: number[]; remaining: number }> {
  const settings = await getScoreSettings();
  const rows = await db().$queryRaw<{ id: number; n: number }[]>`SELECT id, count(*) OVER ()::int AS n
    FROM (${scoredEntriesSql(settings)}) scored WHERE ${filters(s, settings.outlierThreshold)} AND id > ${afterId}
    ORDER BY id LIMIT ${limit}`;
  return { ids: rows.map((r) => r.id), remaining: Math.max(0, (rows[0]?.n ?? 0) - rows.length) };
}
