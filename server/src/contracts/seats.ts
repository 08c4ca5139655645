import { z } from 'zod';
import {
  ZBoundarySet,
  ZElectionCode,
  ZPartyCode,
  PG_INT_MAX,
  ZQueryBoolean,
  ZQueryDecimal,
  ZQueryInt,
  ZRef,
  ZText,
  electionMatchesBoundarySet,
} from './common.ts';
import { TARGET_LAYER_LEVELS, TARGET_LAYER_SORTS, ZTargetLayer, ZTargetLayerQuery } from './targets.ts';
import { PILOT_LAYER_LEVELS, PILOT_LAYER_SORTS, ZPilotLayer, ZPilotLayerQuery } from './pilot-boards.ts';
import {
  SELECTION_LAYER_LEVELS,
  SELECTION_LAYER_SORTS,
  ZSelectionLayer,
  ZSelectionLayerQuery,
} from './selection-boards.ts';

// ---- Seat layers: what user-owned features (targets; pilots and selections next) add to a seat row ----
// Each layer contributes its filters, sort keys, row fields and access levels here, in one line each.

/** Filters the layers add to the seat list (validated with the rest of the query). */
const ZLayerQuery = ZTargetLayerQuery.extend(ZPilotLayerQuery.shape).extend(ZSelectionLayerQuery.shape);
/** Sort keys the layers add. */
const LAYER_SORTS = [...TARGET_LAYER_SORTS, ...PILOT_LAYER_SORTS, ...SELECTION_LAYER_SORTS] as const;
/** A seat row's layer fields: present only for callers who may see that layer. */
const ZSeatLayerFields = z.object({
  target: ZTargetLayer.optional(),
  pilot: ZPilotLayer.optional(),
  selection: ZSelectionLayer.optional(),
});
/** Which layers the caller sees in this response, and at which level (absent: not at all). */
export const ZSeatLayerAccess = z.object({
  target: z.enum(TARGET_LAYER_LEVELS).optional(),
  pilot: z.enum(PILOT_LAYER_LEVELS).optional(),
  selection: z.enum(SELECTION_LAYER_LEVELS).optional(),
});
export type TSeatLayerAccess = z.infer<typeof ZSeatLayerAccess>;

export const SEAT_SORTS = [
  'name',
  'region',
  'winner',
  'majority',
  'majorityPct',
  'swingNeeded',
  'turnoutPct',
  'leavePct',
  'deprivationDecile',
  'electorate',
  ...LAYER_SORTS,
] as const;

export const ZSeatListQuery = z
  .object({
    boundarySet: ZBoundarySet.default('2024'),
    election: ZElectionCode.optional(),
    region: z
      .string()
      .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
      .optional(),
    nation: z
      .string()
      .regex(/^[A-Z]\d{8}$/, 'must be an ONS country code such as E92000001')
      .optional(),
    winner: ZPartyCode.optional(),
    redWall: ZQueryBoolean.optional(),
    q: ZText({ max: 100 }).optional(),
    minSwing: ZQueryDecimal({ min: 0, max: 100 }).optional(),
    maxSwing: ZQueryDecimal({ min: 0, max: 100 }).optional(),
    sort: z
      .string()
      .regex(
        new RegExp(`^-?(${SEAT_SORTS.join('|')})$`),
        `must be one of ${SEAT_SORTS.join(', ')}, optionally prefixed with - for descending`,
      )
      .default('name'),
    limit: ZQueryInt({ min: 1, max: 1000, default: 1000 }),
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
  })
  .extend(ZLayerQuery.shape)
  .strict()
  .refine((q) => q.minSwing === undefined || q.maxSwing === undefined || q.minSwing <= q.maxSwing, {
    path: ['minSwing'],
    message: 'must not be greater than maxSwing',
  })
  .superRefine(electionMatchesBoundarySet);
export type TSeatListQuery = z.infer<typeof ZSeatListQuery>;

/** Figures derived from one result (server/src/modules/seats/derived.ts computes them). */
export const ZSeatFigures = z.object({
  election: ZElectionCode,
  winner: z.string(),
  second: z.string(),
  majority: z.number().int(),
  /** Majority as a percentage of valid votes, in points. */
  majorityPct: z.number(),
  turnoutPct: z.number().nullable(),
  winnerSharePct: z.number(),
  labSharePct: z.number(),
  /**
   * Swing in points: for a seat Labour did not win, the swing Labour needs to gain it (half the gap
   * between the winner's share and Labour's); for a Labour seat, the swing that would lose it (half
   * Labour's lead over the runner-up).
   */
  swingNeeded: z.number(),
  swingKind: z.enum(['gain', 'lose']),
  changedHands: z.boolean(),
  resultText: z.string().nullable(),
});
export type TSeatFigures = z.infer<typeof ZSeatFigures>;

