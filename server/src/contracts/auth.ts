// Accounts: shared by the server and the client (nothing server-only is imported here).
import { z } from 'zod';
import { ZPassword, ZText } from './common.ts';

export const ROLES = ['member', 'organiser', 'selection_officer', 'regional_staff', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/**
 * The length rule for every new password, checked in the client too. How easy it is to guess (common,
 * built from the user's email or name) is checked on the server only, where the dictionaries are
 * (modules/auth/password-strength.ts): its reason comes back as a 400 on `newPassword`.
 */
export const ZNewPassword = ZPassword({
  error: 'Enter a password',
  min: PASSWORD_MIN_LENGTH,
  minMessage: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  max: PASSWORD_MAX_LENGTH,
  maxMessage: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
});

export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Emails are compared lower-cased and trimmed (the way app_user stores them). */
export const ZEmail = ZText({
  error: 'Enter an email address',
  max: 254,
  maxMessage: 'Email address is too long',
})
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address' }).max(254, 'Email address is too long'));

export const ZUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

/** A role in force: scoped to a CLP (member, organiser, selection officer), a region, or national. */
export const ZGrant = z.object({
  id: z.number().int(),
  role: ZRole,
  clpId: z.number().int().nullable(),
  regionCode: z.string().nullable(),
  /** The CLP, for saying "Organiser · Blyth and Ashington CLP". */
  clp: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
});
export type TGrant = z.infer<typeof ZGrant>;

/** What the client needs after signing in or reloading: who, with which roles, and the CSRF token. */
export const ZAuthState = z.object({
  user: ZUser,
  grants: z.array(ZGrant),
  /** Send back as the X-CSRF-Token header on every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
});
export type TAuthState = z.infer<typeof ZAuthState>;

export const ZSignInRequest = z.strictObject({
  email: ZEmail,
  // Not ZNewPassword: old passwords may predate the rules, and the message must not hint at anything.
  password: ZPassword({ error: 'Enter your password', min: 1, minMessage: 'Enter your password', max: 1000 }),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;
export const ZSignInResponse = ZAuthState;
export type TSignInResponse = TAuthState;
export const ZMeResponse = ZAuthState;
export type TMeResponse = TAuthState;

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: ZPassword({
    error: 'Enter your current password',
    min: 1,
    minMessage: 'Enter your current password',
    max: 1000,
  }),
  newPassword: ZNewPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZSetPasswordRequest = z.strictObject({
  token: ZText({
    error: 'The link has no token',
    trim: false,
    min: 1,
    minMessage: 'The link has no token',
    max: 200,
  }),
  newPassword: ZNewPassword,
});
export type TSetPasswordRequest = z.infer<typeof ZSetPasswordRequest>;
