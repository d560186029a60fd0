-- AlterTable
ALTER TABLE "uploads" ADD COLUMN     "bytes_done" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "rows_done" INTEGER NOT NULL DEFAULT 0;
