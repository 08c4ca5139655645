// Selections across seats (issue 9): the seat list's selection layer (each 2024 seat's latest general or
// by-election selection: its stage and whether it keeps the rules) and the national board (how many
// selections keep each rule, by region and by kind of seat). Counts and states only, never names.
import { z } from 'zod';
import { ZRef } from './common.ts';
import {
  SELECTION_STAGES,
  ZElectionType,
  ZRuleKey,
  ZSelectionStage,
  type TSelectionStage,
} from './selections.ts';

// ---- The seat layer ----------------------------------------------------------------------------------

export const SELECTION_LAYER_LEVELS = ['public'] as const;
export type TSelectionLayerLevel = (typeof SELECTION_LAYER_LEVELS)[number];

/** A selection's overall state on the map: the worst rule's, with "kept" also when no rule applies. */
export const SELECTION_LAYER_STATES = ['kept', 'at_risk', 'broken'] as const;
export const ZSelectionLayerState = z.enum(SELECTION_LAYER_STATES);
export type TSelectionLayerState = z.infer<typeof ZSelectionLayerState>;

/** A 2024 seat's selection as a seat row carries it (signed-in callers): no candidate, no personal data. */
export const ZSelectionLayer = z.object({
  /** The CLP's latest general or by-election selection (highest id); null: none. */
  selectionId: z.number().int().nullable(),
  // A union, not .nullable(): an OpenAPI 3.0 enum marked nullable still refuses null unless listed.
  selectionStage: z.union([ZSelectionStage, z.null()]),
  selectionCompliance: z.union([ZSelectionLayerState, z.null()]),
  /** How many of its rules are broken (0 without a selection). */
  selectionBroken: z.number().int(),
});
export type TSelectionLayer = z.infer<typeof ZSelectionLayer>;

export const ZSelectionLayerQuery = z.object({
  selectionStage: z
    .enum([...SELECTION_STAGES, 'none'], {
      message: `must be one of ${SELECTION_STAGES.join(', ')} or none`,
    })
    .optional(),
  selectionCompliance: z
    .enum(['kept', 'at_risk', 'broken', 'none'], { message: 'must be kept, at_risk, broken or none' })
    .optional(),
});
export const SELECTION_LAYER_SORTS = ['selectionStage', 'selectionCompliance'] as const;

/** Stages grouped as the map colours them (the trigger ballot comes before the timetable). */
export const SELECTION_STAGE_GROUPS = {
  early: ['trigger_ballot', 'timetable_set', 'applications_open'],
  lists: ['longlist', 'shortlist'],
  vote: ['hustings', 'members_ballot'],
  done: ['selected', 'endorsed'],
} as const satisfies Record<string, readonly TSelectionStage[]>;

// ---- The national board --------------------------------------------------------------------------------

export const ZSelectionBoardQuery = z
  .object({ electionType: ZElectionType.optional(), stage: ZSelectionStage.optional() })
  .strict();
export type TSelectionBoardQuery = z.infer<typeof ZSelectionBoardQuery>;

/** How many selections keep, risk, break or are not held to something. */
export const ZStateCounts = z.object({
  kept: z.number().int(),
  atRisk: z.number().int(),
  broken: z.number().int(),
  off: z.number().int(),
});
export type TStateCounts = z.infer<typeof ZStateCounts>;

/** One group of selections: how many, their overall state, and each rule's. */
export const ZSelectionBoardRow = z.object({
  key: z.string(),
  label: z.string(),
  selections: z.number().int(),
  overall: ZStateCounts,
  rules: z.array(ZStateCounts.extend({ rule: ZRuleKey })),
});
export type TSelectionBoardRow = z.infer<typeof ZSelectionBoardRow>;

export const SEAT_GROUPS = ['red_wall', 'other', 'target', 'not_target'] as const;
export const SEAT_GROUP_LABELS: Record<(typeof SEAT_GROUPS)[number], string> = {
  red_wall: 'Red-wall seats',
  other: 'Other seats',
  target: 'Target seats (win, defend or hold)',
  not_target: 'Not a target',
};

export const ZSelectionBoard = z.object({
  filters: z.object({
    electionType: z.union([ZElectionType, z.null()]),
    stage: z.union([ZSelectionStage, z.null()]),
  }),
  all: ZSelectionBoardRow,
  /** Every region with 2024 seats, with or without selections. */
  regions: z.array(ZSelectionBoardRow.extend({ region: ZRef })),
  /** Red-wall seats against the rest, then target seats against the rest. */
  seatGroups: z.array(ZSelectionBoardRow),
});
export type TSelectionBoard = z.infer<typeof ZSelectionBoard>;

/** The share keeping it among the selections it applies to, as a whole percentage; null: applies to none. */
export function keptPercent(c: TStateCounts): number | null {
  const applied = c.kept + c.atRisk + c.broken;
  return applied === 0 ? null : Math.round((c.kept * 100) / applied);
}
