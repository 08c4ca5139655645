import type { Grant, RoleName } from './api.ts';

export const ROLE_LABELS: Record<RoleName, string> = {
  member: 'Member',
  organiser: 'Organiser',
  selection_officer: 'Selection officer',
  regional_staff: 'Regional staff',
  admin: 'Admin',
};

/**
 * A grant in plain words: "Regional staff · North East", "Organiser · Blyth and Ashington CLP", "Admin".
 * `regionName` turns a region code into its name; unknown codes are shown as they are.
 */
export function describeGrant(grant: Grant, regionName: (code: string) => string | undefined): string {
  const role = ROLE_LABELS[grant.role];
  if (grant.clpId !== null) return `${role} · ${grant.clp?.name ?? `CLP ${grant.clpId}`}`;
  if (grant.regionCode !== null) return `${role} · ${regionName(grant.regionCode) ?? grant.regionCode}`;
  return role;
}

/** Every grant in force, one phrase each, without repeats, in the order the server gave them. */
export function describeGrants(
  grants: readonly Grant[],
  regionName: (code: string) => string | undefined,
): string[] {
  return [...new Set(grants.map((g) => describeGrant(g, regionName)))];
}
