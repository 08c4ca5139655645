// Candidate selections (issue 9): the shared vocabulary (election types, stages, candidacy stages, the
// rules and what the compliance check says about each). Requests and responses live beside it.
import { z } from 'zod';
import { PG_INT_MAX, ZId, ZIdParam, ZQueryInt, ZRef, ZText } from './common.ts';
import { ZHistoryEntry } from './history.ts';
import { ZDay, ZVersion } from './pilots.ts';

export const ELECTION_TYPES = ['general', 'by_election', 'council', 'mayoral', 'devolved'] as const;
export const ZElectionType = z.enum(ELECTION_TYPES);
export type TElectionType = z.infer<typeof ZElectionType>;
export const ELECTION_TYPE_LABELS: Record<TElectionType, string> = {
  general: 'General election',
  by_election: 'By-election',
  council: 'Council',
  mayoral: 'Mayoral',
  devolved: 'Devolved',
};

/** A selection's stages, in the order they happen. The trigger ballot only where there is a sitting member. */
export const SELECTION_STAGES = [
  'trigger_ballot',
  'timetable_set',
  'applications_open',
  'longlist',
  'shortlist',
  'hustings',
  'members_ballot',
  'selected',
  'endorsed',
] as const;
export const ZSelectionStage = z.enum(SELECTION_STAGES);
export type TSelectionStage = z.infer<typeof ZSelectionStage>;
export const SELECTION_STAGE_LABELS: Record<TSelectionStage, string> = {
  trigger_ballot: 'Trigger ballot',
  timetable_set: 'Timetable set',
  applications_open: 'Applications open',
  longlist: 'Longlist',
  shortlist: 'Shortlist',
  hustings: 'Hustings',
  members_ballot: "Members' ballot",
  selected: 'Selected',
  endorsed: 'Endorsed',
};
/** Whether stage `a` comes at or after stage `b`. */
export function stageAtOrAfter(a: TSelectionStage, b: TSelectionStage): boolean {
  return SELECTION_STAGES.indexOf(a) >= SELECTION_STAGES.indexOf(b);
}

/**
 * How far a candidacy went. `withdrawn` is where it ended; `withdrawnAfter` on the candidacy says the
 * last stage it had reached (a longlisted applicant who withdrew still made the longlist its size).
 */
export const CANDIDACY_STAGES = ['applied', 'longlisted', 'shortlisted', 'selected', 'withdrawn'] as const;
export const ZCandidacyStage = z.enum(CANDIDACY_STAGES);
export type TCandidacyStage = z.infer<typeof ZCandidacyStage>;
export const REACHED_STAGES = ['applied', 'longlisted', 'shortlisted', 'selected'] as const;
export const ZReachedStage = z.enum(REACHED_STAGES);
export type TReachedStage = z.infer<typeof ZReachedStage>;
export const CANDIDACY_STAGE_LABELS: Record<TCandidacyStage, string> = {
  applied: 'Applied',
  longlisted: 'Longlisted',
  shortlisted: 'Shortlisted',
  selected: 'Selected',
  withdrawn: 'Withdrawn',
};

export const GENDERS = ['woman', 'man', 'non_binary', 'not_stated'] as const;
export const ZGender = z.enum(GENDERS);
export type TGender = z.infer<typeof ZGender>;

export const NOMINATOR_KINDS = ['branch', 'trade_union', 'socialist_society', 'other_affiliate'] as const;
export const ZNominatorKind = z.enum(NOMINATOR_KINDS);
export type TNominatorKind = z.infer<typeof ZNominatorKind>;
export const NOMINATOR_KIND_LABELS: Record<TNominatorKind, string> = {
  branch: 'Party branch',
  trade_union: 'Trade union',
  socialist_society: 'Socialist society',
  other_affiliate: 'Other affiliate',
};

/** The rules a selection is held to. National defaults are set by admins; a selection may override each. */
export const RULE_KEYS = [
  'localInput',
  'longlistSize',
  'localShare',
  'workingClassShare',
  'membersBallot',
  'womenOnLonglist',
  'unionNomineesLonglisted',
] as const;
export const ZRuleKey = z.enum(RULE_KEYS);
export type TRuleKey = z.infer<typeof ZRuleKey>;
export const RULE_LABELS: Record<TRuleKey, string> = {
  localInput: 'Local input (nothing imposed from outside)',
  longlistSize: 'Longlist size (no long list of one)',
  localShare: 'Shortlisted candidates living locally',
  workingClassShare: 'Working-class shortlisted candidates',
  membersBallot: "Members' ballot",
  womenOnLonglist: 'At least half women on the longlist',
  unionNomineesLonglisted: 'Union-nominated applicants longlisted',
};

