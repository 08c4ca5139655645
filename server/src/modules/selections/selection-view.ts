// How a selection reads, per caller: the public face (stages, dates, nominations, ballot, composition as
// counts with small ones withheld, names and fields only as the candidate consented) for everyone, and
// candidates' personal fields for the CLP's selection officers and admins. Every read of personal fields by
// anyone but the person who entered them is recorded, in the same request.
import {
  REACHED_STAGES,
  SELECTION_STAGES,
  type TCandidacy,
  type TCompliance,
  type TComposition,
  type TConsentField,
  type TReachedStage,
  type TSelection,
  type TSelectionRules,
  type TSelectionSummary,
} from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { can, type Principal } from '../access/policy.ts';
import { evaluateCompliance, publicCount, type ComplianceCandidacy } from './compliance.ts';
import { effectiveRules, nationalRules, storedOverrides } from './selection-rules.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export const selectionInclude = {
  clp: {
    select: {
      id: true,
      name: true,
      constituency: { select: { code: true, name: true, region: { select: { code: true, name: true } } } },
    },
  },
  stages: true,
  candidacies: {
    orderBy: { id: 'asc' },
    include: {
      candidate: {
        include: {
          consents: { orderBy: { id: 'asc' }, include: { recordedBy: { select: { name: true } } } },
        },
      },
      nominations: { orderBy: { id: 'asc' } },
    },
  },
  ballotRounds: { orderBy: { round: 'asc' }, include: { votes: { orderBy: { candidacyId: 'asc' } } } },
} satisfies Prisma.SelectionInclude;

export type SelectionRow = Prisma.SelectionGetPayload<{ include: typeof selectionInclude }>;
type CandidacyRow = SelectionRow['candidacies'][number];

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const rank = (s: TReachedStage) => REACHED_STAGES.indexOf(s);
const reached = (c: { stage: string; withdrawnAfter: string | null }): TReachedStage =>
  (c.stage === 'withdrawn' ? (c.withdrawnAfter ?? 'applied') : c.stage) as TReachedStage;

/** The fields a candidate's consents (those not withdrawn) cover; nothing without `name`. */
export function consentedFields(c: CandidacyRow['candidate']): Set<TConsentField> {
  if (c.erasedAt) return new Set();
  const fields = new Set(
    c.consents.filter((k) => !k.withdrawnAt).flatMap((k) => k.fields as TConsentField[]),
  );
  return fields.has('name') ? fields : new Set();
}

function complianceCandidacies(row: SelectionRow): ComplianceCandidacy[] {
  return row.candidacies.map((c) => ({
    stage: c.stage,
    withdrawnAfter: c.withdrawnAfter as TReachedStage | null,
    livesLocally: c.livesLocally,
    workingClass: c.candidate.workingClass,
    gender: c.candidate.gender,
    unionNominated: c.nominations.some((n) => n.kind === 'trade_union'),
  }));
}

function composition(row: SelectionRow, rules: TSelectionRules, exact: boolean): TComposition {
  const below = rules.suppressBelow;
  const applicants = row.candidacies.filter((c) => c.stage !== 'withdrawn');
  const longlist = row.candidacies.filter((c) => rank(reached(c)) >= rank('longlisted'));
  const shortlist = row.candidacies.filter((c) => c.stage === 'shortlisted' || c.stage === 'selected');
  const shown = (count: number, total: number) => (exact ? count : publicCount(count, total, below));
  return {
    applicants: applicants.length,
    longlisted: longlist.length,
    shortlisted: shortlist.length,
    shortlistLocal: shown(shortlist.filter((c) => c.livesLocally === true).length, shortlist.length),
    shortlistWorkingClass: shown(
      shortlist.filter((c) => c.candidate.workingClass === true).length,
      shortlist.length,
    ),
    longlistWomen: shown(longlist.filter((c) => c.candidate.gender === 'woman').length, longlist.length),
    suppressBelow: below,
  };
}

/** A selection's compliance with its effective rules (the seat layer and the board use the public one). */
export function complianceOf(
  row: SelectionRow,
  national: TSelectionRules,
  audience: 'officer' | 'public',
): TCompliance {
  const overrides = storedOverrides(row.ruleOverrides);
  const ballotStage = row.stages.find((s) => s.stage === 'members_ballot');
  return evaluateCompliance({
    stage: row.stage,
    imposed: row.imposed,
    imposedSource: row.imposedSource,
    ballotHeld: row.ballotRounds.length > 0,
    ballotPlanned: !!(ballotStage?.plannedOn || ballotStage?.actualOn),
    candidacies: complianceCandidacies(row),
    rules: effectiveRules(national, overrides),
    overrides,
    audience,
  });
}

