-- CreateEnum
CREATE TYPE "target_status" AS ENUM ('WIN', 'DEFEND', 'HOLD', 'NONE');

-- CreateEnum
CREATE TYPE "audit_action" AS ENUM ('create', 'update', 'delete');

-- CreateTable
CREATE TABLE "seat_target" (
    "id" SERIAL NOT NULL,
    "constituency_id" INTEGER NOT NULL,
    "status" "target_status" NOT NULL DEFAULT 'NONE',
    "tier" SMALLINT,
    "rationale" TEXT NOT NULL DEFAULT '',
    "red_wall_override" BOOLEAN,
    "red_wall_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seat_target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "entity_type" VARCHAR(40) NOT NULL,
    "entity_id" VARCHAR(64) NOT NULL,
    "action" "audit_action" NOT NULL,
    "changes" JSONB NOT NULL,
    "source" TEXT,
    "reason" TEXT,
    "request_id" VARCHAR(64),

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" INTEGER,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "seat_target_constituency_id_key" ON "seat_target"("constituency_id");

-- CreateIndex
CREATE INDEX "seat_target_status_idx" ON "seat_target"("status");

-- CreateIndex
CREATE INDEX "audit_entry_entity_type_entity_id_at_idx" ON "audit_entry"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_actor_id_idx" ON "audit_entry"("actor_id");

-- AddForeignKey
ALTER TABLE "seat_target" ADD CONSTRAINT "seat_target_constituency_id_fkey" FOREIGN KEY ("constituency_id") REFERENCES "constituency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seat_target" ADD CONSTRAINT "seat_target_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entry" ADD CONSTRAINT "audit_entry_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "setting" ADD CONSTRAINT "setting_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Tiers run 1 (highest) to 3, and only a seat with a target status has one.
ALTER TABLE "seat_target" ADD CONSTRAINT "seat_target_tier_check" CHECK (
    ("status" = 'NONE' AND "tier" IS NULL) OR ("status" <> 'NONE' AND "tier" BETWEEN 1 AND 3)
);
