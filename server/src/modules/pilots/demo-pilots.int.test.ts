import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PILOT_STATUSES } from '../../contracts/index.ts';
import { useTestApp } from '../../test/test-app.ts';
import { createDemoPilots, DEMO_MARK } from './demo-pilots.ts';
import { partnerDedupeKey } from './partners.service.ts';

const t = useTestApp();

describe('npm run demo:pilots', () => {
  it('makes plainly fictional pilots in every status, with partners, activity and a copy, once', async () => {
    const prisma = t.db.prisma;
    const clp = await prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
    const real = await prisma.pilot.create({
      data: {
        clpId: clp.id,
        title: 'A real pilot',
        issue: 'Not demo data',
        category: 'housing',
        kind: 'community_organising',
        statusOn: new Date('2026-01-01'),
        startsOn: new Date('2026-01-01'),
      },
    });

    const first = await createDemoPilots(prisma, { today: new Date('2026-12-02') });
    expect(first).toMatchObject({ created: true, pilots: 8, partners: 6 });
    expect(first.activities).toBeGreaterThan(50);

    const pilots = await prisma.pilot.findMany({
      where: { title: { endsWith: DEMO_MARK } },
      include: {
        clp: { include: { constituency: true } },
        partners: { include: { partner: true } },
        activities: true,
      },
    });
    expect(new Set(pilots.map((p) => p.status))).toEqual(new Set(PILOT_STATUSES));
    for (const p of pilots) {
      expect(p.clp.constituency.regionCode).toBe('E12000001');
      expect(p.partners.every((l) => l.partner.name.endsWith(DEMO_MARK))).toBe(true);
      // Keyed like partners added in the app, so adding one of them again is refused as a duplicate.
      expect(p.partners.every((l) => l.partner.dedupeKey === partnerDedupeKey(l.partner))).toBe(true);
      // Each point lies inside its own seat, as the API would require.
      expect(p.latitude).not.toBeNull();
      const shape = p.clp.constituency.geometry as unknown as Polygon | MultiPolygon;
      expect(booleanPointInPolygon([p.longitude!, p.latitude!], shape)).toBe(true);
      if (p.endsOn) expect(p.activities.every((a) => a.occurredOn <= p.endsOn!)).toBe(true);
      if (p.status === 'planned') expect(p.activities).toHaveLength(0);
    }
    expect(pilots.filter((p) => p.originId !== null)).toHaveLength(1);
    expect(
      pilots
        .filter((p) => ['won', 'partly_won', 'lost', 'closed'].includes(p.status))
        .every((p) => p.outcome && p.lessons),
    ).toBe(true);

    // Again: nothing new. With reset: the same again, and the real pilot untouched.
    expect(await createDemoPilots(prisma)).toMatchObject({ created: false, pilots: 8 });
    const again = await createDemoPilots(prisma, { reset: true, today: new Date('2026-12-02') });
    expect(again).toEqual(first);
    expect(await prisma.pilot.findUnique({ where: { id: real.id } })).not.toBeNull();
  });
});