export const ZSeatSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    boundarySet: ZBoundarySet,
    region: ZRef,
    nation: ZRef,
    electorate: z.number().int().nullable(),
    /** Estimated 2016 Leave share in points (Hanretty); null in Northern Ireland. */
    leavePct: z.number().nullable(),
    deprivationDecile: z.number().int().nullable(),
    /**
     * The red-wall flag in force for this caller: a staff override where the caller may see it, else the
     * computed flag (held before 2019, lost in 2019, in the North, the Midlands or Wales).
     */
    redWall: z.boolean(),
    redWallComputed: z.boolean(),
    result: ZSeatFigures.nullable(),
  })
  .extend(ZSeatLayerFields.shape);
export type TSeatSummary = z.infer<typeof ZSeatSummary>;

export const ZSeatListResponse = z.object({
  boundarySet: ZBoundarySet,
  election: ZElectionCode,
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** The layers this response carries for the caller (targets: on the 2024 boundaries only). */
  layers: ZSeatLayerAccess,
  items: z.array(ZSeatSummary),
});
export type TSeatListResponse = z.infer<typeof ZSeatListResponse>;

export const ZSeatParams = z.object({
  boundarySet: ZBoundarySet.meta({ example: '2024' }),
  code: z
    .string()
    .regex(/^[A-Z]\d{8}$/, 'must be an ONS constituency code such as E14001063')
    .meta({ example: 'E14001107' }),
});

export const ZPartyVotes = z.object({
  party: z.string(),
  name: z.string(),
  colour: z.string(),
  votes: z.number().int(),
  sharePct: z.number(),
});

export const ZSeatResult = ZSeatFigures.extend({
  electionName: z.string(),
  polledOn: z.string(),
  notional: z.boolean(),
  electorate: z.number().int(),
  validVotes: z.number().int(),
  invalidVotes: z.number().int().nullable(),
  votes: z.array(ZPartyVotes),
});
export type TSeatResult = z.infer<typeof ZSeatResult>;

export const ZRelatedSeat = z.object({
  code: z.string(),
  name: z.string(),
  boundarySet: ZBoundarySet,
  /** Share of the 2010-set seat's population in the 2024-set seat, 0–1. */
  popShare: z.number(),
  areaShare: z.number(),
  redWall: z.boolean(),
});

export const ZSeatDetail = ZSeatSummary.extend({
  layers: ZSeatLayerAccess,
  nameWelsh: z.string().nullable(),
  constituencyType: z.string().nullable(),
  deprivationScore: z.number().nullable(),
  hex: z.object({ q: z.number().int(), r: z.number().int() }),
  results: z.array(ZSeatResult),
  /** On the 2024 set: the 2010-set seats it was made from; on the 2010 set: where it went. */
  predecessors: z.array(ZRelatedSeat),
  successors: z.array(ZRelatedSeat),
});
export type TSeatDetail = z.infer<typeof ZSeatDetail>;

export const ZTargetsQuery = z
  .object({
    boundarySet: ZBoundarySet.default('2024'),
    election: ZElectionCode.optional(),
    party: ZPartyCode.default('Lab'),
    region: z
      .string()
      .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
      .optional(),
    maxSwing: ZQueryDecimal({ min: 0, max: 100 }).optional(),
    limit: ZQueryInt({ min: 1, max: 1000, default: 1000 }),
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
  })
  .strict()
  .superRefine(electionMatchesBoundarySet);
export type TTargetsQuery = z.infer<typeof ZTargetsQuery>;

export const ZTarget = z.object({
  rank: z.number().int(),
  code: z.string(),
  name: z.string(),
  region: ZRef,
  winner: z.string(),
  second: z.string(),
  majority: z.number().int(),
  majorityPct: z.number(),
  partySharePct: z.number(),
  winnerSharePct: z.number(),
  /** Swing in points from the winner to the party that would make it the winner. */
  swingNeeded: z.number(),
  redWall: z.boolean(),
});

export const ZTargetsResponse = z.object({
  boundarySet: ZBoundarySet,
  election: ZElectionCode,
  party: z.string(),
  total: z.number().int(),
  items: z.array(ZTarget),
});
export type TTargetsResponse = z.infer<typeof ZTargetsResponse>;
