-- Community-organising pilots (issue 8): pilots, their status changes, shared partners, activities and
-- comments. Counts are checked here too, so nothing but the API's bounds can reach the table.

-- CreateEnum
CREATE TYPE "pilot_category" AS ENUM ('local_services', 'jobs_and_pay', 'housing', 'transport', 'schools_and_childcare', 'health_and_care', 'outsourcing', 'environment', 'other');

-- CreateEnum
CREATE TYPE "pilot_kind" AS ENUM ('community_organising', 'political_education', 'union_recruitment');

-- CreateEnum
CREATE TYPE "pilot_status" AS ENUM ('planned', 'active', 'won', 'partly_won', 'lost', 'paused', 'closed');

-- CreateEnum
CREATE TYPE "activity_type" AS ENUM ('door_knocking', 'one_to_one', 'public_meeting', 'stall', 'petition', 'demonstration', 'lobby', 'political_education', 'union_recruitment', 'social', 'other');

-- CreateEnum
CREATE TYPE "partner_kind" AS ENUM ('union_branch', 'community_group');

-- CreateTable
CREATE TABLE "pilot" (
    "id" SERIAL NOT NULL,
    "clp_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "issue" TEXT NOT NULL,
    "category" "pilot_category" NOT NULL,
    "kind" "pilot_kind" NOT NULL,
    "status" "pilot_status" NOT NULL DEFAULT 'planned',
    "status_on" DATE NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "goals" TEXT NOT NULL DEFAULT '',
    "organiser_id" INTEGER,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "outcome" TEXT NOT NULL DEFAULT '',
    "evidence_links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lessons" TEXT NOT NULL DEFAULT '',
    "origin_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" INTEGER,

    CONSTRAINT "pilot_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pilot_location_both" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)),
    CONSTRAINT "pilot_dates_ordered" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on")
);

-- CreateTable
CREATE TABLE "pilot_status_change" (
    "id" SERIAL NOT NULL,
    "pilot_id" INTEGER NOT NULL,
    "status" "pilot_status" NOT NULL,
    "changed_on" DATE NOT NULL,
    "changed_by_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pilot_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "partner" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "partner_kind" NOT NULL,
    "union_name" TEXT,
    "contact_role" TEXT,
    "merged_into_id" INTEGER,
    "dedupe_key" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pilot_partner" (
    "pilot_id" INTEGER NOT NULL,
    "partner_id" INTEGER NOT NULL,

    CONSTRAINT "pilot_partner_pkey" PRIMARY KEY ("pilot_id","partner_id")
);

-- CreateTable
CREATE TABLE "pilot_activity" (
    "id" SERIAL NOT NULL,
    "pilot_id" INTEGER NOT NULL,
    "idempotency_key" UUID NOT NULL,
    "occurred_on" DATE NOT NULL,
    "type" "activity_type" NOT NULL,
    "participants" INTEGER,
    "conversations" INTEGER,
    "new_members" INTEGER,
    "new_union_members" INTEGER,
    "new_leaders" INTEGER,
    "petition_signatures" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "recorded_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "pilot_activity_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pilot_activity_counts_non_negative" CHECK (
        coalesce("participants", 0) >= 0 AND coalesce("conversations", 0) >= 0 AND
        coalesce("new_members", 0) >= 0 AND coalesce("new_union_members", 0) >= 0 AND
        coalesce("new_leaders", 0) >= 0 AND coalesce("petition_signatures", 0) >= 0
    )
);

-- CreateTable
CREATE TABLE "pilot_comment" (
    "id" SERIAL NOT NULL,
    "pilot_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pilot_comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pilot_clp_id_idx" ON "pilot"("clp_id");

-- CreateIndex
CREATE INDEX "pilot_status_idx" ON "pilot"("status");

-- CreateIndex
CREATE INDEX "pilot_organiser_id_idx" ON "pilot"("organiser_id");

-- CreateIndex
CREATE INDEX "pilot_origin_id_idx" ON "pilot"("origin_id");

-- CreateIndex
CREATE INDEX "pilot_status_change_pilot_id_changed_on_idx" ON "pilot_status_change"("pilot_id", "changed_on");

-- CreateIndex
CREATE INDEX "partner_merged_into_id_idx" ON "partner"("merged_into_id");

-- CreateIndex
CREATE UNIQUE INDEX "partner_dedupe_key_key" ON "partner"("dedupe_key");

-- CreateIndex
CREATE INDEX "pilot_partner_partner_id_idx" ON "pilot_partner"("partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "pilot_activity_idempotency_key_key" ON "pilot_activity"("idempotency_key");

-- CreateIndex
CREATE INDEX "pilot_activity_pilot_id_occurred_on_idx" ON "pilot_activity"("pilot_id", "occurred_on");

-- CreateIndex
CREATE INDEX "pilot_activity_occurred_on_idx" ON "pilot_activity"("occurred_on");

-- CreateIndex
CREATE INDEX "pilot_comment_pilot_id_created_at_idx" ON "pilot_comment"("pilot_id", "created_at");

-- AddForeignKey
ALTER TABLE "pilot" ADD CONSTRAINT "pilot_clp_id_fkey" FOREIGN KEY ("clp_id") REFERENCES "clp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot" ADD CONSTRAINT "pilot_organiser_id_fkey" FOREIGN KEY ("organiser_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot" ADD CONSTRAINT "pilot_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot" ADD CONSTRAINT "pilot_origin_id_fkey" FOREIGN KEY ("origin_id") REFERENCES "pilot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_status_change" ADD CONSTRAINT "pilot_status_change_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_status_change" ADD CONSTRAINT "pilot_status_change_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "partner" ADD CONSTRAINT "partner_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_partner" ADD CONSTRAINT "pilot_partner_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_partner" ADD CONSTRAINT "pilot_partner_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_activity" ADD CONSTRAINT "pilot_activity_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_activity" ADD CONSTRAINT "pilot_activity_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_comment" ADD CONSTRAINT "pilot_comment_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pilot_comment" ADD CONSTRAINT "pilot_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
