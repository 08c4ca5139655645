import type { TGrant } from '@groundwork/server/contracts';
import { describe, expect, it } from 'vitest';
import { ownRegionSource } from './ownRegion.ts';

const grant = (g: Partial<TGrant>): TGrant => ({
  id: 1,
  role: 'member',
  clpId: null,
  regionCode: null,
  clp: null,
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: null,
  ...g,
});

describe('ownRegionSource', () => {
  it("takes regional staff's region", () => {
    expect(ownRegionSource([grant({ role: 'regional_staff', regionCode: 'E12000001' })])).toEqual({
      region: 'E12000001',
    });
  });

  it("takes a CLP-scoped grant's CLP, for its region to be looked up", () => {
    const clp = { id: 7, name: 'Blyth and Ashington CLP' };
    expect(ownRegionSource([grant({ role: 'organiser', clpId: 7, clp })])).toEqual({ clp });
  });

  it('prefers a region grant to a CLP grant, and has none for a national admin', () => {
    const clp = { id: 7, name: 'Blyth and Ashington CLP' };
    expect(
      ownRegionSource([
        grant({ role: 'organiser', clpId: 7, clp }),
        grant({ role: 'regional_staff', regionCode: 'E12000004' }),
      ]),
    ).toEqual({ region: 'E12000004' });
    expect(ownRegionSource([grant({ role: 'admin' })])).toBeNull();
    expect(ownRegionSource([])).toBeNull();
  });
});
