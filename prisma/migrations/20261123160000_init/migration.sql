-- CreateTable
CREATE TABLE "nation" (
    "code" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "nation_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "region" (
    "code" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "nation_code" VARCHAR(9) NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "boundary_set" (
    "code" VARCHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "first_election" INTEGER NOT NULL,
    "last_election" INTEGER,

    CONSTRAINT "boundary_set_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "constituency" (
    "id" SERIAL NOT NULL,
    "boundary_set_code" VARCHAR(4) NOT NULL,
    "code" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "name_welsh" TEXT,
    "region_code" VARCHAR(9) NOT NULL,
    "nation_code" VARCHAR(9) NOT NULL,
    "constituency_type" TEXT,
    "electorate" INTEGER,
    "leave_share" DECIMAL(6,5),
    "deprivation_decile" SMALLINT,
    "deprivation_score" DECIMAL(8,4),
    "red_wall" BOOLEAN NOT NULL DEFAULT false,
    "geometry" JSONB NOT NULL,
    "hex_q" INTEGER NOT NULL,
    "hex_r" INTEGER NOT NULL,

    CONSTRAINT "constituency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "party" (
    "code" VARCHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "colour" VARCHAR(7) NOT NULL,

    CONSTRAINT "party_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "election" (
    "code" VARCHAR(8) NOT NULL,
    "name" TEXT NOT NULL,
    "polled_on" DATE NOT NULL,
    "boundary_set_code" VARCHAR(4) NOT NULL,
    "notional" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,

    CONSTRAINT "election_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "result" (
    "id" SERIAL NOT NULL,
    "election_code" VARCHAR(8) NOT NULL,
    "constituency_id" INTEGER NOT NULL,
    "electorate" INTEGER NOT NULL,
    "valid_votes" INTEGER NOT NULL,
    "invalid_votes" INTEGER,
    "majority" INTEGER NOT NULL,
    "winner_code" VARCHAR(8) NOT NULL,
    "second_code" VARCHAR(8) NOT NULL,
    "result_text" TEXT,

    CONSTRAINT "result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "result_vote" (
    "result_id" INTEGER NOT NULL,
    "party_code" VARCHAR(8) NOT NULL,
    "votes" INTEGER NOT NULL,

    CONSTRAINT "result_vote_pkey" PRIMARY KEY ("result_id","party_code")
);

-- CreateTable
CREATE TABLE "constituency_overlap" (
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,
    "pop_share" DECIMAL(4,3) NOT NULL,
    "area_share" DECIMAL(4,3) NOT NULL,
    "population" INTEGER NOT NULL,

    CONSTRAINT "constituency_overlap_pkey" PRIMARY KEY ("from_id","to_id")
);

-- CreateTable
CREATE TABLE "dataset_import" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" JSONB NOT NULL,

    CONSTRAINT "dataset_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "region_name_key" ON "region"("name");

-- CreateIndex
CREATE INDEX "region_nation_code_idx" ON "region"("nation_code");

-- CreateIndex
CREATE INDEX "constituency_boundary_set_code_region_code_idx" ON "constituency"("boundary_set_code", "region_code");

-- CreateIndex
CREATE INDEX "constituency_boundary_set_code_nation_code_idx" ON "constituency"("boundary_set_code", "nation_code");

-- CreateIndex
CREATE INDEX "constituency_boundary_set_code_red_wall_idx" ON "constituency"("boundary_set_code", "red_wall");

-- CreateIndex
CREATE UNIQUE INDEX "constituency_boundary_set_code_code_key" ON "constituency"("boundary_set_code", "code");

-- CreateIndex
CREATE INDEX "election_boundary_set_code_idx" ON "election"("boundary_set_code");

-- CreateIndex
CREATE INDEX "result_constituency_id_idx" ON "result"("constituency_id");

-- CreateIndex
CREATE INDEX "result_election_code_winner_code_idx" ON "result"("election_code", "winner_code");

-- CreateIndex
CREATE UNIQUE INDEX "result_election_code_constituency_id_key" ON "result"("election_code", "constituency_id");

-- CreateIndex
CREATE INDEX "result_vote_party_code_idx" ON "result_vote"("party_code");

-- CreateIndex
CREATE INDEX "constituency_overlap_to_id_idx" ON "constituency_overlap"("to_id");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_nation_code_fkey" FOREIGN KEY ("nation_code") REFERENCES "nation"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "constituency" ADD CONSTRAINT "constituency_boundary_set_code_fkey" FOREIGN KEY ("boundary_set_code") REFERENCES "boundary_set"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "constituency" ADD CONSTRAINT "constituency_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "constituency" ADD CONSTRAINT "constituency_nation_code_fkey" FOREIGN KEY ("nation_code") REFERENCES "nation"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "election" ADD CONSTRAINT "election_boundary_set_code_fkey" FOREIGN KEY ("boundary_set_code") REFERENCES "boundary_set"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_election_code_fkey" FOREIGN KEY ("election_code") REFERENCES "election"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_constituency_id_fkey" FOREIGN KEY ("constituency_id") REFERENCES "constituency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_winner_code_fkey" FOREIGN KEY ("winner_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_second_code_fkey" FOREIGN KEY ("second_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_vote" ADD CONSTRAINT "result_vote_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "result"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_vote" ADD CONSTRAINT "result_vote_party_code_fkey" FOREIGN KEY ("party_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "constituency_overlap" ADD CONSTRAINT "constituency_overlap_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "constituency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "constituency_overlap" ADD CONSTRAINT "constituency_overlap_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "constituency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
