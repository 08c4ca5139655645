-- Candidate selections (issue 9): selections and their stage dates, candidates (special-category data)
-- and their candidacies, nominations, members' ballot rounds, consents to publish, and the record of every
-- read of a candidate's personal fields. Counts are checked here too.

-- CreateEnum
CREATE TYPE "election_type" AS ENUM ('general', 'by_election', 'council', 'mayoral', 'devolved');

-- CreateEnum
CREATE TYPE "selection_stage" AS ENUM ('trigger_ballot', 'timetable_set', 'applications_open', 'longlist', 'shortlist', 'hustings', 'members_ballot', 'selected', 'endorsed');

-- CreateEnum
CREATE TYPE "candidacy_stage" AS ENUM ('applied', 'longlisted', 'shortlisted', 'selected', 'withdrawn');

-- CreateEnum
CREATE TYPE "gender" AS ENUM ('woman', 'man', 'non_binary', 'not_stated');

-- CreateEnum
CREATE TYPE "nominator_kind" AS ENUM ('branch', 'trade_union', 'socialist_society', 'other_affiliate');

-- CreateTable
CREATE TABLE "selection" (
    "id" SERIAL NOT NULL,
    "clp_id" INTEGER NOT NULL,
    "election_type" "election_type" NOT NULL,
    "ward_name" TEXT,
    "sitting_member" BOOLEAN NOT NULL DEFAULT false,
    "stage" "selection_stage" NOT NULL,
    "imposed" BOOLEAN NOT NULL DEFAULT false,
    "imposed_source" TEXT,
    "rule_overrides" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" INTEGER,

    CONSTRAINT "selection_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "selection_imposed_has_source" CHECK (NOT "imposed" OR "imposed_source" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "selection_stage_date" (
    "selection_id" INTEGER NOT NULL,
    "stage" "selection_stage" NOT NULL,
    "planned_on" DATE,
    "actual_on" DATE,

    CONSTRAINT "selection_stage_date_pkey" PRIMARY KEY ("selection_id","stage")
);

-- CreateTable
CREATE TABLE "candidate" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "occupation" TEXT NOT NULL DEFAULT '',
    "working_class" BOOLEAN,
    "key_worker" BOOLEAN,
    "union_member" BOOLEAN,
    "union_name" TEXT NOT NULL DEFAULT '',
    "councillor_experience" BOOLEAN,
    "union_rep_experience" BOOLEAN,
    "future_candidates_programme" BOOLEAN,
    "candidate_fund" BOOLEAN,
    "buddy_mp" TEXT NOT NULL DEFAULT '',
    "gender" "gender",
    "entered_by_id" INTEGER,
    "erased_at" TIMESTAMPTZ(3),
    "erased_by_id" INTEGER,
    "erasure_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidacy" (
    "id" SERIAL NOT NULL,
    "selection_id" INTEGER NOT NULL,
    "candidate_id" INTEGER NOT NULL,
    "stage" "candidacy_stage" NOT NULL DEFAULT 'applied',
    "withdrawn_after" "candidacy_stage",
    "lives_locally" BOOLEAN,
    "years_local" INTEGER,
    "local_connection" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "candidacy_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "candidacy_withdrawn_after" CHECK (("stage" = 'withdrawn') = ("withdrawn_after" IS NOT NULL) AND ("withdrawn_after" IS NULL OR "withdrawn_after" <> 'withdrawn')),
    CONSTRAINT "candidacy_years_local" CHECK ("years_local" IS NULL OR ("years_local" >= 0 AND "years_local" <= 120))
);

