-- DropIndex
DROP INDEX "variants_description_trgm_idx";

-- DropIndex
DROP INDEX "variants_image_path_trgm_idx";

-- DropIndex
DROP INDEX "variants_signer_trgm_idx";

-- CreateTable
CREATE TABLE "entry_search_values" (
    "id" SERIAL NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "entry_search_values_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "entry_search_values_entry_id_idx" ON "entry_search_values"("entry_id");

-- CreateIndex
CREATE INDEX "entry_search_values_value_trgm_idx" ON "entry_search_values" USING GIN ("value" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "entry_search_values" ADD CONSTRAINT "entry_search_values_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The values of the variants stored so far (ingest adds those of new variants, lib/ingest/store-rows.ts)
INSERT INTO "entry_search_values" ("entry_id", "value")
SELECT DISTINCT v."entry_id", t."value"
FROM "variants" v CROSS JOIN LATERAL (VALUES (v."image_path"), (v."signer"), (v."description")) AS t("value")
WHERE t."value" IS NOT NULL AND t."value" <> '';
