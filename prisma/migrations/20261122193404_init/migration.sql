-- CreateTable
CREATE TABLE "hosts" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "os_family" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hosts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "host_labels" (
    "host_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "host_labels_pkey" PRIMARY KEY ("host_id","key")
);

-- CreateTable
CREATE TABLE "uploads" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "uploaded_by" TEXT,
    "status" TEXT NOT NULL DEFAULT 'done',
    "message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "uploads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshots" (
    "id" SERIAL NOT NULL,
    "host_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "collected_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "upload_id" INTEGER,
    "file_name" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "parser_version" TEXT NOT NULL,
    "entry_count" INTEGER NOT NULL,
    "warning_count" INTEGER NOT NULL DEFAULT 0,
    "warnings" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entries" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "norm_name" TEXT NOT NULL,
    "norm_command" TEXT NOT NULL,
    "executable" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "variants" (
    "id" SERIAL NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "image_path" TEXT,
    "enabled" BOOLEAN,
    "hidden" BOOLEAN,
    "run_as" TEXT,
    "run_level" TEXT,
    "schedule" TEXT,
    "triggers" JSONB NOT NULL DEFAULT '[]',
    "signer" TEXT,
    "verified" BOOLEAN,
    "md5" TEXT,
    "sha1" TEXT,
    "sha256" TEXT,
    "author" TEXT,
    "description" TEXT,
    "company" TEXT,
    "file_not_found" BOOLEAN NOT NULL DEFAULT false,
    "raw" JSONB NOT NULL,

    CONSTRAINT "variants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "presences" (
    "id" BIGSERIAL NOT NULL,
    "host_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "variant_id" INTEGER NOT NULL,
    "first_snapshot_id" INTEGER NOT NULL,
    "from_at" TIMESTAMPTZ(3) NOT NULL,
    "last_snapshot_id" INTEGER,
    "until_at" TIMESTAMPTZ(3),

    CONSTRAINT "presences_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "hosts_key_key" ON "hosts"("key");

-- CreateIndex
CREATE INDEX "host_labels_key_value_idx" ON "host_labels"("key", "value");

-- CreateIndex
CREATE INDEX "uploads_sha256_idx" ON "uploads"("sha256");

-- CreateIndex
CREATE INDEX "snapshots_host_id_source_collected_at_idx" ON "snapshots"("host_id", "source", "collected_at");

-- CreateIndex
CREATE INDEX "snapshots_collected_at_idx" ON "snapshots"("collected_at");

-- CreateIndex
CREATE UNIQUE INDEX "snapshots_host_id_source_content_hash_key" ON "snapshots"("host_id", "source", "content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "entries_key_key" ON "entries"("key");

-- CreateIndex
CREATE INDEX "entries_family_idx" ON "entries"("family");

-- CreateIndex
CREATE INDEX "entries_first_seen_at_idx" ON "entries"("first_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "variants_key_key" ON "variants"("key");

-- CreateIndex
CREATE INDEX "variants_entry_id_idx" ON "variants"("entry_id");

-- CreateIndex
CREATE INDEX "variants_sha256_idx" ON "variants"("sha256");

-- CreateIndex
CREATE INDEX "presences_host_id_source_until_at_idx" ON "presences"("host_id", "source", "until_at");

-- CreateIndex
CREATE INDEX "presences_entry_id_until_at_idx" ON "presences"("entry_id", "until_at");

-- AddForeignKey
ALTER TABLE "host_labels" ADD CONSTRAINT "host_labels_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variants" ADD CONSTRAINT "variants_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presences" ADD CONSTRAINT "presences_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presences" ADD CONSTRAINT "presences_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presences" ADD CONSTRAINT "presences_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "variants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
