// Community-organising pilots (issue 8): the shared vocabulary and the shapes of a pilot, a partner and an
// activity. Requests and responses of each part live beside it: pilots and partners here, activities in
// activities.ts, boards and the vote comparison in pilot-boards.ts.
import { z } from 'zod';
import { PG_INT_MAX, ZId, ZIdParam, ZQueryBoolean, ZQueryInt, ZRef, ZText } from './common.ts';
import { ZHistoryEntry } from './history.ts';

export const PILOT_CATEGORIES = [
  'local_services',
  'jobs_and_pay',
  'housing',
  'transport',
  'schools_and_childcare',
  'health_and_care',
  'outsourcing',
  'environment',
  'other',
] as const;
export const ZPilotCategory = z.enum(PILOT_CATEGORIES);
export type TPilotCategory = z.infer<typeof ZPilotCategory>;
export const PILOT_CATEGORY_LABELS: Record<TPilotCategory, string> = {
  local_services: 'Local services',
  jobs_and_pay: 'Jobs and pay',
  housing: 'Housing',
  transport: 'Transport',
  schools_and_childcare: 'Schools and childcare',
  health_and_care: 'Health and care',
  outsourcing: 'Outsourcing',
  environment: 'Environment',
  other: 'Other',
};

export const PILOT_KINDS = ['community_organising', 'political_education', 'union_recruitment'] as const;
export const ZPilotKind = z.enum(PILOT_KINDS);
export type TPilotKind = z.infer<typeof ZPilotKind>;
export const PILOT_KIND_LABELS: Record<TPilotKind, string> = {
  community_organising: 'Community organising',
  political_education: 'Political education',
  union_recruitment: 'Union recruitment',
};

export const PILOT_STATUSES = ['planned', 'active', 'won', 'partly_won', 'lost', 'paused', 'closed'] as const;
export const ZPilotStatus = z.enum(PILOT_STATUSES);
export type TPilotStatus = z.infer<typeof ZPilotStatus>;
export const PILOT_STATUS_LABELS: Record<TPilotStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  won: 'Won',
  partly_won: 'Partly won',
  lost: 'Lost',
  paused: 'Paused',
  closed: 'Closed',
};
/** Statuses that mean the pilot has ended: the outcome and lessons belong to these. */
export const PILOT_ENDED_STATUSES: readonly TPilotStatus[] = ['won', 'partly_won', 'lost', 'closed'];
/** Statuses that count as running for the "active pilots" measure and the regional goal. */
export const PILOT_RUNNING_STATUSES: readonly TPilotStatus[] = ['active', 'paused'];

export const ACTIVITY_TYPES = [
  'door_knocking',
  'one_to_one',
  'public_meeting',
  'stall',
  'petition',
  'demonstration',
  'lobby',
  'political_education',
  'union_recruitment',
  'social',
  'other',
] as const;
export const ZActivityType = z.enum(ACTIVITY_TYPES);
export type TActivityType = z.infer<typeof ZActivityType>;
export const ACTIVITY_TYPE_LABELS: Record<TActivityType, string> = {
  door_knocking: 'Door-knocking session',
  one_to_one: 'One-to-one',
  public_meeting: 'Public meeting',
  stall: 'Stall',
  petition: 'Petition',
  demonstration: 'Demonstration or march',
  lobby: 'Lobby',
  political_education: 'Political-education session',
  union_recruitment: 'Union recruitment',
  social: 'Social',
  other: 'Other',
};

/** The counts an activity may carry: optional whole numbers from 0 to a sane upper bound each. */
export const ACTIVITY_COUNTS = [
  'participants',
  'conversations',
  'newMembers',
  'newUnionMembers',
  'newLeaders',
  'petitionSignatures',
] as const;
export type TActivityCount = (typeof ACTIVITY_COUNTS)[number];
export const ACTIVITY_COUNT_LABELS: Record<TActivityCount, string> = {
  participants: 'People taking part',
  conversations: 'Conversations',
  newMembers: 'New party members',
  newUnionMembers: 'New union members',
  newLeaders: 'New local leaders',
  petitionSignatures: 'Petition signatures',
};
/** Upper bounds: above these a number is a typing slip, not a session (a march of 100,000 is possible). */
export const ACTIVITY_COUNT_MAX: Record<TActivityCount, number> = {
  participants: 100_000,
  conversations: 10_000,
  newMembers: 5_000,
  newUnionMembers: 5_000,
  newLeaders: 1_000,
  petitionSignatures: 1_000_000,
};
export const ZActivityTotals = z.object({
  activities: z.number().int(),
  participants: z.number().int(),
  conversations: z.number().int(),
  newMembers: z.number().int(),
  newUnionMembers: z.number().int(),
  newLeaders: z.number().int(),
  petitionSignatures: z.number().int(),
});
export type TActivityTotals = z.infer<typeof ZActivityTotals>;

