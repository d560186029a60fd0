-- DropIndex
DROP INDEX "snapshots_host_id_source_content_hash_key";

-- CreateIndex
CREATE INDEX "snapshots_host_id_source_content_hash_idx" ON "snapshots"("host_id", "source", "content_hash");