const ZShare = z
  .number()
  .int('must be a whole percentage')
  .min(0, 'must be 0 to 100')
  .max(100, 'must be 0 to 100');

/** The rules' settings: thresholds as whole percentages or counts; optional rules switched on or off. */
export const ZSelectionRules = z
  .object({
    localInput: z.boolean(),
    longlistSize: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be 1 to 20')
      .max(20, 'must be 1 to 20'),
    localShare: ZShare,
    workingClassShare: ZShare,
    membersBallot: z.boolean(),
    womenOnLonglist: z.boolean(),
    unionNomineesLonglisted: z.boolean(),
    /** Counts below this (1–9) are shown to members and the public as "fewer than N". */
    suppressBelow: z.number().int('must be a whole number').min(1, 'must be 1 to 9').max(9, 'must be 1 to 9'),
  })
  .strict();
export type TSelectionRules = z.infer<typeof ZSelectionRules>;

export const DEFAULT_SELECTION_RULES: TSelectionRules = {
  localInput: true,
  longlistSize: 2,
  localShare: 50,
  workingClassShare: 50,
  membersBallot: true,
  womenOnLonglist: false,
  unionNomineesLonglisted: false,
  suppressBelow: 3,
};

export const COMPLIANCE_STATES = ['kept', 'at_risk', 'broken', 'off'] as const;
export const ZComplianceState = z.enum(COMPLIANCE_STATES);
export type TComplianceState = z.infer<typeof ZComplianceState>;
export const COMPLIANCE_STATE_LABELS: Record<TComplianceState, string> = {
  kept: 'Kept',
  at_risk: 'At risk',
  broken: 'Broken',
  off: 'Not applied',
};

/** One rule's verdict, with the reason in words and the figures behind it (null where suppressed). */
export const ZRuleVerdict = z.object({
  rule: ZRuleKey,
  state: ZComplianceState,
  reason: z.string(),
  /** The count meeting the rule and the total it is out of, where the rule is about a share or a size. */
  count: z.number().int().nullable(),
  total: z.number().int().nullable(),
  /** Set when the selection's officer overrode the national setting, with their reason. */
  override: z.object({ reason: z.string() }).nullable(),
});
export type TRuleVerdict = z.infer<typeof ZRuleVerdict>;

export const ZCompliance = z.object({
  /** The worst verdict among the rules that apply. */
  overall: ZComplianceState,
  rules: z.array(ZRuleVerdict),
});
export type TCompliance = z.infer<typeof ZCompliance>;

// ---- Requests --------------------------------------------------------------------------------------

const ZShortText = (max: number) => ZText({ max });
const ZNullableFlag = z.boolean({ error: 'must be true, false or null' }).nullable();

/** A stage's planned and actual dates; both optional. */
export const ZStageDates = z
  .object({ stage: ZSelectionStage, plannedOn: ZDay.nullable(), actualOn: ZDay.nullable() })
  .strict();
export type TStageDates = z.infer<typeof ZStageDates>;

const ZStageDatesList = z
  .array(ZStageDates)
  .max(SELECTION_STAGES.length)
  .refine((list) => new Set(list.map((s) => s.stage)).size === list.length, 'must name each stage once');

/** An officer's override of one national rule, with the reason members will read. */
export const ZRuleOverride = z
  .object({
    value: z.union([z.boolean(), z.number().int('must be a whole number')]),
    reason: ZText({
      min: 3,
      minMessage: 'must give a reason (at least 3 characters)',
      max: 500,
      multiline: true,
    }),
  })
  .strict();
// A strict object rather than a record: a record skips keys such as __proto__ without judging them.
export const ZRuleOverrides = z
  .object(
    Object.fromEntries(RULE_KEYS.map((k) => [k, ZRuleOverride.nullable().optional()])) as {
      [K in TRuleKey]: z.ZodOptional<z.ZodNullable<typeof ZRuleOverride>>;
    },
  )
  .strict();
export type TRuleOverrides = z.infer<typeof ZRuleOverrides>;

export const ZImposedSource = ZText({
  min: 3,
  minMessage: 'must name a link or document (at least 3 characters)',
  max: 500,
});

export const ZCreateSelectionRequest = z
  .object({
    clpId: ZId('a CLP id'),
    electionType: ZElectionType,
    /** A council ward by name (council selections only). */
    wardName: ZShortText(120).nullable().optional(),
    sittingMember: z.boolean().default(false),
    stage: ZSelectionStage.optional(),
    stages: ZStageDatesList.default([]),
  })
  .strict();