export const PARTNER_KINDS = ['union_branch', 'community_group'] as const;
export const ZPartnerKind = z.enum(PARTNER_KINDS);
export type TPartnerKind = z.infer<typeof ZPartnerKind>;
export const PARTNER_KIND_LABELS: Record<TPartnerKind, string> = {
  union_branch: 'Trade-union branch',
  community_group: 'Community group',
};

/** A calendar date, YYYY-MM-DD, that exists (no 30 February), between 2000 and 2100. */
export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real date')
  .refine((s) => s >= '2000-01-01' && s <= '2100-12-31', 'must be between 2000 and 2100')
  .meta({ example: '2026-11-14' });

/** A point in WGS84 within the UK's bounding box; whether it lies in the CLP's seat is checked on the server. */
export const ZLocation = z
  .object({
    lat: z
      .number()
      .min(49, 'must be in the UK (latitude 49 to 61)')
      .max(61, 'must be in the UK (latitude 49 to 61)'),
    lng: z
      .number()
      .min(-9, 'must be in the UK (longitude −9 to 2)')
      .max(2, 'must be in the UK (longitude −9 to 2)'),
  })
  .strict();
export type TLocation = z.infer<typeof ZLocation>;

export const ZPersonRef = z.object({ id: z.number().int(), name: z.string() });

// ---- Partners ----

export const ZPartner = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: ZPartnerKind,
  unionName: z.string().nullable(),
  contactRole: z.string().nullable(),
  /** How many pilots (of any CLP) work with this partner. */
  pilotCount: z.number().int(),
  version: z.number().int(),
});
export type TPartner = z.infer<typeof ZPartner>;

// ---- Pilots ----

/** A pilot as lists, boards and markers show it. Personal fields (the organiser) only for those allowed. */
export const ZPilotSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  category: ZPilotCategory,
  kind: ZPilotKind,
  status: ZPilotStatus,
  statusOn: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  clp: z.object({ id: z.number().int(), name: z.string() }),
  seat: ZRef,
  region: ZRef,
  location: ZLocation.nullable(),
  totals: ZActivityTotals,
  lastActivityOn: z.string().nullable(),
  /** Absent for callers who may not see personal data (members of the CLP). */
  organiser: ZPersonRef.nullable().optional(),
  version: z.number().int(),
});
export type TPilotSummary = z.infer<typeof ZPilotSummary>;

export const ZPilotRequestFields = z.object({
  title: ZText({ min: 3, max: 120 }),
  issue: ZText({ min: 3, max: 2000, multiline: true }),
  category: ZPilotCategory,
  kind: ZPilotKind,
  status: ZPilotStatus.default('planned'),
  /** When the status took effect; today when omitted. */
  statusOn: ZDay.optional(),
  startsOn: ZDay,
  endsOn: ZDay.nullable().optional(),
  goals: ZText({ max: 2000, multiline: true }).default(''),
  /** A user holding a role in the CLP; the creator when omitted. */
  organiserId: ZId('a user id').nullable().optional(),
  location: ZLocation.nullable().optional(),
  partnerIds: z.array(ZId('a partner id')).max(50, 'at most 50 partners').default([]),
});

export const ZPilotOutcomeFields = z.object({
  outcome: ZText({ max: 4000, multiline: true }).default(''),
  evidenceLinks: z
    .array(z.url({ protocol: /^https?$/, message: 'must be an http(s) link' }).max(500))
    .max(20, 'at most 20 links')
    .default([]),
  lessons: ZText({ max: 4000, multiline: true }).default(''),
});

export const ZVersion = z.number().int().min(1).max(PG_INT_MAX);

