import { z } from 'zod';
import { ZRole } from './auth.ts';
import { PG_INT_MAX, ZId, ZIdParam, ZQueryInt, ZText } from './common.ts';

export const ZAdminGrant = z.object({
  id: z.number().int(),
  role: ZRole,
  clp: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  active: z.boolean(),
});
export type TAdminGrant = z.infer<typeof ZAdminGrant>;

export const ZAdminUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  /** When an admin disabled the account; null while it may sign in. */
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  /** Send it back with a disable or enable: a stale one gets 409 with the current values. */
  version: z.number().int(),
  grants: z.array(ZAdminGrant),
});
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZListUsersQuery = z
  .object({
    q: ZText({ max: 100 }).optional(),
    limit: ZQueryInt({ min: 1, max: 200, default: 50 }),
    offset: ZQueryInt({ min: 0, max: PG_INT_MAX, default: 0 }),
  })
  .strict();

export const ZListUsersResponse = z.object({
  total: z.number().int(),
  items: z.array(ZAdminUser),
});

export const ZCreateUserRequest = z
  .object({
    email: ZText({ max: 254 }).toLowerCase().pipe(z.email('must be an email address')),
    name: ZText({ min: 1, minMessage: 'is required', max: 200 }),
  })
  .strict();
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUserParams = z.object({ id: ZIdParam('a user id') });
export const ZGrantParams = z.object({ id: ZIdParam('a grant id') });

/** A grant's scope follows its role: CLP roles name a CLP, regional staff a region, admins nothing. */
export const ZCreateGrantRequest = z
  .object({
    role: ZRole,
    clpId: ZId('a CLP id').optional(),
    regionCode: z
      .string()
      .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
      .optional(),
    endsAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    const clpRole = g.role === 'member' || g.role === 'organiser' || g.role === 'selection_officer';
    if (clpRole && g.clpId === undefined)
      ctx.addIssue({ code: 'custom', path: ['clpId'], message: `is required for ${g.role}` });
    if (!clpRole && g.clpId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['clpId'], message: `is not used for ${g.role}` });
    if (g.role === 'regional_staff' && g.regionCode === undefined)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'is required for regional_staff' });
    if (g.role !== 'regional_staff' && g.regionCode !== undefined)
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: `is not used for ${g.role}` });
    if (g.endsAt !== undefined && new Date(g.endsAt).getTime() <= Date.now())
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be in the future' });
  });
export type TCreateGrantRequest = z.infer<typeof ZCreateGrantRequest>;

const ZUserVersion = z.number().int().min(1, 'must be the version you read').max(PG_INT_MAX);

/** Disabling says why (kept in the account's history); the version is the one the admin read. */
export const ZDisableUserRequest = z
  .object({
    reason: ZText({
      min: 1,
      minMessage: 'is required: say why the account is disabled',
      max: 500,
      multiline: true,
    }),
    version: ZUserVersion,
  })
  .strict();
export type TDisableUserRequest = z.infer<typeof ZDisableUserRequest>;

export const ZEnableUserRequest = z
  .object({
    reason: ZText({ max: 500, multiline: true }).optional(),
    version: ZUserVersion,
  })
  .strict();
export type TEnableUserRequest = z.infer<typeof ZEnableUserRequest>;

export const ZPasswordLinkResponse = z.object({ url: z.string(), expiresAt: z.string() });
