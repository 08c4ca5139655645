-- One row: the version of everything the seat list shows. Every write that changes what a seat row shows
-- (a data load, a target, a visibility setting) bumps it in its own transaction, so every cache and every
-- server instance can tell at once that its copy is old, and sees the new version exactly when the data commits.
-- CreateTable
CREATE TABLE "seat_data_version" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "seat_data_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "seat_data_version_single_row" CHECK ("id" = 1)
);

INSERT INTO "seat_data_version" ("id", "version") VALUES (1, 1);