function summaryOf(row: SelectionRow, national: TSelectionRules, exact: boolean): TSelectionSummary {
  const overrides = storedOverrides(row.ruleOverrides);
  const rules = effectiveRules(national, overrides);
  const seat = row.clp.constituency;
  return {
    id: row.id,
    clp: { id: row.clp.id, name: row.clp.name },
    seat: { code: seat.code, name: seat.name },
    region: seat.region,
    electionType: row.electionType,
    wardName: row.wardName,
    area: row.wardName ?? seat.name,
    sittingMember: row.sittingMember,
    stage: row.stage,
    stages: [...row.stages]
      .sort((a, b) => SELECTION_STAGES.indexOf(a.stage) - SELECTION_STAGES.indexOf(b.stage))
      .map((s) => ({ stage: s.stage, plannedOn: day(s.plannedOn), actualOn: day(s.actualOn) })),
    imposed: row.imposed,
    imposedSource: row.imposedSource,
    compliance: complianceOf(row, national, exact ? 'officer' : 'public'),
    composition: composition(row, rules, exact),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function candidacyOf(c: CandidacyRow, index: number, personal: boolean): TCandidacy {
  const k = c.candidate;
  const consented = consentedFields(k);
  const values: Record<TConsentField, string | number | boolean | null> = {
    name: k.name,
    occupation: k.occupation,
    livesLocally: c.livesLocally,
    yearsLocal: c.yearsLocal,
    localConnection: c.localConnection,
    workingClass: k.workingClass,
    keyWorker: k.keyWorker,
    unionMember: k.unionMember,
    unionName: k.unionName,
    councillorExperience: k.councillorExperience,
    unionRepExperience: k.unionRepExperience,
    futureCandidatesProgramme: k.futureCandidatesProgramme,
    candidateFund: k.candidateFund,
    buddyMp: k.buddyMp,
    gender: k.gender,
  };
  const published = Object.fromEntries([...consented].map((f) => [f, values[f]]));
  const anonymous = `Candidate ${index + 1}`;
  const publicLabel = k.erasedAt ? `${anonymous} (erased)` : consented.has('name') ? k.name : anonymous;
  const label = personal && !k.erasedAt ? k.name : publicLabel;
  return {
    id: c.id,
    label,
    publicLabel,
    stage: c.stage,
    withdrawnAfter: c.withdrawnAfter as TReachedStage | null,
    nominations: c.nominations.map((n) => ({
      id: n.id,
      kind: n.kind,
      name: n.name,
      receivedOn: day(n.receivedOn),
    })),
    published,
    personal: personal
      ? {
          version: c.version,
          livesLocally: k.erasedAt ? null : c.livesLocally,
          yearsLocal: c.yearsLocal,
          localConnection: c.localConnection,
          candidate: {
            id: k.id,
            version: k.version,
            erased: k.erasedAt != null,
            name: k.name,
            occupation: k.occupation,
            // Kept after erasure only for the counts; no longer shown against the (anonymous) person.
            workingClass: k.erasedAt ? null : k.workingClass,
            keyWorker: k.keyWorker,
            unionMember: k.unionMember,
            unionName: k.unionName,
            councillorExperience: k.councillorExperience,
            unionRepExperience: k.unionRepExperience,
            futureCandidatesProgramme: k.futureCandidatesProgramme,
            candidateFund: k.candidateFund,
            buddyMp: k.buddyMp,
            gender: k.erasedAt ? null : k.gender,
            consents: k.consents.map((x) => ({
              id: x.id,
              fields: x.fields as TConsentField[],
              note: x.note,
              recordedBy: x.recordedBy?.name ?? null,
              recordedAt: x.recordedAt.toISOString(),
              withdrawnAt: x.withdrawnAt?.toISOString() ?? null,
            })),
          },
        }
      : null,
  };
}

/** Records a read of these candidates' personal fields by `viewer` (skipping those they entered). */
export async function recordViews(
  db: Db,
  viewer: Principal | undefined,
  candidates: readonly { id: number; enteredById: number | null; erasedAt: Date | null }[],
  context: string,
): Promise<void> {
  if (!viewer) return;
  const data = candidates
    .filter((c) => c.enteredById !== viewer.userId && !c.erasedAt)
    .map((c) => ({ viewerId: viewer.userId, candidateId: c.id, context }));
  if (data.length > 0) await db.personalDataView.createMany({ data });
}

const resourceOfRow = (row: SelectionRow) =>
  ({ kind: 'selections', clpId: row.clp.id, regionCode: row.clp.constituency.region.code }) as const;

/** One selection as `principal` may see it; personal reads are recorded. */
export async function getSelection(
  db: Db,
  id: number,
  principal: Principal | undefined,
): Promise<TSelection> {
  const row = await db.selection.findUnique({ where: { id }, include: selectionInclude });
  if (!row) throw AppError.notFound(`Selection ${id}`);
  const personal = can(principal, 'selections:read-personal', resourceOfRow(row));
  const national = await nationalRules(db);
  const overrides = storedOverrides(row.ruleOverrides);
  if (personal) {
    await recordViews(
      db,
      principal,
      row.candidacies.map((c) => c.candidate),
      'selection page',
    );
  }
  return {
    ...summaryOf(row, national, personal),
    candidacies: row.candidacies.map((c, i) => candidacyOf(c, i, personal)),
    ballot: row.ballotRounds.map((r) => ({
      round: r.round,
      exhausted: r.exhausted,
      votes: r.votes.map((v) => ({ candidacyId: v.candidacyId, votes: v.votes })),
    })),
    rules: effectiveRules(national, overrides),
    ruleOverrides: overrides,
    canEdit: can(principal, 'selections:write', resourceOfRow(row)),
  };
}

/** Summaries for a list: exact figures only where the caller may read personal fields. */
export function summariesOf(
  rows: readonly SelectionRow[],
  national: TSelectionRules,
  principal: Principal | undefined,
): TSelectionSummary[] {
  return rows.map((row) =>
    summaryOf(row, national, can(principal, 'selections:read-personal', resourceOfRow(row))),
  );
}
