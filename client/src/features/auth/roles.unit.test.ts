import { describe, expect, it } from 'vitest';
import type { Grant } from './api.ts';
import { describeGrant, describeGrants } from './roles.ts';

const base = { startsAt: '2025-01-01T00:00:00.000Z', endsAt: null, clp: null };
const regions = new Map([['E12000001', 'North East']]);
const regionName = (code: string) => regions.get(code);

describe('describeGrant', () => {
  it('names the region of a regional grant', () => {
    const g: Grant = { id: 1, role: 'regional_staff', clpId: null, regionCode: 'E12000001', ...base };
    expect(describeGrant(g, regionName)).toBe('Regional staff · North East');
  });

  it('names the CLP when the server sends it, and falls back to its number otherwise', () => {
    const g: Grant = { id: 2, role: 'organiser', clpId: 7, regionCode: null, ...base };
    expect(describeGrant({ ...g, clp: { id: 7, name: 'Blyth and Ashington CLP' } }, regionName)).toBe(
      'Organiser · Blyth and Ashington CLP',
    );
    expect(describeGrant(g, regionName)).toBe('Organiser · CLP 7');
  });

  it('shows an unknown region code as it is, and a national role alone', () => {
    const r: Grant = { id: 3, role: 'regional_staff', clpId: null, regionCode: 'X1', ...base };
    const a: Grant = { id: 4, role: 'admin', clpId: null, regionCode: null, ...base };
    expect(describeGrant(r, regionName)).toBe('Regional staff · X1');
    expect(describeGrant(a, regionName)).toBe('Admin');
  });

  it('lists each phrase once', () => {
    const g: Grant = { id: 5, role: 'selection_officer', clpId: null, regionCode: null, ...base };
    expect(describeGrants([g, { ...g, id: 6 }], regionName)).toEqual(['Selection officer']);
  });
});
