-- AlterTable
ALTER TABLE "uploads" ADD COLUMN     "files_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "files_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "warnings" JSONB NOT NULL DEFAULT '[]',
ALTER COLUMN "status" SET DEFAULT 'received';

-- CreateTable
CREATE TABLE "host_events" (
    "id" BIGSERIAL NOT NULL,
    "host_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "event_id" INTEGER NOT NULL,
    "channel" TEXT,
    "task_name" TEXT,
    "user" TEXT,
    "message" TEXT,
    "raw" JSONB NOT NULL,
    "upload_id" INTEGER,

    CONSTRAINT "host_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "host_events_key_key" ON "host_events"("key");

-- CreateIndex
CREATE INDEX "host_events_host_id_at_idx" ON "host_events"("host_id", "at");

-- CreateIndex
CREATE INDEX "host_events_task_name_idx" ON "host_events"("task_name");

-- AddForeignKey
ALTER TABLE "host_events" ADD CONSTRAINT "host_events_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_events" ADD CONSTRAINT "host_events_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE SET NULL ON UPDATE CASCADE;
