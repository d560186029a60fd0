-- presences.entry_id is tied to its entry through variant_id (a variant belongs to one entry), so its own key
-- only cost a lookup and a row lock per inserted row (see schema.prisma)
-- DropForeignKey
ALTER TABLE "presences" DROP CONSTRAINT "presences_entry_id_fkey";

-- No query looks variants up by exact sha256: the inventory search goes through the trigram index
-- DropIndex
DROP INDEX "variants_sha256_idx";
