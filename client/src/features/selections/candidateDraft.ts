import type {
  TCandidacyStage,
  TCandidateFields,
  TCandidatePersonal,
  TGender,
  TReachedStage,
} from '@groundwork/server/contracts';
import { flagOf, flagValue, wholeNumber, type FlagValue } from './words.ts';

/** The yes/no fields of a candidate: special-category data (class, union, political activity). */
export const CANDIDATE_FLAGS = [
  ['workingClass', 'Working class'],
  ['keyWorker', 'Key worker'],
  ['unionMember', 'Trade union member'],
  ['unionRepExperience', 'Has been a union rep'],
  ['councillorExperience', 'Has been a councillor'],
  ['futureCandidatesProgramme', 'On the Future Candidates Programme'],
  ['candidateFund', 'Helped by the candidate fund'],
] as const;
export type CandidateFlag = (typeof CANDIDATE_FLAGS)[number][0];

export interface CandidateDraft extends Record<CandidateFlag, FlagValue> {
  name: string;
  occupation: string;
  unionName: string;
  buddyMp: string;
  gender: TGender | '';
}

export function candidateDraft(c?: TCandidatePersonal): CandidateDraft {
  const draft = {
    name: c?.name ?? '',
    occupation: c?.occupation ?? '',
    unionName: c?.unionName ?? '',
    buddyMp: c?.buddyMp ?? '',
    gender: c?.gender ?? '',
  } as CandidateDraft;
  for (const [key] of CANDIDATE_FLAGS) draft[key] = flagValue(c?.[key]);
  return draft;
}

export function candidateFields(d: CandidateDraft): TCandidateFields {
  const out: TCandidateFields = {
    name: d.name.trim(),
    occupation: d.occupation.trim(),
    unionName: d.unionName.trim(),
    buddyMp: d.buddyMp.trim(),
    gender: d.gender || null,
  };
  for (const [key] of CANDIDATE_FLAGS) out[key] = flagOf(d[key]);
  return out;
}

/** Where the applicant lives relative to the seat, and how far they went. */
export interface CandidacyDraft {
  stage: TCandidacyStage;
  withdrawnAfter: TReachedStage | '';
  livesLocally: FlagValue;
  yearsLocal: string;
  localConnection: string;
}

export function candidacyDraft(p?: {
  stage: TCandidacyStage;
  withdrawnAfter: TReachedStage | null;
  livesLocally: boolean | null;
  yearsLocal: number | null;
  localConnection: string;
}): CandidacyDraft {
  return {
    stage: p?.stage ?? 'applied',
    withdrawnAfter: p?.withdrawnAfter ?? '',
    livesLocally: flagValue(p?.livesLocally),
    yearsLocal: p?.yearsLocal === null || p?.yearsLocal === undefined ? '' : String(p.yearsLocal),
    localConnection: p?.localConnection ?? '',
  };
}

/** The problems the page can see before sending, keyed like the server's field names. */
export function draftProblems(c: CandidacyDraft, d?: CandidateDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (d && !d.name.trim()) out['candidate.name'] = 'Enter the applicant’s name';
  const years = wholeNumber(c.yearsLocal);
  if (years !== undefined && (Number.isNaN(years) || years > 120))
    out.yearsLocal = 'Enter a whole number of years, 0 to 120';
  if (c.stage === 'withdrawn' && !c.withdrawnAfter)
    out.withdrawnAfter = 'Choose the last stage reached before withdrawing';
  return out;
}

export function candidacyFields(c: CandidacyDraft) {
  const years = wholeNumber(c.yearsLocal);
  return {
    stage: c.stage,
    withdrawnAfter: c.stage === 'withdrawn' ? c.withdrawnAfter || null : null,
    livesLocally: flagOf(c.livesLocally),
    yearsLocal: years === undefined || Number.isNaN(years) ? null : years,
    localConnection: c.localConnection.trim(),
  };
}