export type TCreateSelectionRequest = z.infer<typeof ZCreateSelectionRequest>;

export const ZUpdateSelectionRequest = z
  .object({
    version: ZVersion,
    electionType: ZElectionType.optional(),
    wardName: ZShortText(120).nullable().optional(),
    sittingMember: z.boolean().optional(),
    stage: ZSelectionStage.optional(),
    /** Replaces the dates of the stages named; others are kept. */
    stages: ZStageDatesList.optional(),
    imposed: z.boolean().optional(),
    imposedSource: ZImposedSource.nullable().optional(),
    /** Per rule: an override, or null to go back to the national setting. */
    ruleOverrides: ZRuleOverrides.optional(),
  })
  .strict();
export type TUpdateSelectionRequest = z.infer<typeof ZUpdateSelectionRequest>;

/** A candidate's own fields: special-category data (class, union membership, political activity). */
/** Omitted fields keep their value on an edit, and take the database's default (blank) on a new record. */
export const ZCandidateFields = z
  .object({
    name: ZText({ min: 1, minMessage: 'must not be empty', max: 120 }),
    occupation: ZShortText(120).optional(),
    workingClass: ZNullableFlag.optional(),
    keyWorker: ZNullableFlag.optional(),
    unionMember: ZNullableFlag.optional(),
    unionName: ZShortText(120).optional(),
    councillorExperience: ZNullableFlag.optional(),
    unionRepExperience: ZNullableFlag.optional(),
    futureCandidatesProgramme: ZNullableFlag.optional(),
    candidateFund: ZNullableFlag.optional(),
    buddyMp: ZShortText(120).optional(),
    gender: ZGender.nullable().optional(),
  })
  .strict();
export type TCandidateFields = z.infer<typeof ZCandidateFields>;

export const ZNominationInput = z
  .object({
    kind: ZNominatorKind,
    name: ZText({ min: 2, minMessage: 'must name the branch or affiliate', max: 160 }),
    receivedOn: ZDay.nullable().optional(),
  })
  .strict();
export type TNominationInput = z.infer<typeof ZNominationInput>;

/** A candidacy's fields: where the candidate lives is relative to this selection's seat or ward. */
export const ZCandidacyFields = z
  .object({
    stage: ZCandidacyStage.optional(),
    withdrawnAfter: ZReachedStage.nullable().optional(),
    livesLocally: ZNullableFlag.optional(),
    yearsLocal: z
      .number()
      .int('must be a whole number of years')
      .min(0, 'must be 0 to 120')
      .max(120, 'must be 0 to 120')
      .nullable()
      .optional(),
    localConnection: ZText({ max: 1000, multiline: true }).optional(),
    nominations: z.array(ZNominationInput).max(50, 'must be at most 50 nominations').optional(),
  })
  .strict();

/** On a new candidacy an omitted stage is "applied"; on an edit it keeps the stored one (checked there). */
const withdrawnRule =
  (omitted: TCandidacyStage | undefined) =>
  (c: { stage?: TCandidacyStage | undefined; withdrawnAfter?: TReachedStage | null | undefined }) => {
    const stage = c.stage ?? omitted;
    return stage === undefined || (stage === 'withdrawn') === (c.withdrawnAfter != null);
  };
const withdrawnMessage = {
  message: 'must be the last stage reached when (and only when) the candidacy is withdrawn',
  path: ['withdrawnAfter'],
};

export const ZCreateCandidacyRequest = ZCandidacyFields.extend({
  /** An existing candidate the caller may already see, or the fields of a new one. */
  candidateId: ZId('a candidate id').optional(),
  candidate: ZCandidateFields.optional(),
})
  .refine((b) => (b.candidateId === undefined) !== (b.candidate === undefined), {
    message: 'must give either candidateId or candidate, not both',
    path: ['candidate'],
  })
  .refine(withdrawnRule('applied'), withdrawnMessage);
export type TCreateCandidacyRequest = z.infer<typeof ZCreateCandidacyRequest>;

export const ZUpdateCandidacyRequest = ZCandidacyFields.partial()
  .extend({ version: ZVersion })
  .strict()
  .refine(withdrawnRule(undefined), withdrawnMessage);
export type TUpdateCandidacyRequest = z.infer<typeof ZUpdateCandidacyRequest>;

export const ZUpdateCandidateRequest = ZCandidateFields.partial().extend({ version: ZVersion }).strict();
export type TUpdateCandidateRequest = z.infer<typeof ZUpdateCandidateRequest>;

