-- AlterTable
ALTER TABLE "entry_stats" ADD COLUMN     "disabled_hosts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hit_hosts" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "entry_peer_counts" (
    "entry_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "hosts" INTEGER NOT NULL,

    CONSTRAINT "entry_peer_counts_pkey" PRIMARY KEY ("entry_id","key","value")
);

-- AddForeignKey
ALTER TABLE "entry_peer_counts" ADD CONSTRAINT "entry_peer_counts_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from what hosts have now, as refreshEntryStats and refreshPeerCounts compute it.
INSERT INTO "entry_peer_counts" ("entry_id", "key", "value", "hosts")
SELECT p.entry_id, l.key, l.value, count(DISTINCT p.host_id)::int
FROM presences p JOIN host_labels l ON l.host_id = p.host_id
WHERE p.until_at IS NULL
GROUP BY p.entry_id, l.key, l.value;

WITH totals AS (
  SELECT h.variant_id, sum(h.severity)::int AS total FROM variant_hits h GROUP BY h.variant_id
), state AS (
  SELECT p.entry_id,
         count(DISTINCT p.host_id) FILTER (WHERE t.total = st.heuristic_score)::int AS hit_hosts,
         count(DISTINCT p.host_id) FILTER (WHERE v.enabled = false)::int AS disabled_hosts
  FROM presences p JOIN variants v ON v.id = p.variant_id JOIN entry_stats st ON st.entry_id = p.entry_id
  LEFT JOIN totals t ON t.variant_id = p.variant_id
  WHERE p.until_at IS NULL
  GROUP BY p.entry_id
)
UPDATE "entry_stats" st SET "hit_hosts" = s.hit_hosts, "disabled_hosts" = s.disabled_hosts
FROM state s WHERE s.entry_id = st.entry_id;
