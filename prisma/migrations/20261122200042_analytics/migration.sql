-- AlterTable
ALTER TABLE "entries" DROP COLUMN "last_seen_at";

-- AlterTable
ALTER TABLE "presences" ADD COLUMN     "is_baseline" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "entry_stats" (
    "entry_id" INTEGER NOT NULL,
    "hosts_now" INTEGER NOT NULL,
    "hosts_ever" INTEGER NOT NULL,
    "variants_now" INTEGER NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3),
    "new_since" TIMESTAMPTZ(3),
    "burst_hosts" INTEGER NOT NULL DEFAULT 0,
    "heuristic_score" INTEGER NOT NULL DEFAULT 0,
    "heuristic_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "entry_stats_pkey" PRIMARY KEY ("entry_id")
);

-- CreateTable
CREATE TABLE "variant_hits" (
    "variant_id" INTEGER NOT NULL,
    "heuristic_id" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "detail" TEXT NOT NULL,

    CONSTRAINT "variant_hits_pkey" PRIMARY KEY ("variant_id","heuristic_id")
);

-- CreateTable
CREATE TABLE "host_families" (
    "host_id" INTEGER NOT NULL,
    "family" TEXT NOT NULL,
    "last_snapshot_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "host_families_pkey" PRIMARY KEY ("host_id","family")
);

-- CreateTable
CREATE TABLE "suppressions" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "suppressions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "entry_stats_hosts_now_idx" ON "entry_stats"("hosts_now");

-- CreateIndex
CREATE INDEX "entry_stats_new_since_idx" ON "entry_stats"("new_since");

-- CreateIndex
CREATE INDEX "variant_hits_heuristic_id_idx" ON "variant_hits"("heuristic_id");

-- CreateIndex
CREATE INDEX "host_families_family_idx" ON "host_families"("family");

-- CreateIndex
CREATE INDEX "suppressions_kind_idx" ON "suppressions"("kind");

-- AddForeignKey
ALTER TABLE "entry_stats" ADD CONSTRAINT "entry_stats_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_hits" ADD CONSTRAINT "variant_hits_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "variants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_families" ADD CONSTRAINT "host_families_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