export const ZCreatePilotRequest = ZPilotRequestFields.extend({
  clpId: ZId('a CLP id'),
})
  .strict()
  .superRefine(datesInOrder);
export type TCreatePilotRequest = z.infer<typeof ZCreatePilotRequest>;

/** An edit: every field as the editor left it, plus the version they read (a stale one gets 409). */
export const ZUpdatePilotRequest = ZPilotRequestFields.extend(ZPilotOutcomeFields.shape)
  .extend({ version: ZVersion })
  .strict()
  .superRefine(datesInOrder);
export type TUpdatePilotRequest = z.infer<typeof ZUpdatePilotRequest>;

/** "Run this pilot here": a new pilot in another CLP from an existing one, linked to it. */
export const ZReplicatePilotRequest = z
  .object({ clpId: ZId('a CLP id'), startsOn: ZDay, title: ZText({ min: 3, max: 120 }).optional() })
  .strict();

function datesInOrder(
  p: {
    status: TPilotStatus;
    statusOn?: string | undefined;
    startsOn: string;
    endsOn?: string | null | undefined;
  },
  ctx: z.RefinementCtx,
) {
  if (p.endsOn && p.endsOn < p.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must be on or after the start date' });
  const problem = p.statusOn ? statusOnProblem(p.status, p.statusOn, p.startsOn) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['statusOn'], message: problem });
}

/** Today in the UK, where the pilots are, plus `days`, as YYYY-MM-DD. */
export function ukDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Why a status cannot have taken effect on `statusOn`, or null. Not after tomorrow (a day's slack for
 * clocks); not before the start, except "planned", which is decided before a pilot starts.
 */
export function statusOnProblem(status: TPilotStatus, statusOn: string, startsOn: string): string | null {
  if (statusOn > ukDay(1)) return 'cannot be in the future';
  if (status !== 'planned' && statusOn < startsOn) return 'must be on or after the start date';
  return null;
}

export const ZPilotParams = z.object({ id: ZIdParam('a pilot id').meta({ example: '1' }) });
export const ZPilotTimelinePoint = z.object({
  /** Monday of the ISO week, YYYY-MM-DD; weeks without activity between the first and last are zeros. */
  week: z.string(),
  ...ZActivityTotals.shape,
});

export const ZPilot = ZPilotSummary.extend({
  issue: z.string(),
  goals: z.string(),
  outcome: z.string(),
  evidenceLinks: z.array(z.string()),
  lessons: z.string(),
  origin: z.object({ id: z.number().int(), title: z.string(), clp: z.string() }).nullable(),
  copies: z.array(z.object({ id: z.number().int(), title: z.string(), clp: z.string() })),
  partners: z.array(ZPartner),
  statusChanges: z.array(
    z.object({ status: ZPilotStatus, changedOn: z.string(), changedBy: ZPersonRef.nullable().optional() }),
  ),
  timeline: z.array(ZPilotTimelinePoint),
  updatedAt: z.string(),
  /** What the caller may do here, so the page offers only what the server will accept. */
  can: z.object({ edit: z.boolean(), comment: z.boolean(), seePersonal: z.boolean() }),
});
export type TPilot = z.infer<typeof ZPilot>;

// ---- Pilot lists, comments, history, organisers, locations ----

const ZRegionCode = z.string().regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001');

/** The filters every pilot list shares (the list, its CSV, the map markers). */
export const ZPilotFilters = z.object({
  clp: ZIdParam('a CLP id').optional(),
  seat: z
    .string()
    .regex(/^[EWSN]\d{8}$/, 'must be an ONS constituency code such as E14001107')
    .optional(),
  region: ZRegionCode.optional(),
  status: ZPilotStatus.optional(),
  kind: ZPilotKind.optional(),
  category: ZPilotCategory.optional(),
  /** Pilots of CLPs where the caller is an organiser, or whose responsible organiser is the caller. */
  mine: ZQueryBoolean.optional(),
  /** Contained in the title or the issue, any case. */
  q: ZText({ max: 100 }).optional(),
});
export type TPilotFilters = z.infer<typeof ZPilotFilters>;

