import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import { scoredEntriesSql } from '@/lib/analytics/score-sql';
import { heuristicById } from '@/lib/analytics/heuristics';
import { toOutlierRow, type OutlierRow, type ScoredRow } from './outliers';
import { getScoreSettings } from './settings';

export interface EntryIdentity {
  id: number;
  family: string;
  normName: string;
  normCommand: string;
  executable: string;
  name: string;
  command: string;
  firstSeenAt: string;
  hostsNow: number;
  hostsEver: number;
  familyHosts: number;
  lastSeenAt: string | null;
}

export interface EntryVariant {
  id: number;
  hostsNow: number;
  hostsEver: number;
  fields: Record<VariantField, string | null>;
}

export const VARIANT_FIELDS = ['name', 'command', 'imagePath', 'sha256', 'sha1', 'md5', 'signer', 'verified', 'runAs', 'schedule', 'enabled', 'hidden', 'author', 'description'] as const;
export type VariantField = (typeof VARIANT_FIELDS)[number];

export interface EntryHit {
  heuristicId: string;
  title: string;
  explanation: string;
  attack: string;
  reference: string | null;
  severity: number;
  /** The evidence of the first variant that hit, quoting attacker-controlled text (render as text). */
  detail: string;
  variants: number;
}

/** An entry's identity and raw values with its prevalence; null when there is no such entry. */
export async function getEntry(id: number): Promise<EntryIdentity | null> {
  const rows = await db().$queryRaw<(Omit<EntryIdentity, 'firstSeenAt' | 'lastSeenAt'> & { firstSeenAt: Date; lastSeenAt: Date | null })[]>`
    SELECT e.id, e.family, e.norm_name AS "normName", e.norm_command AS "normCommand", e.executable, e.name, e.command,
           e.first_seen_at AS "firstSeenAt", COALESCE(st.hosts_now, 0) AS "hostsNow", COALESCE(st.hosts_ever, 0) AS "hostsEver",
           st.last_seen_at AS "lastSeenAt",
           (SELECT count(*)::int FROM host_families hf WHERE hf.family = e.family) AS "familyHosts"
    FROM entries e LEFT JOIN entry_stats st ON st.entry_id = e.id WHERE e.id = ${id}`;
  const r = rows[0];
  return r ? { ...r, firstSeenAt: r.firstSeenAt.toISOString(), lastSeenAt: r.lastSeenAt?.toISOString() ?? null } : null;
}

/**
 * The entry's current score with its parts and reasons, from the same SQL that ranks the outliers; null when no
 * host has it any more (only present entries are scored).
 */
export async function getEntryScore(id: number): Promise<OutlierRow | null> {
  const scored = scoredEntriesSql(await getScoreSettings(), Prisma.sql`SELECT ${id}::int`);
  const rows = await db().$queryRaw<ScoredRow[]>`SELECT * FROM (${scored}) scored WHERE id = ${id}`;
  return rows[0] ? toOutlierRow(rows[0]) : null;
}

/** Every variant of an entry with the hosts that have it now and ever, most widespread first (capped at 50). */
export async function listEntryVariants(entryId: number): Promise<EntryVariant[]> {
  const rows = await db().$queryRaw<({ id: number; hostsNow: number; hostsEver: number } & Record<VariantField, unknown>)[]>`
    SELECT v.id, v.name, v.command, v.image_path AS "imagePath", v.sha256, v.sha1, v.md5, v.signer, v.verified, v.run_as AS "runAs",
           v.schedule, v.enabled, v.hidden, v.author, v.description,
           COALESCE(c.now, 0) AS "hostsNow", COALESCE(c.ever, 0) AS "hostsEver"
    FROM variants v
    -- Counted through presences' entry index in one pass: presences has no variant index, and a count per variant
    -- scanned the whole table (470 ms per view at 10,000 hosts).
    LEFT JOIN (SELECT p.variant_id, count(DISTINCT p.host_id) FILTER (WHERE p.until_at IS NULL)::int AS now, count(DISTINCT p.host_id)::int AS ever
               FROM presences p WHERE p.entry_id = ${entryId} GROUP BY p.variant_id) c ON c.variant_id = v.id
    WHERE v.entry_id = ${entryId}
    ORDER BY "hostsNow" DESC, "hostsEver" DESC, v.id LIMIT 50`;
  return rows.map((r) => ({
    id: r.id,
    hostsNow: r.hostsNow,
    hostsEver: r.hostsEver,
    fields: Object.fromEntries(VARIANT_FIELDS.map((f) => [f, r[f] === null || r[f] === undefined ? null : String(r[f])])) as Record<VariantField, string | null>,
  }));
}

/** Heuristic hits over all variants of an entry, one row per rule with its catalogue explanation, most severe first. */
export async function listEntryHits(entryId: number): Promise<EntryHit[]> {
  const rows = await db().$queryRaw<{ heuristicId: string; severity: number; detail: string; variants: number }[]>`
    SELECT h.heuristic_id AS "heuristicId", max(h.severity)::int AS severity, min(h.detail) AS detail,
           count(DISTINCT h.variant_id)::int AS variants
    FROM variant_hits h JOIN variants v ON v.id = h.variant_id
    WHERE v.entry_id = ${entryId} GROUP BY h.heuristic_id ORDER BY severity DESC, h.heuristic_id`;
  return rows.map((r) => {
    const rule = heuristicById(r.heuristicId);
    return {
      ...r,
      title: rule?.title ?? r.heuristicId,
      explanation: rule?.explanation ?? '',
      attack: rule?.attack ?? '',
      reference: rule?.reference ?? null,
    };
  });
}
