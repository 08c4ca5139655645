import { describe, expect, it } from 'vitest';
import { ACTIONS, can, isActive, type GrantLike, type Principal } from './policy.ts';

const now = new Date('2026-11-23T12:00:00Z');
const who = (...grants: GrantLike[]): Principal => ({ userId: 1, grants });
const admin: GrantLike = { role: 'admin', clpId: null, regionCode: null };
const northEastStaff: GrantLike = { role: 'regional_staff', clpId: null, regionCode: 'E12000001' };
const organiser: GrantLike = { role: 'organiser', clpId: 7, regionCode: null };

describe('grants', () => {
  it('count only between their start and end, and never once revoked', () => {
    expect(isActive(admin, now)).toBe(true);
    expect(isActive({ ...admin, endsAt: '2026-11-23T11:59:59Z' }, now)).toBe(false);
    expect(isActive({ ...admin, endsAt: '2026-11-23T12:00:01Z' }, now)).toBe(true);
    expect(isActive({ ...admin, startsAt: '2026-11-24T00:00:00Z' }, now)).toBe(false);
    expect(isActive({ ...admin, revokedAt: '2026-11-01T00:00:00Z' }, now)).toBe(false);
  });
});

describe('can', () => {
  it('refuses everything to someone signed out but the public face of selections', () => {
    // Selections are announced publicly, and calendar apps fetch the feed without a session (decision 0009).
    const open = new Set(['selections:read']);
    for (const action of ACTIONS) expect(can(undefined, action, undefined, now)).toBe(open.has(action));
  });

  it('lets only admins manage users and grants', () => {
    expect(can(who(admin), 'users:manage', undefined, now)).toBe(true);
    expect(can(who(admin), 'grants:manage', undefined, now)).toBe(true);
    for (const g of [northEastStaff, organiser]) {
      expect(can(who(g), 'users:manage', undefined, now)).toBe(false);
      expect(can(who(g), 'grants:manage', undefined, now)).toBe(false);
    }
  });

  it('ignores an admin grant that has ended (officers change at the AGM)', () => {
    expect(can(who({ ...admin, endsAt: '2026-05-01T00:00:00Z' }), 'users:manage', undefined, now)).toBe(
      false,
    );
  });
});
