-- CreateTable
CREATE TABLE "entry_stats_dirty" (
    "entry_id" INTEGER NOT NULL,

    CONSTRAINT "entry_stats_dirty_pkey" PRIMARY KEY ("entry_id")
);
