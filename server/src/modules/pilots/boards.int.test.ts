// The pilot boards as regional staff and admins use them: pilots per region against the goal, the seats
// still without a pilot, activity over time, the filters, the CSV, and the goal setting.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { clpOf, logActivity, makePilot } from './boards.fixtures.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let staff: Person, london: Person, admin: Person, member: Person, organiser: Person;

const NE = 'E12000001';
const BLYTH = 'E14001107';
const HARTLEPOOL = 'E14001272';
let third: string; // another North East seat, with an ended pilot
let targetSeat: { code: string; name: string }; // a North East DEFEND target with no pilot
const ids = {} as Record<'active' | 'planned' | 'won' | 'london', number>;

/** Red-wall seats (the flag in force) in the North East whose CLP has none of these pilots. */
async function redWallWithout(seatCodes: string[]): Promise<number> {
  const seats = await t.db.prisma.constituency.findMany({
    where: { boundarySetCode: '2024', regionCode: NE, code: { notIn: seatCodes } },
    select: { redWall: true, target: { select: { redWallOverride: true } } },
  });
  return seats.filter((s) => s.target?.redWallOverride ?? s.redWall).length;
}

beforeAll(async () => {
  const blyth = await clpOf(t.db.prisma, BLYTH);
  staff = await signedInAs(t, 'regional_staff', { regionCode: NE });
  london = await signedInAs(t, 'regional_staff', { regionCode: 'E12000007' });
  admin = await signedInAs(t, 'admin');
  member = await signedInAs(t, 'member', { clpId: blyth.id });
  organiser = await signedInAs(t, 'organiser', { clpId: blyth.id });
  const others = await t.db.prisma.constituency.findMany({
    where: { boundarySetCode: '2024', regionCode: NE, code: { notIn: [BLYTH, HARTLEPOOL] } },
    orderBy: { name: 'asc' },
    select: { code: true, name: true },
  });
  third = others[0]!.code;
  targetSeat = others[1]!;
  await t.api
    .put(`/api/seats/2024/${targetSeat.code}/target`)
    .set(staff.headers)
    .send({ status: 'DEFEND', tier: 1, redWallOverride: true, redWallReason: 'Reform second', version: 0 })
    .expect(200);

  ids.active = await makePilot(t.db.prisma, BLYTH, {
    title: 'Save the X9 bus',
    startsOn: '2026-01-10',
    category: 'housing',
    organiserId: organiser.userId,
  });
  await logActivity(t.db.prisma, ids.active, '2026-02-03', { participants: 10, conversations: 40 });
  await logActivity(t.db.prisma, ids.active, '2026-02-20', { participants: 5, newMembers: 2 });
  await logActivity(t.db.prisma, ids.active, '2026-03-01', { participants: 100 }, true); // deleted
  ids.planned = await makePilot(t.db.prisma, HARTLEPOOL, {
    status: 'planned',
    startsOn: '2026-06-01',
    kind: 'union_recruitment',
  });
  ids.won = await makePilot(t.db.prisma, third, {
    status: 'won',
    startsOn: '2025-09-01',
    endsOn: '2026-01-31',
  });
  await logActivity(t.db.prisma, ids.won, '2025-10-05', { participants: 7, petitionSignatures: 1200 });
  const londonSeat = await t.db.prisma.constituency.findFirstOrThrow({
    where: { boundarySetCode: '2024', regionCode: 'E12000007' },
  });
  ids.london = await makePilot(t.db.prisma, londonSeat.code, { startsOn: '2026-01-01' });
  await logActivity(t.db.prisma, ids.london, '2026-02-10', { participants: 3 });
});

const totals = (over: Record<string, number>) => ({
  activities: 0,
  participants: 0,
  conversations: 0,
  newMembers: 0,
  newUnionMembers: 0,
  newLeaders: 0,
  petitionSignatures: 0,
  ...over,
});

