import { lockStats, type Tx } from './stats-lock';

/**
 * Peer-group prevalence kept as rows (entry, label key, label value, hosts having the entry now), so the score's
 * peer part reads a few rows per entry instead of scanning every open presence on each outliers query. Refreshed
 * with entry_stats (same scope, same lock) and adjusted in place when a host's labels change.
 */
export async function refreshPeerCounts(tx: Tx, entryIds: number[] | null): Promise<void> {
  await tx.$executeRaw`DELETE FROM entry_peer_counts WHERE ${entryIds}::int[] IS NULL OR entry_id = ANY(${entryIds}::int[])`;
  await tx.$executeRaw`
    INSERT INTO entry_peer_counts (entry_id, key, value, hosts)
    SELECT p.entry_id, l.key, l.value, count(DISTINCT p.host_id)::int
    FROM presences p JOIN host_labels l ON l.host_id = p.host_id
    WHERE p.until_at IS NULL AND (${entryIds}::int[] IS NULL OR p.entry_id = ANY(${entryIds}::int[]))
    GROUP BY p.entry_id, l.key, l.value`;
}

type Labels = Record<string, string>;

/**
 * Move one host's entries between peer groups after its labels changed from `before` to `after`, inside the
 * transaction that writes the labels: one decrement per dropped label and one increment per new one, over the
 * entries the host has now. Entries a concurrent snapshot changes are recomputed by its refresh, which runs after
 * this transaction (the stats lock orders them) and so sees the new labels.
 */
export async function moveHostPeerCounts(tx: Tx, hostId: number, before: Labels, after: Labels): Promise<void> {
  const dropped = Object.entries(before).filter(([k, v]) => after[k] !== v);
  const added = Object.entries(after).filter(([k, v]) => before[k] !== v);
  if (dropped.length === 0 && added.length === 0) return;
  // A host being onboarded has nothing to move yet (its first snapshots' refresh counts it), and need not hold
  // the lock for the rest of its ingest transaction.
  const [{ has }] = await tx.$queryRaw<{ has: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM presences WHERE host_id = ${hostId} AND until_at IS NULL) AS has`;
  if (!has) return;
  await lockStats(tx);
  for (const [key, value] of dropped) {
    await tx.$executeRaw`
      UPDATE entry_peer_counts c SET hosts = c.hosts - 1
      WHERE c.key = ${key} AND c.value = ${value}
        AND c.entry_id IN (SELECT entry_id FROM presences WHERE host_id = ${hostId} AND until_at IS NULL)`;
    await tx.$executeRaw`DELETE FROM entry_peer_counts WHERE key = ${key} AND value = ${value} AND hosts <= 0`;
  }
  for (const [key, value] of added) {
    await tx.$executeRaw`
      INSERT INTO entry_peer_counts (entry_id, key, value, hosts)
      SELECT DISTINCT entry_id, ${key}, ${value}, 1 FROM presences WHERE host_id = ${hostId} AND until_at IS NULL
      ON CONFLICT (entry_id, key, value) DO UPDATE SET hosts = entry_peer_counts.hosts + 1`;
  }
}
