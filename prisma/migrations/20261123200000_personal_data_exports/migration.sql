-- CreateTable
CREATE TABLE "personal_data_export" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataset" VARCHAR(40) NOT NULL,
    "filters" JSONB NOT NULL,
    "row_count" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,

    CONSTRAINT "personal_data_export_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "personal_data_export_user_id_idx" ON "personal_data_export"("user_id");

-- CreateIndex
CREATE INDEX "personal_data_export_at_idx" ON "personal_data_export"("at");

-- AddForeignKey
ALTER TABLE "personal_data_export" ADD CONSTRAINT "personal_data_export_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
