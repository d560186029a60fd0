-- DropIndex
DROP INDEX "presences_entry_id_until_at_idx";

-- CreateIndex
CREATE INDEX "presences_entry_id_until_at_host_id_from_at_variant_id_idx" ON "presences"("entry_id", "until_at", "host_id", "from_at", "variant_id");
