import { z } from 'zod';
import { ZRef } from './common.ts';

export const TARGET_STATUSES = ['WIN', 'DEFEND', 'HOLD', 'NONE'] as const;
export const ZTargetStatus = z.enum(TARGET_STATUSES);
const ZOnsSeat = z.string().regex(/^[A-Z]\d{8}$/, 'must be an ONS constituency code such as E14001107');
const ZRegionCode = z.string().regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001');

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
    rationale: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
    redWallOverride: z.boolean().nullable().optional(),
    redWallReason: z.string().trim().max(500, 'must be at most 500 characters').nullable().optional(),
    /** The version the editor read (0 for a seat with no target yet). */
    version: z.number().int().min(0),
    /** Optional reference for the decision (a URL or document). */
    source: z.string().trim().max(500).optional(),
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

export const ZTargetMapResponse = z.object({
  items: z.array(z.object({ code: z.string(), status: ZTargetStatus, tier: z.number().int().nullable() })),
});

export const ZTargetsPublic = z.object({ public: z.boolean() }).strict();
