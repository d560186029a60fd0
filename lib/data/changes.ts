import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import type { ChangeSearch, ChangeSort } from '@/lib/validation/changes';

export interface ChangeRow {
  entryId: number;
  family: string;
  name: string;
  command: string;
  /** new: the entry's first non-baseline appearance; removed: its latest disappearance in the window. */
  at: string;
  hostCount: number;
  /** The first hosts (by time) it appeared on or disappeared from, with when. */
  hosts: { name: string; at: string }[];
  /** Hosts that have it now (a removed entry may remain elsewhere). */
  hostsNow: number;
}

export interface ChangePage {
  rows: ChangeRow[];
  total: number;
  /** Where "today" and "this week" count back from: the fleet's latest collection, or the end of `until`. */
  windowEnd: string | null;
  facets: { family: { value: string; count: number }[] };
}

const HOSTS_SHOWN = 5;
const WINDOW: Record<ChangeSearch['window'], Prisma.Sql> = { today: Prisma.sql`interval '1 day'`, week: Prisma.sql`interval '7 days'` };
const ORDER: Record<ChangeSort, Prisma.Sql> = { at: Prisma.sql`at`, name: Prisma.sql`name`, hostCount: Prisma.sql`"hostCount"` };

function windowEnd(s: ChangeSearch): Prisma.Sql {
  return s.until ? Prisma.sql`((${s.until}::date + 1)::timestamp AT TIME ZONE 'UTC')` : Prisma.sql`(SELECT max(collected_at) FROM snapshots)`;
}

/**
 * Changed entries with one row per entry. New: entries first seen outside every baseline in the window, with the
 * hosts that gained them. Removed: hosts that lost an entry in the window (interval closed, no open one left for
 * that host), grouped per entry. The window ends at the fleet's latest collection (not the wall clock, so an
 * archive loaded today shows its own last day), or at the end of the `until` day.
 */
function changesSql(s: ChangeSearch, o: { withFamily: boolean; withAllHosts?: boolean }): Prisma.Sql {
  const end = windowEnd(s);
  const since = Prisma.sql`${end} - ${WINDOW[s.window]}`;
  const perHost =
    s.kind === 'new'
      ? Prisma.sql`SELECT p.entry_id, p.host_id, min(p.from_at) AS at FROM presences p JOIN entry_stats st ON st.entry_id = p.entry_id
          WHERE st.new_since > ${since} AND st.new_since <= ${end} AND NOT p.is_baseline AND p.from_at > ${since} AND p.from_at <= ${end} GROUP BY p.entry_id, p.host_id`
      : Prisma.sql`SELECT p.entry_id, p.host_id, max(p.until_at) AS at FROM presences p
          WHERE p.until_at > ${since} AND p.until_at <= ${end} AND NOT EXISTS (
            SELECT 1 FROM presences o WHERE o.entry_id = p.entry_id AND o.host_id = p.host_id AND o.until_at IS NULL)
          GROUP BY p.entry_id, p.host_id`;
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (o.withFamily && s.family.length) where.push(Prisma.sql`e.family = ANY(${s.family}::text[])`);
  if (s.q) {
    const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(Prisma.sql`(e.name ILIKE ${like} OR e.command ILIKE ${like})`);
  }
  return Prisma.sql`
    SELECT e.id AS "entryId", e.family, e.name, e.command,
           ${s.kind === 'new' ? Prisma.sql`min(st.new_since)` : Prisma.sql`max(c.at)`} AS at,
           count(*)::int AS "hostCount",
           (array_agg(jsonb_build_object('name', h.name, 'at', c.at) ORDER BY c.at, h.name))[1:${HOSTS_SHOWN}] AS hosts,
           COALESCE(min(st.hosts_now), 0)::int AS "hostsNow"
           ${o.withAllHosts ? Prisma.sql`, string_agg(h.name, ' ' ORDER BY c.at, h.name) AS "allHosts"` : Prisma.empty}
    FROM (${perHost}) c JOIN entries e ON e.id = c.entry_id JOIN hosts h ON h.id = c.host_id
    LEFT JOIN entry_stats st ON st.entry_id = e.id
    WHERE ${Prisma.join(where, ' AND ')}
    GROUP BY e.id`;
}

type RawRow = Omit<ChangeRow, 'at' | 'hosts'> & { at: Date; hosts: { name: string; at: string }[] };

function toRow(r: RawRow): ChangeRow {
  return { ...r, at: r.at.toISOString(), hosts: r.hosts.map((h) => ({ name: h.name, at: new Date(h.at).toISOString() })) };
}

/** One page of the fleet-wide change feed (PRODUCT.md §4 "new today"), with family facet counts. */
export async function listChanges(s: ChangeSearch): Promise<ChangePage> {
  const sql = changesSql(s, { withFamily: true });
  const dir = s.sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const [rows, totals, families, ends] = await Promise.all([
    db().$queryRaw<RawRow[]>`SELECT * FROM (${sql}) x ORDER BY ${ORDER[s.sort.id]} ${dir}, "entryId" LIMIT ${s.size} OFFSET ${(s.page - 1) * s.size}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${sql}) x`,
    db().$queryRaw<{ value: string; count: number }[]>`SELECT family AS value, count(*)::int AS count FROM (${changesSql(s, { withFamily: false })}) x GROUP BY family ORDER BY count DESC`,
    db().$queryRaw<{ window_end: Date | null }[]>`SELECT ${windowEnd(s)} AS window_end`,
  ]);
  return { rows: rows.map(toRow), total: totals[0]?.n ?? 0, windowEnd: ends[0]?.window_end?.toISOString() ?? null, facets: { family: families } };
}

const EXPORT_BATCH = 500;

/** Every row of the current filter (no paging) in batches, for the CSV export, with every host's name. */
export async function* iterateChanges(s: ChangeSearch): AsyncGenerator<ChangeRow & { allHosts: string }> {
  const sql = changesSql(s, { withFamily: true, withAllHosts: true });
  const dir = s.sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  for (let offset = 0; ; offset += EXPORT_BATCH) {
    const batch = await db().$queryRaw<(RawRow & { allHosts: string })[]>`
      SELECT * FROM (${sql}) x ORDER BY ${ORDER[s.sort.id]} ${dir}, "entryId" LIMIT ${EXPORT_BATCH} OFFSET ${offset}`;
    for (const r of batch) yield { ...toRow(r), allHosts: r.allHosts };
    if (batch.length < EXPORT_BATCH) return;
  }
}
