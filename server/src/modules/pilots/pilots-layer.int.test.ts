// The seat map's pilot measures come from the pilot layer of the seat list: counts per seat for anyone
// signed in, the filter and sorts, the CSV columns, and a new activity showing at once.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { clpOf, daysAgo, logActivity, makePilot } from './boards.fixtures.ts';

const t = useTestApp();
let member: Awaited<ReturnType<typeof signedInAs>>;
const BLYTH = 'E14001107';
const HARTLEPOOL = 'E14001272';
let blythPilot: number;

type Row = { code: string; pilot?: { pilots: number; running: number; activities90: number } };
const codes = (body: { items: Row[] }) => body.items.map((s) => s.code);

beforeAll(async () => {
  member = await signedInAs(t, 'member', { clpId: (await clpOf(t.db.prisma, BLYTH)).id });
  blythPilot = await makePilot(t.db.prisma, BLYTH, { startsOn: '2026-01-10' });
  await makePilot(t.db.prisma, BLYTH, { status: 'lost', startsOn: '2025-01-10', endsOn: '2025-06-01' });
  await logActivity(t.db.prisma, blythPilot, daysAgo(3), { participants: 4 });
  await logActivity(t.db.prisma, blythPilot, daysAgo(89), { participants: 4 });
  await logActivity(t.db.prisma, blythPilot, daysAgo(90), { participants: 4 }); // outside the 90 days
  await logActivity(t.db.prisma, blythPilot, daysAgo(1), { participants: 4 }, true); // deleted
  await makePilot(t.db.prisma, HARTLEPOOL, { status: 'planned', startsOn: '2026-12-01' });
});

describe('the pilot layer', () => {
  it('gives signed-in callers each seat’s pilots, running pilots and activity in the last 90 days', async () => {
    const list = await t.api.get(`/api/seats?boundarySet=2024&q=${BLYTH}`).set(member.headers).expect(200);
    expect(list.body.layers.pilot).toBe('counts');
    expect(list.body.items[0].pilot).toEqual({ pilots: 2, running: 1, activities90: 2 });
    const detail = await t.api.get(`/api/seats/2024/${HARTLEPOOL}`).set(member.headers).expect(200);
    expect(detail.body.pilot).toEqual({ pilots: 1, running: 0, activities90: 0 });
  });

  it('shows nothing of pilots to someone signed out, and refuses them the filter', async () => {
    const list = await t.api.get(`/api/seats?boundarySet=2024&q=${BLYTH}`).expect(200);
    expect(list.body.layers).not.toHaveProperty('pilot');
    expect(list.body.items[0]).not.toHaveProperty('pilot');
    const res = await t.api.get('/api/seats?boundarySet=2024&pilots=any').expect(401);
    expect(res.body.error.details).toEqual([{ field: 'pilots', message: 'needs you to sign in' }]);
    await t.api.get('/api/seats?boundarySet=2024&sort=-activity').expect(401);
  });

  it('filters seats with any pilot, none, or one running', async () => {
    const get = async (filter: string) =>
      (await t.api.get(`/api/seats?boundarySet=2024&pilots=${filter}`).set(member.headers).expect(200)).body;
    expect(codes(await get('any')).sort()).toEqual([BLYTH, HARTLEPOOL].sort());
    expect(codes(await get('running'))).toEqual([BLYTH]);
    const none = await get('none');
    expect(none.total).toBe(650 - 2);
    expect(codes(none)).not.toContain(BLYTH);
    const bad = await t.api.get('/api/seats?boundarySet=2024&pilots=some').set(member.headers).expect(400);
    expect(bad.body.error.details[0].field).toBe('pilots');
    const old = await t.api.get('/api/seats?boundarySet=2010&pilots=any').set(member.headers).expect(400);
    expect(old.body.error.details[0].field).toBe('pilots');
  });

  it('sorts by pilots and by activity, most first when descending', async () => {
    const byPilots = await t.api.get('/api/seats?boundarySet=2024&sort=-pilots&limit=2').set(member.headers);
    expect(codes(byPilots.body)).toEqual([BLYTH, HARTLEPOOL]);
    const byActivity = await t.api
      .get('/api/seats?boundarySet=2024&sort=-activity&limit=1')
      .set(member.headers);
    expect(codes(byActivity.body)).toEqual([BLYTH]);
  });

  it('adds its columns to the seat CSV', async () => {
    const csv = await t.api.get(`/api/seats.csv?boundarySet=2024&q=${BLYTH}`).set(member.headers).expect(200);
    const [row] = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ pilots: '2', pilots_running: '1', activities_90_days: '2' });
    const anon = await t.api.get(`/api/seats.csv?boundarySet=2024&q=${BLYTH}`).expect(200);
    expect(anon.text.split('\n')[0]).not.toContain('pilots');
  });

  it('shows a new activity within a second', async () => {
    // Written straight to the database (no route told this instance), so the version check finds it.
    await logActivity(t.db.prisma, blythPilot, daysAgo(0), { participants: 1 });
    const written = performance.now();
    const count = async () =>
      (await t.api.get(`/api/seats?boundarySet=2024&q=${BLYTH}`).set(member.headers).expect(200)).body
        .items[0].pilot.activities90 as number;
    while ((await count()) !== 3) {
      expect(performance.now() - written).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 25));
    }
  });
});
