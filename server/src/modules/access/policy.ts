// The one place that answers "may this person do this to that". Routes declare their action (see
// http/route.ts); nothing is decided in the client, and no route can be registered without a declaration.
import type { Request } from 'express';

import type { RoleName } from '../../contracts/index.ts';

export { ROLES, type RoleName } from '../../contracts/index.ts';

/** A role grant as the policy needs it; grants past their end date or revoked never count. */
export interface GrantLike {
  role: RoleName;
  clpId: number | null;
  regionCode: string | null;
  startsAt?: Date | string | null;
  endsAt?: Date | string | null;
  revokedAt?: Date | string | null;
}

export interface Principal {
  userId: number;
  grants: readonly GrantLike[];
}

/** What an action is done to: the whole country, one region, or one CLP (which sits in a region). */
export type Resource =
  | { kind: 'national' }
  | { kind: 'region'; regionCode: string }
  | { kind: 'clp'; clpId: number; regionCode: string }
  /**
   * Seat targets: status and tier readable by anyone when an admin has made them public; rationale,
   * red-wall overrides, sources and staff names only when the admin has also published those.
   */
  | { kind: 'targets'; public: boolean; detailsPublic: boolean }
  /** A record's history: readable by whoever may read the record's details (its sources are in it). */
  | { kind: 'history'; of: 'seat-target'; detailsPublic: boolean }
  | { kind: 'history'; of: 'user' | 'role-grant' }
  /** A CLP's pilots (the CLP's own officers and members, its region's staff, admins). */
  | { kind: 'pilots'; clpId: number; regionCode: string }
  /** A CLP's candidate selections (the CLP's selection officers, its region's staff, admins). */
  | { kind: 'selections'; clpId: number; regionCode: string }
  /** A dataset of personal data someone wants to export. */
  | { kind: 'personal-data'; dataset: 'users' };

export const ACTIONS = [
  /** Manage user accounts and issue set-password links. */
  'users:manage',
  /** Give and take role grants. */
  'grants:manage',
  /** See seat targets' status and tier (the target measure, filters and columns). */
  'targets:read',
  /** See targets' rationale, red-wall overrides, sources, who set them and when (cards, boards, history). */
  'targets:read-details',
  /** Set a seat's target status, tier, rationale and red-wall override. */
  'targets:write',
  /** Read the field-by-field history of a record. */
  'history:read',
  /** Change national settings. */
  'settings:manage',
  /** Export personal data (each export is recorded with its purpose). */
  'personal-data:export',
  /** See the record of personal-data exports. */
  'exports:audit',
  /** Read a CLP's pilots, their partners, activity totals and outcomes (no personal data). */
  'pilots:read',
  /** Also see the personal data in them: organisers' names, who logged what, activity notes, comments. */
  'pilots:read-personal',
  /** Create and edit a CLP's pilots and log, edit and delete their activities. */
  'pilots:write',
  /** Comment on a CLP's pilots. */
  'pilots:comment',
  /** See the pilot boards (a region's with `region`, every region's with `national`) and the vote comparison. */
  'pilots:boards',
  /** See the seat map's pilot measures (counts per seat, no names). */
  'pilots:layer',
  /** Add and edit partner records (trade-union branches, community groups). */
  'partners:write',
  /** Merge duplicate partner records. */
  'partners:merge',
  /** See selections' public face: stages, dates, nominations, ballot results, composition as counts. */
  'selections:read',
  /** See candidates' personal (special-category) fields and a selection's field-by-field history. */
  'selections:read-personal',
  /** Create and run a CLP's selections: stages, candidacies, candidates, ballot, rule overrides, consents. */
  'selections:write',
  /** Set the national default rules for selections. */
  'selections:rules',
  /** See the national selections board (the share keeping each rule, by region and target status). */
  'selections:board',
  /** See the seat map's selection measures (each seat's selection stage and compliance, no names). */
  'selections:layer',
  /** Export everything held on a candidate, or erase them (each recorded with its reason). */
  'candidates:manage-data',
] as const;
export type Action = (typeof ACTIONS)[number];

export function isActive(grant: GrantLike, now = new Date()): boolean {
  const at = (v: Date | string | null | undefined) => (v == null ? undefined : new Date(v).getTime());
  const t = now.getTime();
  const starts = at(grant.startsAt);
  const ends = at(grant.endsAt);
  return (
    at(grant.revokedAt) === undefined &&
    (starts === undefined || starts <= t) &&
    (ends === undefined || ends > t)
  );
}

function holds(
  principal: Principal | undefined,
  role: RoleName,
  inScope: (g: GrantLike) => boolean,
  now: Date,
): boolean {
  return !!principal && principal.grants.some((g) => g.role === role && isActive(g, now) && inScope(g));
}

