import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import type { InventorySearch, InventorySort } from '@/lib/validation/inventory';

export interface InventoryRow {
  id: number;
  family: string;
  name: string;
  command: string;
  executable: string;
  hostsNow: number;
  hostsEver: number;
  firstSeenAt: string;
  /** null while some host still has it. */
  lastSeenAt: string | null;
}

export interface InventoryPage {
  rows: InventoryRow[];
  total: number;
  fleetHosts: number;
  facets: { family: { value: string; count: number }[] };
}

const ORDER: Record<InventorySort, Prisma.Sql> = {
  name: Prisma.sql`e.name`,
  family: Prisma.sql`e.family`,
  hostsNow: Prisma.sql`"hostsNow"`,
  firstSeenAt: Prisma.sql`e.first_seen_at`,
  lastSeenAt: Prisma.sql`st.last_seen_at`,
};

/**
 * Entries whose name or command, or any variant's image, signer, hashes or description, contains `q`. Looked up
 * once per page view: the rows, the total and the facets all filter on it, and the variant scan is the costly part
 * (three times 80 ms at 10,000 hosts when each query repeated it).
 */
async function entriesMatching(q: string): Promise<number[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db().$queryRaw<{ id: number }[]>`
    SELECT e.id FROM entries e WHERE e.name ILIKE ${like} OR e.command ILIKE ${like} OR e.norm_command ILIKE ${like}
    UNION
    SELECT v.entry_id FROM variants v WHERE v.image_path ILIKE ${like} OR v.signer ILIKE ${like} OR v.sha256 ILIKE ${like}
      OR v.sha1 ILIKE ${like} OR v.md5 ILIKE ${like} OR v.description ILIKE ${like}`;
  return rows.map((r) => r.id);
}

function whereClause(s: InventorySearch, withFamily: boolean, matching: number[] | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (matching) parts.push(Prisma.sql`e.id = ANY(${matching}::int[])`);
  if (withFamily && s.family.length) parts.push(Prisma.sql`e.family = ANY(${s.family}::text[])`);
  if (s.host) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM presences p JOIN hosts h ON h.id = p.host_id
      WHERE p.entry_id = e.id AND p.until_at IS NULL AND h.key = ${s.host.toLowerCase()})`);
  }
  return Prisma.join(parts, ' AND ');
}

/** One page of the inventory with prevalence, the filtered total, and family facet counts (ignoring the family filter). */
export async function listInventory(s: InventorySearch): Promise<InventoryPage> {
  const matching = s.q ? await entriesMatching(s.q) : null;
  const where = whereClause(s, true, matching);
  const dir = s.sort.desc ? Prisma.sql`DESC NULLS FIRST` : Prisma.sql`ASC NULLS LAST`;
  const offset = (s.page - 1) * s.size;
  const [rows, totals, facets, fleet] = await Promise.all([
    db().$queryRaw<(Omit<InventoryRow, 'firstSeenAt' | 'lastSeenAt'> & { firstSeenAt: Date; lastSeenAt: Date | null })[]>`
      SELECT e.id, e.family, e.name, e.command, e.executable,
             COALESCE(st.hosts_now, 0) AS "hostsNow", COALESCE(st.hosts_ever, 0) AS "hostsEver",
             e.first_seen_at AS "firstSeenAt", st.last_seen_at AS "lastSeenAt"
      FROM entries e LEFT JOIN entry_stats st ON st.entry_id = e.id
      WHERE ${where}
      ORDER BY ${ORDER[s.sort.id]} ${dir}, e.id ${dir}
      LIMIT ${s.size} OFFSET ${offset}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM entries e WHERE ${where}`,
    db().$queryRaw<{ value: string; count: number }[]>`
      SELECT e.family AS value, count(*)::int AS count FROM entries e WHERE ${whereClause(s, false, matching)}
      GROUP BY e.family ORDER BY count DESC`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM hosts`,
  ]);
  return {
    rows: rows.map((r) => ({ ...r, firstSeenAt: r.firstSeenAt.toISOString(), lastSeenAt: r.lastSeenAt?.toISOString() ?? null })),
    total: totals[0]?.total ?? 0,
    fleetHosts: fleet[0]?.n ?? 0,
    facets: { family: facets },
  };
}
