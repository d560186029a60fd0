import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db/client';
import type { HostSearch, HostSort } from '@/lib/validation/hosts';

export interface HostRow {
  id: number;
  name: string;
  osFamily: string | null;
  labels: Record<string, string>;
  sources: string[];
  snapshots: number;
  entries: number;
  lastSnapshotAt: string | null;
}

const ORDER: Record<HostSort, Prisma.Sql> = {
  name: Prisma.sql`h.key`,
  lastSnapshotAt: Prisma.sql`"lastSnapshotAt"`,
  entries: Prisma.sql`"entries"`,
  snapshots: Prisma.sql`"snapshots"`,
};

/** One page of hosts with their snapshot coverage and current entry counts. */
export async function listHosts(s: HostSearch): Promise<{ rows: HostRow[]; total: number }> {
  const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = s.q ? Prisma.sql`h.name ILIKE ${like}` : Prisma.sql`TRUE`;
  const dir = s.sort.desc ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const [rows, totals] = await Promise.all([
    db().$queryRaw<(Omit<HostRow, 'lastSnapshotAt'> & { lastSnapshotAt: Date | null })[]>`
      SELECT h.id, h.name, h.os_family AS "osFamily",
             COALESCE((SELECT jsonb_object_agg(l.key, l.value) FROM host_labels l WHERE l.host_id = h.id), '{}'::jsonb) AS labels,
             COALESCE((SELECT array_agg(DISTINCT s.source ORDER BY s.source) FROM snapshots s WHERE s.host_id = h.id), '{}') AS sources,
             (SELECT count(*)::int FROM snapshots s WHERE s.host_id = h.id) AS snapshots,
             (SELECT count(DISTINCT p.entry_id)::int FROM presences p WHERE p.host_id = h.id AND p.until_at IS NULL) AS entries,
             (SELECT max(COALESCE(s.confirmed_at, s.collected_at)) FROM snapshots s WHERE s.host_id = h.id) AS "lastSnapshotAt"
      FROM hosts h WHERE ${where}
      ORDER BY ${ORDER[s.sort.id]} ${dir}, h.id
      LIMIT ${s.size} OFFSET ${(s.page - 1) * s.size}`,
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM hosts h WHERE ${where}`,
  ]);
  return {
    rows: rows.map((r) => ({ ...r, lastSnapshotAt: r.lastSnapshotAt ? new Date(r.lastSnapshotAt).toISOString() : null })),
    total: totals[0]?.total ?? 0,
  };
}
