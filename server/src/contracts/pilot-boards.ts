// The pilot boards (pilots per region against the goal), the regional goal setting, the seat map's pilot
// layer, and the comparison of the vote in seats with and without pilots (issue 8).
import { z } from 'zod';
import { ZRef } from './common.ts';
import {
  ZActivityTotals,
  ZDay,
  ZPilotCategory,
  ZPilotKind,
  ZPilotStatus,
  ZPilotSummary,
  type TPilotStatus,
} from './pilots.ts';

/**
 * What counts towards the regional goal: pilots started and not ended — planned, active and paused. A
 * planned pilot counts because the goal is about CLPs committed to a pilot, not about this week's activity.
 */
export const PILOT_GOAL_STATUSES: readonly TPilotStatus[] = ['planned', 'active', 'paused'];

export const PILOT_GOAL_DEFAULT = 3;
export const ZPilotGoal = z.object({ perRegion: z.number().int() });
export const ZPutPilotGoal = z
  .object({
    perRegion: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be between 1 and 50')
      .max(50, 'must be between 1 and 50'),
  })
  .strict();
export type TPilotGoal = z.infer<typeof ZPilotGoal>;

const ZRegionCode = z
  .string()
  .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
  .meta({ example: 'E12000001' });

const boardFilterFields = {
  status: ZPilotStatus.optional(),
  kind: ZPilotKind.optional(),
  category: ZPilotCategory.optional(),
  /** Pilots running at some time from this day; activities on or after it. */
  from: ZDay.optional(),
  /** Pilots started by this day; activities on or before it. */
  to: ZDay.optional(),
};
const fromBeforeTo = (q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (q.from && q.to && q.from > q.to)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be on or before the day in to' });
};
export const ZBoardQuery = z.object(boardFilterFields).strict().superRefine(fromBeforeTo);
export type TBoardQuery = z.infer<typeof ZBoardQuery>;
export const ZRegionBoardQuery = z
  .object({ region: ZRegionCode, ...boardFilterFields })
  .strict()
  .superRefine(fromBeforeTo);
export type TRegionBoardQuery = z.infer<typeof ZRegionBoardQuery>;

export const ZBoardMonth = z.object({
  month: z.string().describe('YYYY-MM'),
  ...ZActivityTotals.shape,
});
export type TBoardMonth = z.infer<typeof ZBoardMonth>;

const ZRunning = z.number().int().meta({
  description:
    'Pilots under way, counting towards the goal: started and not ended (planned, active or paused); every pilot of the region, whatever the filters',
});
const ZMet = z.boolean().meta({ description: 'Whether `running` has reached the goal' });

export const ZNationalBoard = z.object({
  goal: z.number().int(),
  regions: z.array(
    z.object({
      region: ZRef,
      /** The region's pilots that the filters keep. */
      pilots: z.number().int(),
      running: ZRunning,
      goal: z.number().int(),
      met: ZMet,
      /** Red-wall seats (the flag in force) and WIN or DEFEND target seats whose CLP has no pilot at all, whatever the filters. */
      seatsWithoutPilot: z.object({ redWall: z.number().int(), target: z.number().int() }),
      totals: ZActivityTotals,
    }),
  ),
  months: z.array(ZBoardMonth),
});
export type TNationalBoard = z.infer<typeof ZNationalBoard>;

export const ZSeatWithoutPilot = z.object({
  code: z.string(),
  name: z.string(),
  redWall: z.boolean(),
  /** WIN or DEFEND; null for a red-wall seat that is not a target (a union: a nullable enum's schema leaves null out). */
  target: z.union([z.enum(['WIN', 'DEFEND']), z.null()]),
});

export const ZRegionBoard = z.object({
  region: ZRef,
  goal: z.number().int(),
  pilots: z.array(ZPilotSummary),
  /** pilots: those the filters keep (the table); running and met: every pilot of the region. */
  counts: z.object({ pilots: z.number().int(), running: ZRunning, met: ZMet }),
  /** Red-wall and target seats whose CLP has no pilot at all, whatever the filters. */
  seatsWithoutPilot: z.array(ZSeatWithoutPilot),
  months: z.array(ZBoardMonth),
});
export type TRegionBoard = z.infer<typeof ZRegionBoard>;

// ---- What the pilots did to the vote ----

export const MAJORITY_BANDS = ['under10', '10to20', '20plus'] as const;
export const MAJORITY_BAND_LABELS: Record<(typeof MAJORITY_BANDS)[number], string> = {
  under10: 'Majority under 10 %',
  '10to20': 'Majority 10–20 %',
  '20plus': 'Majority 20 % or more',
};
export const ZMajorityBand = z.enum(MAJORITY_BANDS);

const ZGroup = z.object({
  n: z.number().int(),
  /** Mean change in Labour's share, in points; null with no seats. */
  meanChange: z.number().nullable(),
  /** Sample standard deviation of the change, in points; null with fewer than two seats. */
  sd: z.number().nullable(),
});

export const ZVoteEffect = z.object({
  elections: z.array(
    z.object({
      election: z.object({ code: z.string(), name: z.string(), polledOn: z.string() }),
      previous: z.object({ code: z.string(), name: z.string() }),
      strata: z.array(
        z.object({
          region: ZRef,
          band: ZMajorityBand,
          withPilots: ZGroup,
          without: ZGroup,
          /** withPilots.meanChange − without.meanChange; null when either group is empty. */
          difference: z.number().nullable(),
        }),
      ),
      overall: z.object({
        withPilots: z.number().int(),
        without: z.number().int(),
        /** Weighted mean of the strata's differences (weight: the smaller group's n), in points. */
        difference: z.number().nullable(),
        /** Standard error of that difference, in points; null when it cannot be estimated. */
        spread: z.number().nullable(),
        strataUsed: z.number().int(),
        /** Strata with seats in only one of the two groups, left out of the overall figure. */
        strataLeftOut: z.number().int(),
      }),
    }),
  ),
  caveats: z.array(z.string()),
});
export type TVoteEffect = z.infer<typeof ZVoteEffect>;

// ---- The pilot layer of the seat list (server/src/modules/pilots/pilots.layer.ts) ----

export const PILOT_LAYER_LEVELS = ['counts'] as const;
export type TPilotLayerLevel = (typeof PILOT_LAYER_LEVELS)[number];

/** A seat's pilots as a seat row carries it (2024 seats, signed-in callers): counts only, no names. */
export const ZPilotLayer = z.object({
  /** Every pilot of the seat's CLP, whatever its status. */
  pilots: z.number().int(),
  /** Those active or paused (PILOT_RUNNING_STATUSES). */
  running: z.number().int(),
  /** Activities (not deleted) in the last 90 days. */
  activities90: z.number().int(),
});
export type TPilotLayer = z.infer<typeof ZPilotLayer>;

export const ZPilotLayerQuery = z.object({
  pilots: z.enum(['any', 'none', 'running'], { message: 'must be any, none or running' }).optional(),
});
export const PILOT_LAYER_SORTS = ['pilots', 'activity'] as const;
