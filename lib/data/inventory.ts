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
 * pg_trgm takes trigrams only from runs of three letters or digits. Without one (`ev`, `.-`) the indexes cannot
 * narrow a search and a forced bitmap would read them whole (3x slower than a scan), so the planner decides.
 * ASCII only: whether é is a letter depends on the database's locale.
 */
const HAS_TRIGRAM = /[a-z0-9]{3}/i;

/**
 * Entries whose name or command, or any variant's image, signer, hashes or description, contains `q` (any case).
 * Every column is searched with a plain `ILIKE '%q%'` so that its trigram index (prisma/schema.prisma) can serve it.
 * Images, signers and descriptions are matched among each entry's distinct values (entry_search_values): a common
 * word is in most variants but in few distinct values. Hashes, distinct per variant, are matched on the variants.
 */
export function entriesMatchingSql(q: string): Prisma.Sql {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`
    SELECT e.id FROM entries e WHERE e.name ILIKE ${like} OR e.command ILIKE ${like} OR e.norm_command ILIKE ${like}
    UNION
    SELECT s.entry_id FROM entry_search_values s WHERE s.value ILIKE ${like}
    UNION
    SELECT v.entry_id FROM variants v WHERE v.sha256 ILIKE ${like} OR v.sha1 ILIKE ${like} OR v.md5 ILIKE ${like}`;
}

/**
 * Run a search query with the trigram indexes' bitmap as the only plan left (sequential and plain index scans off,
 * for this transaction only). The planner prices ILIKE as a cheap operator: with statistics it scans every row
 * once q is common, and without them it may walk a btree in id order. Both evaluate every ILIKE on every row; the
 * bitmap rechecks only the candidates (docs/benchmarks.md).
 */
export async function queryWithTrigramIndexes<T>(query: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db().$transaction([
    db().$executeRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
    db().$queryRaw<T[]>(query),
  ]);
  return rows;
}

/** The ids of entriesMatchingSql. Looked up once per page view: the rows, the total and the facets all filter on it. */
async function entriesMatching(q: string): Promise<number[]> {
  const query = entriesMatchingSql(q);
  const rows = HAS_TRIGRAM.test(q) ? await queryWithTrigramIndexes<{ id: number }>(query) : await db().$queryRaw<{ id: number }[]>(query);
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
