import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import type { EntryHostSearch, EntryHostSort } from '@/lib/validation/entry';

export interface EntryHostRow {
  hostId: number;
  host: string;
  labels: Record<string, string>;
  isPresent: boolean;
  firstSeenAt: string;
  /** When the host stopped having it; null while present. */
  goneAt: string | null;
  /** Variants of the entry the host has had. */
  variants: number;
}

const ORDER: Record<EntryHostSort, Prisma.Sql> = {
  host: Prisma.sql`h.key`,
  firstSeenAt: Prisma.sql`"firstSeenAt"`,
  lastSeenAt: Prisma.sql`"goneAt"`,
};

/** One page of the hosts having an entry now (or ever, with `state=all`), from its presence intervals. */
export async function listEntryHosts(entryId: number, s: EntryHostSearch): Promise<{ rows: EntryHostRow[]; total: number }> {
  const having = s.state === 'present' ? Prisma.sql`HAVING bool_or(p.until_at IS NULL)` : Prisma.empty;
  const dir = s.sort.desc ? Prisma.sql`DESC NULLS FIRST` : Prisma.sql`ASC NULLS LAST`;
  const per = Prisma.sql`
    SELECT p.host_id, min(p.from_at) AS first_at, bool_or(p.until_at IS NULL) AS is_present,
           CASE WHEN bool_or(p.until_at IS NULL) THEN NULL ELSE max(p.until_at) END AS gone_at,
           count(DISTINCT p.variant_id)::int AS variants
    FROM presences p WHERE p.entry_id = ${entryId} GROUP BY p.host_id ${having}`;
  const [rows, totals] = await Promise.all([
    db().$queryRaw<(Omit<EntryHostRow, 'firstSeenAt' | 'goneAt'> & { firstSeenAt: Date; goneAt: Date | null })[]>`
      SELECT h.id AS "hostId", h.name AS host, per.is_present AS "isPresent", per.first_at AS "firstSeenAt", per.gone_at AS "goneAt", per.variants,
             COALESCE((SELECT jsonb_object_agg(l.key, l.value) FROM host_labels l WHERE l.host_id = h.id), '{}'::jsonb) AS labels
      FROM (${per}) per JOIN hosts h ON h.id = per.host_id
      ORDER BY ${ORDER[s.sort.id]} ${dir}, h.id LIMIT ${s.size} OFFSET ${(s.page - 1) * s.size}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${per}) per`,
  ]);
  return {
    rows: rows.map((r) => ({ ...r, firstSeenAt: r.firstSeenAt.toISOString(), goneAt: r.goneAt?.toISOString() ?? null })),
    total: totals[0]?.n ?? 0,
  };
}

/** Above this many hosts, the first few by name are found by walking hosts in name order (see sampleHostNames). */
const WALK_HOSTS_ABOVE = 200;

/**
 * The first few hosts (by name) having each entry now: what an API listing shows next to a host count. An entry
 * on few hosts sorts its own hosts; one on thousands walks all hosts in name order until it has enough. The
 * planner cannot tell them apart inside the per-entry subquery and always walked: 15 ms for each rare outlier on
 * a 10,000-host fleet, most of /api/v1/outliers' 120 ms. OFFSET 0 keeps the sort from being turned into that walk.
 */
export async function sampleHostNames(entries: { id: number; hostsNow: number }[], perEntry: number): Promise<Record<number, string[]>> {
  const few = entries.filter((e) => e.hostsNow <= WALK_HOSTS_ABOVE).map((e) => e.id);
  const many = entries.filter((e) => e.hostsNow > WALK_HOSTS_ABOVE).map((e) => e.id);
  const [sorted, walked] = await Promise.all([
    few.length === 0
      ? []
      : db().$queryRaw<{ entry_id: number; hosts: string[] }[]>`
          SELECT e.id AS entry_id, ARRAY(SELECT name FROM (SELECT h.name, h.key FROM presences p JOIN hosts h ON h.id = p.host_id
                                                            WHERE p.entry_id = e.id AND p.until_at IS NULL OFFSET 0) s
                                         ORDER BY key LIMIT ${perEntry}) AS hosts
          FROM unnest(${few}::int[]) AS e(id)`,
    many.length === 0
      ? []
      : db().$queryRaw<{ entry_id: number; hosts: string[] }[]>`
          SELECT e.id AS entry_id, ARRAY(SELECT h.name FROM hosts h
                                         WHERE EXISTS (SELECT 1 FROM presences p WHERE p.entry_id = e.id AND p.until_at IS NULL AND p.host_id = h.id)
                                         ORDER BY h.key LIMIT ${perEntry}) AS hosts
          FROM unnest(${many}::int[]) AS e(id)`,
  ]);
  return Object.fromEntries([...sorted, ...walked].map((r) => [r.entry_id, r.hosts]));
}