const anywhere = () => true;
const isAdmin = (p: Principal | undefined, now: Date) => holds(p, 'admin', anywhere, now);

/** Whether `p` holds `role` for this CLP (CLP roles) or its region (regional staff). */
function inPilotScope(p: Principal | undefined, r: Resource, roles: readonly RoleName[], now: Date): boolean {
  if (r.kind !== 'pilots') return false;
  return roles.some((role) =>
    role === 'regional_staff'
      ? holds(p, role, (g) => g.regionCode === r.regionCode, now)
      : holds(p, role, (g) => g.clpId === r.clpId, now),
  );
}

/** Whether `p` is a selection officer of this selection's CLP. */
function inSelectionScope(p: Principal | undefined, r: Resource, now: Date): boolean {
  return r.kind === 'selections' && holds(p, 'selection_officer', (g) => g.clpId === r.clpId, now);
}

/**
 * Rules per action; `resource` is where the action lands (national when omitted). The principal is
 * undefined for someone signed out: only rules that allow the public return true for them.
 */
const RULES: Record<Action, (p: Principal | undefined, r: Resource, now: Date) => boolean> = {
  'users:manage': (p, _r, now) => isAdmin(p, now),
  'grants:manage': (p, _r, now) => isAdmin(p, now),
  'settings:manage': (p, _r, now) => isAdmin(p, now),
  'targets:read': (p, r) => !!p || (r.kind === 'targets' && r.public),
  'targets:read-details': (p, r) => !!p || (r.kind === 'targets' && r.public && r.detailsPublic),
  // Regional staff set targets for seats in their own region only; admins anywhere.
  'targets:write': (p, r, now) =>
    isAdmin(p, now) ||
    (r.kind === 'region' && holds(p, 'regional_staff', (g) => g.regionCode === r.regionCode, now)),
  // Per dataset, the roles that may take a copy; users' details: admins only.
  'personal-data:export': (p, r, now) =>
    r.kind === 'personal-data' && r.dataset === 'users' && isAdmin(p, now),
  'exports:audit': (p, _r, now) => isAdmin(p, now),
  // Members (and the CLP's other officers) read their own CLP's pilots; regional staff their region's.
  'pilots:read': (p, r, now) =>
    isAdmin(p, now) ||
    inPilotScope(p, r, ['member', 'organiser', 'selection_officer', 'regional_staff'], now),
  'pilots:read-personal': (p, r, now) =>
    isAdmin(p, now) || inPilotScope(p, r, ['organiser', 'regional_staff'], now),
  // Regional staff comment; they do not edit a CLP's own log.
  'pilots:write': (p, r, now) => isAdmin(p, now) || inPilotScope(p, r, ['organiser'], now),
  'pilots:comment': (p, r, now) =>
    isAdmin(p, now) || inPilotScope(p, r, ['organiser', 'regional_staff'], now),
  'pilots:boards': (p, r, now) =>
    isAdmin(p, now) ||
    (r.kind === 'region' && holds(p, 'regional_staff', (g) => g.regionCode === r.regionCode, now)) ||
    (r.kind === 'national' && holds(p, 'regional_staff', anywhere, now)),
  'pilots:layer': (p) => !!p,
  'partners:write': (p, _r, now) =>
    isAdmin(p, now) || holds(p, 'organiser', anywhere, now) || holds(p, 'regional_staff', anywhere, now),
  'partners:merge': (p, _r, now) => isAdmin(p, now),
  // A selection's public face is public, as the party's own announcements are: members follow it, and
  // calendar apps fetch the feed without signing in. Nothing personal is in it without consent.
  'selections:read': () => true,
  'selections:read-personal': (p, r, now) => isAdmin(p, now) || inSelectionScope(p, r, now),
  'selections:write': (p, r, now) => isAdmin(p, now) || inSelectionScope(p, r, now),
  'selections:rules': (p, _r, now) => isAdmin(p, now),
  'selections:board': (p, _r, now) => isAdmin(p, now) || holds(p, 'regional_staff', anywhere, now),
  'selections:layer': (p) => !!p,
  'candidates:manage-data': (p, _r, now) => isAdmin(p, now),
  'history:read': (p, r, now) =>
    r.kind === 'history' && r.of === 'seat-target' ? !!p || r.detailsPublic : isAdmin(p, now),
};

export function can(
  principal: Principal | undefined,
  action: Action,
  resource: Resource = { kind: 'national' },
  now = new Date(),
): boolean {
  return RULES[action](principal, resource, now);
}

/** The signed-in person behind a request, as the auth middleware left it (undefined when signed out). */
export function principalOf(req: Request): Principal | undefined {
  const auth = (req as Request & { auth?: { user: { id: number }; grants: readonly GrantLike[] } }).auth;
  return auth ? { userId: auth.user.id, grants: auth.grants } : undefined;
}
