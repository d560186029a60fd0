-- AlterTable
ALTER TABLE "snapshots" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3);
