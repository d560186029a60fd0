-- CreateTable
CREATE TABLE "triage_items" (
    "id" SERIAL NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "host_id" INTEGER,
    "scope" TEXT NOT NULL DEFAULT 'fleet',
    "state" TEXT NOT NULL DEFAULT 'new',
    "severity" TEXT NOT NULL,
    "assignee_id" INTEGER,
    "due_at" TIMESTAMPTZ(3),
    "verdict" TEXT,
    "verdict_at" TIMESTAMPTZ(3),
    "verdict_by" TEXT,
    "signed_off_by" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "reopen_reason" TEXT,
    "heuristic_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "triage_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "triage_comments" (
    "id" SERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "author" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "triage_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "triage_events" (
    "id" BIGSERIAL NOT NULL,
    "item_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "from_value" TEXT,
    "to_value" TEXT,
    "reason" TEXT,

    CONSTRAINT "triage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "item_id" INTEGER,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "triage_items_state_assignee_id_idx" ON "triage_items"("state", "assignee_id");

-- CreateIndex
CREATE INDEX "triage_items_assignee_id_state_idx" ON "triage_items"("assignee_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "triage_items_entry_id_scope_key" ON "triage_items"("entry_id", "scope");

-- CreateIndex
CREATE INDEX "triage_comments_item_id_created_at_idx" ON "triage_comments"("item_id", "created_at");

-- CreateIndex
CREATE INDEX "triage_events_item_id_at_idx" ON "triage_events"("item_id", "at");

-- CreateIndex
CREATE INDEX "triage_events_field_at_idx" ON "triage_events"("field", "at");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");

-- AddForeignKey
ALTER TABLE "triage_items" ADD CONSTRAINT "triage_items_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_items" ADD CONSTRAINT "triage_items_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_items" ADD CONSTRAINT "triage_items_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_comments" ADD CONSTRAINT "triage_comments_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "triage_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_events" ADD CONSTRAINT "triage_events_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "triage_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "triage_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