describe('the national board', () => {
  it('counts each region against the goal, with its seats still lacking a pilot and its activity', async () => {
    const res = await t.api.get('/api/pilot-boards/national').set(london.headers).expect(200);
    expect(res.body.goal).toBe(3);
    const ne = res.body.regions.find((r: { region: { code: string } }) => r.region.code === NE);
    expect(ne).toEqual({
      region: { code: NE, name: 'North East' },
      pilots: 3,
      running: 2, // active and planned; the won one has ended
      goal: 3,
      met: false,
      seatsWithoutPilot: { redWall: await redWallWithout([BLYTH, HARTLEPOOL, third]), target: 1 },
      totals: totals({
        activities: 3,
        participants: 22,
        conversations: 40,
        newMembers: 2,
        petitionSignatures: 1200,
      }),
    });
    const ldn = res.body.regions.find((r: { region: { code: string } }) => r.region.code === 'E12000007');
    expect(ldn).toMatchObject({ pilots: 1, running: 1, totals: { activities: 1, participants: 3 } });
    expect(res.body.regions.length).toBeGreaterThanOrEqual(12);
    expect(res.body.months).toEqual([
      { month: '2025-10', ...totals({ activities: 1, participants: 7, petitionSignatures: 1200 }) },
      { month: '2026-02', ...totals({ activities: 3, participants: 18, conversations: 40, newMembers: 2 }) },
    ]);
  });

  it('narrows pilots and activity by status, kind, category and period', async () => {
    const ne = async (query: string) => {
      const res = await t.api.get(`/api/pilot-boards/national?${query}`).set(admin.headers).expect(200);
      return res.body.regions.find((r: { region: { code: string } }) => r.region.code === NE);
    };
    expect(await ne('status=won')).toMatchObject({ pilots: 1, running: 2, totals: { activities: 1 } });
    expect(await ne('kind=union_recruitment')).toMatchObject({
      pilots: 1,
      running: 2,
      totals: { activities: 0 },
    });
    expect(await ne('category=housing')).toMatchObject({ pilots: 1, totals: { participants: 15 } });
    // In February 2026 only the active pilot was running: the planned one starts in June, the won one ended.
    const feb = await ne('from=2026-02-01&to=2026-02-28');
    expect(feb).toMatchObject({ pilots: 1, running: 2, totals: { activities: 2, participants: 15 } });
    expect(feb.seatsWithoutPilot.redWall).toBe(await redWallWithout([BLYTH, HARTLEPOOL, third]));
  });

  it('counts every pilot towards the goal and the seats with no pilot, whatever the filters', async () => {
    const ne = async (query: string) => {
      const res = await t.api.get(`/api/pilot-boards/national?${query}`).set(admin.headers).expect(200);
      const { running, met, seatsWithoutPilot } = res.body.regions.find(
        (r: { region: { code: string } }) => r.region.code === NE,
      );
      return { running, met, seatsWithoutPilot };
    };
    const all = await ne('');
    for (const query of [
      'status=won',
      'status=paused',
      'category=jobs_and_pay',
      'from=2020-01-01&to=2020-12-31',
    ])
      expect(await ne(query)).toEqual(all);
  });

  it('refuses a period that ends before it starts, and an unknown status, naming the field', async () => {
    const period = await t.api
      .get('/api/pilot-boards/national?from=2026-03-01&to=2026-02-01')
      .set(admin.headers)
      .expect(400);
    expect(period.body.error.details[0].field).toBe('from');
    const status = await t.api.get('/api/pilot-boards/national?status=done').set(admin.headers).expect(400);
    expect(status.body.error.details[0].field).toBe('status');
  });

  it('exports one CSV row per region', async () => {
    const res = await t.api.get('/api/pilot-boards/national.csv').set(staff.headers).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.region_code === NE)).toMatchObject({
      region: 'North East',
      pilots: '3',
      running: '2',
      goal: '3',
      met: 'false',
      target_seats_without_pilot: '1',
      participants: '22',
    });
  });

  it('shows a new pilot and a new activity on the next read', async () => {
    const before = await t.api.get('/api/pilot-boards/national').set(admin.headers).expect(200);
    const ne = (body: {
      regions: { region: { code: string }; pilots: number; totals: { activities: number } }[];
    }) => body.regions.find((r) => r.region.code === NE)!;
    const id = await makePilot(t.db.prisma, 'E14001285', { status: 'closed', startsOn: '2024-09-01' });
    await logActivity(t.db.prisma, id, '2024-10-01', { participants: 1 });
    const after = await t.api.get('/api/pilot-boards/national').set(admin.headers).expect(200);
    expect(ne(after.body).pilots).toBe(ne(before.body).pilots + 1);
    expect(ne(after.body).totals.activities).toBe(ne(before.body).totals.activities + 1);
    await t.db.prisma.pilot.delete({ where: { id } });
    await bumpSeatDataVersion(t.db.prisma);
    const again = await t.api.get('/api/pilot-boards/national').set(admin.headers).expect(200);
    expect(ne(again.body)).toEqual(ne(before.body));
  });

  it('is not shown to members or organisers', async () => {
    await t.api.get('/api/pilot-boards/national').set(member.headers).expect(403);
    await t.api.get('/api/pilot-boards/national').set(organiser.headers).expect(403);
  });
});