-- CreateTable
CREATE TABLE "nomination" (
    "id" SERIAL NOT NULL,
    "candidacy_id" INTEGER NOT NULL,
    "kind" "nominator_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "received_on" DATE,

    CONSTRAINT "nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ballot_round" (
    "id" SERIAL NOT NULL,
    "selection_id" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "exhausted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ballot_round_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ballot_round_counts" CHECK ("round" >= 1 AND "exhausted" >= 0)
);

-- CreateTable
CREATE TABLE "ballot_vote" (
    "round_id" INTEGER NOT NULL,
    "candidacy_id" INTEGER NOT NULL,
    "votes" INTEGER NOT NULL,

    CONSTRAINT "ballot_vote_pkey" PRIMARY KEY ("round_id","candidacy_id"),
    CONSTRAINT "ballot_vote_votes" CHECK ("votes" >= 0)
);

-- CreateTable
CREATE TABLE "candidate_consent" (
    "id" SERIAL NOT NULL,
    "candidate_id" INTEGER NOT NULL,
    "fields" TEXT[],
    "note" TEXT NOT NULL DEFAULT '',
    "recorded_by_id" INTEGER,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawn_by_id" INTEGER,

    CONSTRAINT "candidate_consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "personal_data_view" (
    "id" SERIAL NOT NULL,
    "viewer_id" INTEGER,
    "candidate_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "context" VARCHAR(80) NOT NULL,

    CONSTRAINT "personal_data_view_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "selection_clp_id_idx" ON "selection"("clp_id");

-- CreateIndex
CREATE INDEX "selection_stage_idx" ON "selection"("stage");

-- CreateIndex
CREATE INDEX "candidacy_candidate_id_idx" ON "candidacy"("candidate_id");

-- CreateIndex
CREATE UNIQUE INDEX "candidacy_selection_id_candidate_id_key" ON "candidacy"("selection_id", "candidate_id");

-- CreateIndex
CREATE INDEX "nomination_candidacy_id_idx" ON "nomination"("candidacy_id");

-- CreateIndex
CREATE UNIQUE INDEX "ballot_round_selection_id_round_key" ON "ballot_round"("selection_id", "round");

-- CreateIndex
CREATE INDEX "ballot_vote_candidacy_id_idx" ON "ballot_vote"("candidacy_id");

-- CreateIndex
CREATE INDEX "candidate_consent_candidate_id_idx" ON "candidate_consent"("candidate_id");

-- CreateIndex
CREATE INDEX "personal_data_view_candidate_id_at_idx" ON "personal_data_view"("candidate_id", "at");

-- CreateIndex
CREATE INDEX "personal_data_view_viewer_id_idx" ON "personal_data_view"("viewer_id");

-- AddForeignKey
ALTER TABLE "selection" ADD CONSTRAINT "selection_clp_id_fkey" FOREIGN KEY ("clp_id") REFERENCES "clp"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection" ADD CONSTRAINT "selection_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "selection_stage_date" ADD CONSTRAINT "selection_stage_date_selection_id_fkey" FOREIGN KEY ("selection_id") REFERENCES "selection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate" ADD CONSTRAINT "candidate_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate" ADD CONSTRAINT "candidate_erased_by_id_fkey" FOREIGN KEY ("erased_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidacy" ADD CONSTRAINT "candidacy_selection_id_fkey" FOREIGN KEY ("selection_id") REFERENCES "selection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidacy" ADD CONSTRAINT "candidacy_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_candidacy_id_fkey" FOREIGN KEY ("candidacy_id") REFERENCES "candidacy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot_round" ADD CONSTRAINT "ballot_round_selection_id_fkey" FOREIGN KEY ("selection_id") REFERENCES "selection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot_vote" ADD CONSTRAINT "ballot_vote_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "ballot_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballot_vote" ADD CONSTRAINT "ballot_vote_candidacy_id_fkey" FOREIGN KEY ("candidacy_id") REFERENCES "candidacy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_consent" ADD CONSTRAINT "candidate_consent_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_consent" ADD CONSTRAINT "candidate_consent_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_consent" ADD CONSTRAINT "candidate_consent_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "personal_data_view" ADD CONSTRAINT "personal_data_view_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "personal_data_view" ADD CONSTRAINT "personal_data_view_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
