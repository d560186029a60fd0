-- Each foreign key checked and locked the referenced row once per inserted presence, in a trigger: half of the
-- database's time on a first snapshot. Only the ingest writes presences, with ids it has just read or written in the
-- same transaction, and hosts and variants are never deleted (see schema.prisma).
-- DropForeignKey
ALTER TABLE "presences" DROP CONSTRAINT "presences_host_id_fkey";

-- DropForeignKey
ALTER TABLE "presences" DROP CONSTRAINT "presences_variant_id_fkey";