/** The fields a consent can cover; `name` is the one that makes anything else attributable. */
export const CONSENT_FIELDS = [
  'name',
  'occupation',
  'livesLocally',
  'yearsLocal',
  'localConnection',
  'workingClass',
  'keyWorker',
  'unionMember',
  'unionName',
  'councillorExperience',
  'unionRepExperience',
  'futureCandidatesProgramme',
  'candidateFund',
  'buddyMp',
  'gender',
] as const;
export const ZConsentField = z.enum(CONSENT_FIELDS);
export type TConsentField = z.infer<typeof ZConsentField>;

export const ZRecordConsentRequest = z
  .object({
    fields: z
      .array(ZConsentField)
      .min(1, 'must cover at least one field')
      .refine((f) => f.includes('name'), 'must include name: nothing else is published without it')
      .refine((f) => new Set(f).size === f.length, 'must name each field once'),
    note: ZText({ min: 3, minMessage: 'must say how consent was given', max: 500, multiline: true }),
  })
  .strict();
export type TRecordConsentRequest = z.infer<typeof ZRecordConsentRequest>;

export const ZReasonRequest = z
  .object({
    reason: ZText({
      min: 3,
      minMessage: 'must give a reason (at least 3 characters)',
      max: 500,
      multiline: true,
    }),
  })
  .strict();
export type TReasonRequest = z.infer<typeof ZReasonRequest>;

export const ZBallotRoundInput = z
  .object({
    round: z.number().int().min(1).max(50),
    exhausted: z
      .number()
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(1_000_000, 'must be at most 1,000,000'),
    votes: z
      .array(
        z
          .object({
            candidacyId: ZId('a candidacy id'),
            votes: z
              .number()
              .int('must be a whole number')
              .min(0, 'must not be negative')
              .max(1_000_000, 'must be at most 1,000,000'),
          })
          .strict(),
      )
      .min(1, 'must give at least one candidate')
      .max(50),
  })
  .strict();
export const ZSetBallotRequest = z
  .object({ version: ZVersion, rounds: z.array(ZBallotRoundInput).max(50) })
  .strict();
export type TSetBallotRequest = z.infer<typeof ZSetBallotRequest>;

export const ZSelectionParams = z.object({ id: ZIdParam('a selection id').meta({ example: '1' }) });
export const ZCandidacyParams = z.object({ id: ZIdParam('a candidacy id').meta({ example: '1' }) });
export const ZCandidateParams = z.object({ id: ZIdParam('a candidate id').meta({ example: '1' }) });
export const ZConsentParams = z.object({
  id: ZIdParam('a candidate id'),
  consentId: ZIdParam('a consent id'),
});

export const ZSelectionListQuery = z
  .object({
    clp: ZIdParam('a CLP id').optional(),
    region: z
      .string()
      .regex(/^[EWSN]\d{8}$/, 'must be a region code such as E12000001')
      .optional(),
    stage: ZSelectionStage.optional(),
    compliance: z.enum(['kept', 'at_risk', 'broken']).optional(),
    offset: ZQueryInt({ min: 0, max: 100_000, default: 0 }),
    limit: ZQueryInt({ min: 1, max: 200, default: 50 }),
  })
  .strict();
export type TSelectionListQuery = z.infer<typeof ZSelectionListQuery>;

// ---- Responses -------------------------------------------------------------------------------------

export const ZStageDatesOut = z.object({
  stage: ZSelectionStage,
  plannedOn: z.string().nullable(),
  actualOn: z.string().nullable(),
});

/** The shortlist's (and longlist's) composition as members see it: counts, null where suppressed. */
export const ZComposition = z.object({
  applicants: z.number().int(),
  longlisted: z.number().int(),
  shortlisted: z.number().int(),
  shortlistLocal: z.number().int().nullable(),
  shortlistWorkingClass: z.number().int().nullable(),
  longlistWomen: z.number().int().nullable(),
  /** Counts below this are withheld (null above). */
  suppressBelow: z.number().int(),
});
export type TComposition = z.infer<typeof ZComposition>;

export const ZNomination = z.object({
  id: z.number().int(),
  kind: ZNominatorKind,
  name: z.string(),
  receivedOn: z.string().nullable(),
});

