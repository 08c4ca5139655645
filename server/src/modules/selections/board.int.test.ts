// The national selections board: for each rule, how many selections keep it, risk it or break it, by region
// and by kind of seat, filtered by election type and stage; as JSON and CSV, counts only.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TSelection, TSelectionBoard, TSelectionBoardRow } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
const NORTH_EAST = 'E12000001';
const NAMES = ['Bea Boardfiction', 'Bob Boardmadeup', 'Cat Boardinvented'];
let staff: Person;
let blythRedWall: boolean;

const seatOf = (code: string) =>
  t.db.prisma.constituency.findFirstOrThrow({
    where: { code, boundarySetCode: '2024' },
    include: { clp: true, target: true },
  });

async function selection(code: string, body: object, shortlist: { local: boolean; name: string }[]) {
  const seat = await seatOf(code);
  const officer = await signedInAs(t, 'selection_officer', { clpId: seat.clp!.id });
  const s = (
    await t.api
      .post('/api/selections')
      .set(officer.headers)
      .send({ clpId: seat.clp!.id, electionType: 'general', ...body })
      .expect(201)
  ).body as TSelection;
  for (const c of shortlist) {
    await t.api
      .post(`/api/selections/${s.id}/candidacies`)
      .set(officer.headers)
      .send({ stage: 'shortlisted', livesLocally: c.local, candidate: { name: c.name, workingClass: true } })
      .expect(201);
  }
}

beforeAll(async () => {
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000007' });
  const blyth = await seatOf('E14001107');
  blythRedWall = blyth.target?.redWallOverride ?? blyth.redWall;
  // Blyth: a shortlist of two, neither local (breaks the locality rule); Hartlepool: one local of two
  // (keeps it); both North East. A council selection in Hartlepool, still taking applications.
  const [a, b, c] = NAMES as [string, string, string];
  await selection('E14001107', { stage: 'shortlist' }, [
    { local: false, name: a },
    { local: false, name: b },
  ]);
  await selection('E14001272', { stage: 'shortlist' }, [
    { local: true, name: c },
    { local: false, name: `${c} II` },
  ]);
  await selection(
    'E14001272',
    { electionType: 'council', wardName: 'Seaton', stage: 'applications_open' },
    [],
  );
});

const board = async (query = '') =>
  (await t.api.get(`/api/selections/board${query}`).set(staff.headers).expect(200)).body as TSelectionBoard;
const rule = (row: TSelectionBoardRow, key: string) => row.rules.find((r) => r.rule === key)!;
const northEast = (b: TSelectionBoard) => b.regions.find((r) => r.region.code === NORTH_EAST)!;

describe('the national selections board', () => {
  it('counts, per rule, the selections keeping, risking and breaking it, in every region', async () => {
    const b = await board();
    expect(b.all.selections).toBe(3);
    expect(b.regions.length).toBeGreaterThanOrEqual(9);
    const ne = northEast(b);
    expect(ne).toMatchObject({ label: 'North East', selections: 3 });
    expect(rule(ne, 'localShare')).toMatchObject({ kept: 1, broken: 1, atRisk: 1, off: 0 });
    expect(rule(ne, 'womenOnLonglist')).toMatchObject({ off: 3 });
    expect(ne.overall.broken).toBe(1);
    const london = b.regions.find((r) => r.region.code === 'E12000007')!;
    expect(london.selections).toBe(0);
  });

  it('splits red-wall seats from the rest, and target seats from the rest', async () => {
    const b = await board('?electionType=general');
    const group = (key: string) => b.seatGroups.find((g) => g.key === key)!;
    expect(group('red_wall').selections + group('other').selections).toBe(2);
    expect(rule(group(blythRedWall ? 'red_wall' : 'other'), 'localShare').broken).toBe(1);
    expect(group('target').selections + group('not_target').selections).toBe(2);
    expect(b.seatGroups.map((g) => g.label)).toContain('Red-wall seats');
  });

  it('filters by election type and stage', async () => {
    const general = await board('?electionType=general');
    expect(general.filters).toEqual({ electionType: 'general', stage: null });
    expect(northEast(general).selections).toBe(2);
    const applying = await board('?stage=applications_open');
    expect(northEast(applying).selections).toBe(1);
    expect(rule(northEast(applying), 'localShare').atRisk).toBe(1);
    const bad = await t.api.get('/api/selections/board?stage=nearly').set(staff.headers).expect(400);
    expect(bad.body.error.details[0].field).toBe('stage');
  });

  it('gives the same figures as CSV, with the share kept and no names', async () => {
    const res = await t.api.get('/api/selections/board.csv').set(staff.headers).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    const line = rows.find((r) => r.group_code === NORTH_EAST && r.rule === 'localShare');
    expect(line).toMatchObject({
      grouping: 'region',
      group: 'North East',
      selections: '3',
      kept: '1',
      at_risk: '1',
      broken: '1',
      not_applied: '0',
      kept_pct: '33',
    });
    for (const name of NAMES) expect(res.text).not.toContain(name);
  });

  it('is for admins and regional staff only', async () => {
    const member = await signedInAs(t, 'member', { clpId: (await seatOf('E14001107')).clp!.id });
    await t.api.get('/api/selections/board').set(member.headers).expect(403);
    await t.api.get('/api/selections/board.csv').expect(401);
    const admin = await signedInAs(t, 'admin');
    await t.api.get('/api/selections/board').set(admin.headers).expect(200);
  });
});
