import { z } from 'zod';
import { PG_INT_MAX, ZRef, ZText } from './common.ts';

export const TARGET_STATUSES = ['WIN', 'DEFEND', 'HOLD', 'NONE'] as const;
export const ZTargetStatus = z.enum(TARGET_STATUSES);
// The examples are the values /api/openapi.json offers (and its contract test calls the routes with).
const ZOnsSeat = z
  .string()
  .regex(/^[A-Z]\d{8}$/, 'must be an ONS constituency code such as E14001107')
  .meta({ example: 'E14001107' });
const ZRegionCode = z
  .string()
  .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
  .meta({ example: 'E12000001' });

export const ZSeatTarget = z.object({
  code: z.string(),
  name: z.string(),
  region: ZRef,
  status: ZTargetStatus,
  tier: z.number().int().nullable(),
  rationale: z.string(),
  /** The flag in force: the staff override where there is one, else the computed one. */
  redWall: z.boolean(),
  redWallComputed: z.boolean(),
  redWallOverride: z.boolean().nullable(),
  redWallReason: z.string().nullable(),
  /** 0 while nobody has set a target; send it back with an update. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type TSeatTarget = z.infer<typeof ZSeatTarget>;

export const ZTargetParams = z.object({ code: ZOnsSeat });

export const ZPutTargetRequest = z
  .object({
    status: ZTargetStatus,
    tier: z.number().int().min(1, 'must be 1, 2 or 3').max(3, 'must be 1, 2 or 3').nullable().optional(),
    rationale: ZText({ max: 2000, multiline: true }).default(''),
    redWallOverride: z.boolean().nullable().optional(),
    redWallReason: ZText({ max: 500 }).nullable().optional(),
    /** The version the editor read (0 for a seat with no target yet). */
    version: z.number().int().min(0).max(PG_INT_MAX),
    /** Optional reference for the decision (a URL or document). */
    source: ZText({ max: 500 }).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.status !== 'NONE' && (t.tier === undefined || t.tier === null))
      ctx.addIssue({ code: 'custom', path: ['tier'], message: `is required for ${t.status}` });
    if (t.status === 'NONE' && t.tier != null)
      ctx.addIssue({ code: 'custom', path: ['tier'], message: 'must be empty when the status is NONE' });
    if (t.redWallOverride != null && !t.redWallReason)
      ctx.addIssue({
        code: 'custom',
        path: ['redWallReason'],
        message: 'is required to override the red-wall flag',
      });
  });
export type TPutTargetRequest = z.infer<typeof ZPutTargetRequest>;

export const ZTargetBoardQuery = z.object({ region: ZRegionCode }).strict();
export const ZTargetBoardResponse = z.object({ region: ZRef, items: z.array(ZSeatTarget) });

/**
 * Who outside the signed-in staff may see targets: `public` shows status and tier to everyone;
 * `detailsPublic` (only with `public`) also shows rationale, the red-wall override, sources and staff names.
 */
export const ZTargetsPublic = z.object({ public: z.boolean(), detailsPublic: z.boolean() });
export const ZPutTargetsPublic = z
  .object({
    public: z.boolean(),
    /** Left as it was when omitted; always off when targets are not public. */
    detailsPublic: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.public || !v.detailsPublic, {
    path: ['detailsPublic'],
    message: 'can only be true when targets are public',
  });
export type TTargetsPublic = z.infer<typeof ZTargetsPublic>;

// ---- The target layer of the seat list (server/src/modules/targets/targets.layer.ts) ----

/** How much of the target layer a caller sees: status and tier, or everything. */
export const TARGET_LAYER_LEVELS = ['status', 'full'] as const;
export type TTargetLayerLevel = (typeof TARGET_LAYER_LEVELS)[number];

/**
 * A seat's target as a seat row carries it (2024 seats only). Status and tier for whoever may see
 * targets; the rest only at the `full` level (signed in, or published by an admin).
 */
export const ZTargetLayer = z.object({
  status: ZTargetStatus,
  tier: z.number().int().nullable(),
  rationale: z.string().optional(),
  redWallOverride: z.boolean().nullable().optional(),
  redWallReason: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  updatedBy: z.object({ id: z.number().int(), name: z.string() }).nullable().optional(),
});
export type TTargetLayer = z.infer<typeof ZTargetLayer>;

/** The seat-list filters the target layer adds. */
export const ZTargetLayerQuery = z.object({
  target: ZTargetStatus.optional(),
  tier: z.enum(['1', '2', '3'], { message: 'must be 1, 2 or 3' }).transform(Number).optional(),
});
export const TARGET_LAYER_SORTS = ['target', 'tier'] as const;