describe("a region's board", () => {
  it("lists the region's pilots, running first, with their totals and organisers", async () => {
    const res = await t.api.get(`/api/pilot-boards/region?region=${NE}`).set(staff.headers).expect(200);
    expect(res.body.region).toEqual({ code: NE, name: 'North East' });
    expect(res.body.pilots.map((p: { id: number }) => p.id)).toEqual([ids.active, ids.planned, ids.won]);
    expect(res.body.pilots[0]).toMatchObject({
      title: 'Save the X9 bus',
      status: 'active',
      startsOn: '2026-01-10',
      endsOn: null,
      seat: { code: BLYTH },
      region: { code: NE, name: 'North East' },
      organiser: { id: organiser.userId, name: 'Test organiser' },
      lastActivityOn: '2026-02-20',
      totals: totals({ activities: 2, participants: 15, conversations: 40, newMembers: 2 }),
    });
    expect(res.body.counts).toEqual({ pilots: 3, running: 2, met: false });
    const seats = res.body.seatsWithoutPilot as { code: string; redWall: boolean; target: string | null }[];
    expect(seats).toContainEqual({
      code: targetSeat.code,
      name: targetSeat.name,
      redWall: true,
      target: 'DEFEND',
    });
    expect(seats.map((s) => s.code)).not.toContain(BLYTH);
    expect(seats.every((s) => s.redWall || s.target)).toBe(true);
    expect(seats.length).toBe(await redWallWithout([BLYTH, HARTLEPOOL, third]));
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2025-10', '2026-02']);
  });

  it('keeps its goal count and its seats with no pilot when the filters narrow the pilots', async () => {
    const board = async (query: string) =>
      (await t.api.get(`/api/pilot-boards/region?region=${NE}&${query}`).set(staff.headers).expect(200)).body;
    const all = await board('');
    const won = await board('status=won');
    expect(won.pilots.map((p: { id: number }) => p.id)).toEqual([ids.won]);
    expect(won.counts).toEqual({ pilots: 1, running: 2, met: false });
    expect(won.seatsWithoutPilot).toEqual(all.seatsWithoutPilot);
    const codes = won.seatsWithoutPilot.map((s: { code: string }) => s.code);
    expect(codes).not.toContain(BLYTH);
    expect(codes).not.toContain(HARTLEPOOL);
    expect(won.months.map((m: { month: string }) => m.month)).toEqual(['2025-10']);
    const none = await board('from=2020-01-01&to=2020-12-31');
    expect(none).toMatchObject({ pilots: [], counts: { pilots: 0, running: 2 }, months: [] });
    expect(none.seatsWithoutPilot).toEqual(all.seatsWithoutPilot);
  });

  it('meets the goal once an admin lowers it to what the region has', async () => {
    await t.api.put('/api/settings/pilot-goal').set(admin.headers).send({ perRegion: 2 }).expect(200);
    try {
      const region = await t.api.get(`/api/pilot-boards/region?region=${NE}`).set(staff.headers).expect(200);
      expect(region.body).toMatchObject({ goal: 2, counts: { running: 2, met: true } });
      const national = await t.api.get('/api/pilot-boards/national').set(staff.headers).expect(200);
      expect(
        national.body.regions.find((r: { region: { code: string } }) => r.region.code === NE),
      ).toMatchObject({
        goal: 2,
        met: true,
      });
    } finally {
      await t.api.put('/api/settings/pilot-goal').set(admin.headers).send({ perRegion: 3 }).expect(200);
    }
  });

  it("exports the region's pilots as CSV", async () => {
    const res = await t.api.get(`/api/pilot-boards/region.csv?region=${NE}`).set(staff.headers).expect(200);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.pilot_id))).toEqual([ids.active, ids.planned, ids.won]);
    expect(rows[0]).toMatchObject({
      title: 'Save the X9 bus',
      organiser: 'Test organiser',
      participants: '15',
    });
  });

  it("is only for the region's own staff and admins; an unknown region is 404", async () => {
    await t.api.get(`/api/pilot-boards/region?region=${NE}`).set(london.headers).expect(403);
    await t.api.get(`/api/pilot-boards/region?region=${NE}`).set(member.headers).expect(403);
    await t.api.get('/api/pilot-boards/region?region=E12000099').set(admin.headers).expect(404);
    const bad = await t.api.get('/api/pilot-boards/region?region=north').set(admin.headers).expect(400);
    expect(bad.body.error.details[0].field).toBe('region');
  });
});

describe('the regional goal', () => {
  it('is 3 until an admin changes it; a change is in the history', async () => {
    expect((await t.api.get('/api/settings/pilot-goal').set(member.headers).expect(200)).body).toEqual({
      perRegion: 3,
    });
    await t.api.put('/api/settings/pilot-goal').set(admin.headers).send({ perRegion: 4 }).expect(200);
    expect((await t.api.get('/api/settings/pilot-goal').set(member.headers).expect(200)).body).toEqual({
      perRegion: 4,
    });
    const history = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'setting', entityId: 'pilots.goalPerRegion' },
      orderBy: { id: 'desc' },
    });
    expect(history[0]).toMatchObject({
      actorId: admin.userId,
      changes: [{ field: 'value', before: 3, after: 4 }],
    });
    await t.api.put('/api/settings/pilot-goal').set(admin.headers).send({ perRegion: 3 }).expect(200);
  });

  it('takes a whole number from 1 to 50, from admins only', async () => {
    for (const perRegion of [0, 51, 2.5, '3']) {
      const res = await t.api
        .put('/api/settings/pilot-goal')
        .set(admin.headers)
        .send({ perRegion })
        .expect(400);
      expect(res.body.error.details[0].field).toBe('perRegion');
    }
    await t.api.put('/api/settings/pilot-goal').set(staff.headers).send({ perRegion: 5 }).expect(403);
    await t.api.get('/api/settings/pilot-goal').expect(401);
  });
});
