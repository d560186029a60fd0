import 'server-only';
import { db } from '@/lib/db/client';

export interface PeerPrevalence {
  key: string;
  value: string;
  /** Hosts of the group that have the entry now. */
  hosts: number;
  /** Hosts of the group reporting the entry's source family. */
  groupHosts: number;
}

/**
 * Prevalence of one entry in every peer group (host label key=value) of the hosts reporting its family, groups
 * where it is absent included, ordered by label then by share of the group, highest first.
 */
export async function getEntryPeerPrevalence(entryId: number): Promise<PeerPrevalence[]> {
  return db().$queryRaw<PeerPrevalence[]>`
    WITH e AS (SELECT id, family FROM entries WHERE id = ${entryId}),
    groups AS (
      SELECT l.key, l.value, count(*)::int AS n
      FROM e JOIN host_families hf ON hf.family = e.family JOIN host_labels l ON l.host_id = hf.host_id
      GROUP BY l.key, l.value
    ),
    have AS (
      SELECT l.key, l.value, count(DISTINCT p.host_id)::int AS n
      FROM presences p JOIN host_labels l ON l.host_id = p.host_id
      WHERE p.entry_id = ${entryId} AND p.until_at IS NULL GROUP BY l.key, l.value
    )
    SELECT g.key, g.value, COALESCE(h.n, 0) AS hosts, g.n AS "groupHosts"
    FROM groups g LEFT JOIN have h ON (h.key, h.value) = (g.key, g.value)
    ORDER BY g.key, COALESCE(h.n, 0)::float8 / g.n DESC, g.value`;
}
