-- Trigram operator classes for the inventory search indexes below. Added by hand: since Prisma 6.16 extensions are
-- installed by a customized migration, not declared in schema.prisma. pg_trgm is in the standard PostgreSQL contrib
-- package, and the embedded database (PGlite) loads it in lib/db/embedded.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "entries_name_trgm_idx" ON "entries" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "entries_command_trgm_idx" ON "entries" USING GIN ("command" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "entries_norm_command_trgm_idx" ON "entries" USING GIN ("norm_command" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "variants_image_path_trgm_idx" ON "variants" USING GIN ("image_path" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "variants_signer_trgm_idx" ON "variants" USING GIN ("signer" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "variants_description_trgm_idx" ON "variants" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "variants_sha256_trgm_idx" ON "variants" USING GIN ("sha256" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "variants_sha1_trgm_idx" ON "variants" USING GIN ("sha1" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "variants_md5_trgm_idx" ON "variants" USING GIN ("md5" gin_trgm_ops);