export const ZPilotListQuery = ZPilotFilters.extend({
  offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
  limit: ZQueryInt({ min: 1, max: 200, default: 50 }),
}).strict();
export type TPilotListQuery = z.infer<typeof ZPilotListQuery>;
/** The CSV and the map markers take the filters only: every matching pilot. */
export const ZPilotFiltersQuery = ZPilotFilters.strict();

export const ZPilotListResponse = z.object({ total: z.number().int(), items: z.array(ZPilotSummary) });
export type TPilotListResponse = z.infer<typeof ZPilotListResponse>;

export const ZPilotComment = z.object({
  id: z.number().int(),
  body: z.string(),
  author: ZPersonRef.nullable(),
  createdAt: z.string(),
});
export type TPilotComment = z.infer<typeof ZPilotComment>;
export const ZPilotCommentsResponse = z.object({ items: z.array(ZPilotComment) });
export const ZCreatePilotCommentRequest = z
  .object({ body: ZText({ min: 1, max: 2000, multiline: true }) })
  .strict();

/** The pilot's own entries, its activities' and its comments', each naming the record it is about. */
export const ZPilotHistoryEntry = ZHistoryEntry.extend({
  entityType: z.enum(['pilot', 'pilot-activity', 'pilot-comment']),
  entityId: z.string(),
});
/** Newest first, paged; `type` keeps only the pilot's own entries, its activities' or its comments'. */
export const ZPilotHistoryQuery = z
  .object({
    type: z.enum(['pilot', 'activity', 'comment']).optional(),
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
    limit: ZQueryInt({ min: 1, max: 200, default: 100 }),
  })
  .strict();
export type TPilotHistoryQuery = z.infer<typeof ZPilotHistoryQuery>;
export const ZPilotHistoryResponse = z.object({
  /** Every entry matching, across all pages. */
  total: z.number().int(),
  items: z.array(ZPilotHistoryEntry),
});
export type TPilotHistoryEntry = z.infer<typeof ZPilotHistoryEntry>;

export const ZOrganisersResponse = z.object({ items: z.array(ZPersonRef) });
export const ZClpParams = z.object({ id: ZIdParam('a CLP id').meta({ example: '1' }) });

export const ZPilotLocation = z.object({
  id: z.number().int(),
  title: z.string(),
  status: ZPilotStatus,
  kind: ZPilotKind,
  location: ZLocation,
  clp: z.object({ id: z.number().int(), name: z.string() }),
  seat: ZRef,
});
export const ZPilotLocationsResponse = z.object({ items: z.array(ZPilotLocation) });
export type TPilotLocation = z.infer<typeof ZPilotLocation>;

// ---- Partner requests ----

export const ZPartnersQuery = z
  .object({
    q: ZText({ max: 100 }).optional(),
    kind: ZPartnerKind.optional(),
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
    limit: ZQueryInt({ min: 1, max: 200, default: 50 }),
  })
  .strict();
export const ZPartnersResponse = z.object({ total: z.number().int(), items: z.array(ZPartner) });

const ZPartnerFields = z.object({
  name: ZText({ min: 2, max: 120 }),
  kind: ZPartnerKind,
  /** The union a branch belongs to: required for a union branch, ignored for a community group. */
  unionName: ZText({ min: 2, max: 120 }).nullable().optional(),
  /** A role to ask for ("branch secretary"), never a person's name or contact details. */
  contactRole: ZText({ max: 120 }).nullable().optional(),
});
function unionForBranch(
  p: { kind: TPartnerKind; unionName?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (p.kind === 'union_branch' && !p.unionName)
    ctx.addIssue({ code: 'custom', path: ['unionName'], message: 'is required for a union branch' });
}
export const ZCreatePartnerRequest = ZPartnerFields.strict().superRefine(unionForBranch);
export type TCreatePartnerRequest = z.infer<typeof ZCreatePartnerRequest>;
export const ZUpdatePartnerRequest = ZPartnerFields.extend({ version: ZVersion })
  .strict()
  .superRefine(unionForBranch);
export type TUpdatePartnerRequest = z.infer<typeof ZUpdatePartnerRequest>;
export const ZMergePartnerRequest = z.object({ intoId: ZId('a partner id') }).strict();
export const ZPartnerParams = z.object({ id: ZIdParam('a partner id').meta({ example: '1' }) });