/** A candidate's personal fields, for those who may read them. */
export const ZCandidatePersonal = ZCandidateFields.extend({
  id: z.number().int(),
  version: z.number().int(),
  erased: z.boolean(),
  consents: z.array(
    z.object({
      id: z.number().int(),
      fields: z.array(ZConsentField),
      note: z.string(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
});
export type TCandidatePersonal = z.infer<typeof ZCandidatePersonal>;

export const ZCandidacy = z.object({
  id: z.number().int(),
  /** The name where the caller may see it or the candidate consented to it; else "Candidate 2". */
  label: z.string(),
  /** What members and the public see this applicant as (the name only with consent). */
  publicLabel: z.string(),
  stage: ZCandidacyStage,
  withdrawnAfter: ZReachedStage.nullable(),
  nominations: z.array(ZNomination),
  /** The fields the candidate consented to publish (members and the public). */
  published: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Officers and admins only: the candidacy's and the candidate's own fields. */
  personal: z
    .object({
      version: z.number().int(),
      livesLocally: z.boolean().nullable(),
      yearsLocal: z.number().int().nullable(),
      localConnection: z.string(),
      candidate: ZCandidatePersonal,
    })
    .nullable(),
});
export type TCandidacy = z.infer<typeof ZCandidacy>;

export const ZBallotRound = z.object({
  round: z.number().int(),
  exhausted: z.number().int(),
  votes: z.array(z.object({ candidacyId: z.number().int(), votes: z.number().int() })),
});

export const ZSelectionSummary = z.object({
  id: z.number().int(),
  clp: z.object({ id: z.number().int(), name: z.string() }),
  seat: z.object({ code: z.string(), name: z.string() }),
  region: ZRef,
  electionType: ZElectionType,
  wardName: z.string().nullable(),
  /** The seat's or the ward's name. */
  area: z.string(),
  sittingMember: z.boolean(),
  stage: ZSelectionStage,
  stages: z.array(ZStageDatesOut),
  imposed: z.boolean(),
  imposedSource: z.string().nullable(),
  compliance: ZCompliance,
  composition: ZComposition,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TSelectionSummary = z.infer<typeof ZSelectionSummary>;

export const ZSelection = ZSelectionSummary.extend({
  candidacies: z.array(ZCandidacy),
  ballot: z.array(ZBallotRound),
  /** The rules in force (national settings with this selection's overrides) and the overrides. */
  rules: ZSelectionRules,
  ruleOverrides: z.record(
    z.string(),
    z.object({ value: z.union([z.boolean(), z.number()]), reason: z.string() }),
  ),
  /** Whether the caller may edit it and read candidates' personal fields. */
  canEdit: z.boolean(),
});
export type TSelection = z.infer<typeof ZSelection>;

export const ZSelectionListResponse = z.object({
  items: z.array(ZSelectionSummary),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type TSelectionListResponse = z.infer<typeof ZSelectionListResponse>;

/** A calendar feed is for one CLP, one region, or (with neither) every selection in the country. */
export const ZSelectionCalendarQuery = z
  .object({
    clp: ZIdParam('a CLP id').optional(),
    region: z
      .string()
      .regex(/^[EWSN]\d{8}$/, 'must be a region code such as E12000001')
      .optional(),
  })
  .strict()
  .refine((q) => q.clp === undefined || q.region === undefined, {
    message: 'must give clp or region, not both',
    path: ['clp'],
  });

export const ZSelectionRulesResponse = z.object({ rules: ZSelectionRules });
export const ZSetSelectionRulesRequest = z.object({ rules: ZSelectionRules }).strict();

/** Everything held on a candidate (a subject access request), as stored. */
export const ZCandidateRecord = z.object({
  exportedAt: z.string(),
  candidate: z.record(z.string(), z.unknown()),
  viewsOfPersonalData: z.array(z.object({ at: z.string(), by: z.string().nullable(), context: z.string() })),
  history: z.array(z.record(z.string(), z.unknown())),
});

/** The list's filters without paging, for the CSV. */
export const ZSelectionCsvQuery = ZSelectionListQuery.omit({ offset: true, limit: true });

export const ZSelectionHistoryEntry = ZHistoryEntry.extend({
  entityType: z.enum(['selection', 'candidacy', 'candidate', 'candidate-consent']),
  entityId: z.string(),
});
export type TSelectionHistoryEntry = z.infer<typeof ZSelectionHistoryEntry>;
export const ZSelectionHistoryQuery = z
  .object({
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
    limit: ZQueryInt({ min: 1, max: 200, default: 100 }),
  })
  .strict();
export type TSelectionHistoryQuery = z.infer<typeof ZSelectionHistoryQuery>;
export const ZSelectionHistoryResponse = z.object({
  total: z.number().int(),
  items: z.array(ZSelectionHistoryEntry),
});
