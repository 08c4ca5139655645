import { beforeAll, describe, expect, it } from 'vitest';
import type { TPilot } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let blythId: number;
let hartlepoolId: number;
let organiser: Person;
let otherOrganiser: Person;
let member: Person;
let staff: Person;

// Points on the 2024 boundaries: Ashington town centre (Blyth and Ashington), Hartlepool's, and the North Sea.
const ASHINGTON = { lat: 55.1818, lng: -1.5684 };
const HARTLEPOOL = { lat: 54.6863, lng: -1.2129 };
const SEA = { lat: 55.3, lng: -0.9 };

const base = {
  title: 'Save the 35 bus',
  issue: 'The council cut the only bus to the hospital',
  category: 'transport',
  kind: 'community_organising',
  startsOn: '2026-09-01',
};

const clpOf = async (code: string) =>
  (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code, boundarySetCode: '2024' } } })).id;

beforeAll(async () => {
  blythId = await clpOf('E14001107');
  hartlepoolId = await clpOf('E14001272');
  organiser = await signedInAs(t, 'organiser', { clpId: blythId });
  otherOrganiser = await signedInAs(t, 'organiser', { clpId: hartlepoolId });
  member = await signedInAs(t, 'member', { clpId: blythId });
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
});

const create = (who: Person, body: object) =>
  t.api
    .post('/api/pilots')
    .set(who.headers)
    .send({ ...base, clpId: blythId, ...body });
const put = (who: Person, pilot: TPilot, body: object) =>
  t.api
    .put(`/api/pilots/${pilot.id}`)
    .set(who.headers)
    .send({ ...base, status: pilot.status, version: pilot.version, ...body });
const seatDataVersion = async () => (await t.db.prisma.seatDataVersion.findFirstOrThrow()).version;

describe('creating a pilot', () => {
  it('lets an organiser start one in their CLP, placed in its seat, with them responsible', async () => {
    const before = await seatDataVersion();
    const res = await create(organiser, { location: ASHINGTON, status: 'active' }).expect(201);
    const pilot = res.body as TPilot;
    expect(pilot).toMatchObject({
      title: 'Save the 35 bus',
      status: 'active',
      seat: { code: 'E14001107', name: 'Blyth and Ashington' },
      region: { code: 'E12000001' },
      location: ASHINGTON,
      organiser: { id: organiser.userId },
      totals: { activities: 0 },
      timeline: [],
      version: 1,
      can: { edit: true, comment: true, seePersonal: true },
    });
    expect(pilot.statusChanges).toHaveLength(1);
    expect(pilot.statusOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await seatDataVersion()).toBeGreaterThan(before);
    const history = await t.api.get(`/api/pilots/${pilot.id}/history`).set(organiser.headers).expect(200);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ action: 'create', entityType: 'pilot' });
    expect(history.body.items[0].changes).toContainEqual({
      field: 'location',
      before: null,
      after: `${ASHINGTON.lat},${ASHINGTON.lng}`,
    });
  });

  it('refuses a location outside the CLP’s constituency with 422 naming the field and the seat it is in', async () => {
    const count = await t.db.prisma.pilot.count();
    const res = await create(organiser, { location: HARTLEPOOL }).expect(422);
    expect(res.body.error.code).toBe('UNPROCESSABLE');
    expect(res.body.error.details).toEqual([
      { field: 'location', message: expect.stringMatching(/^is in Hartlepool, not in Blyth and Ashington/) },
    ]);
    const sea = await create(organiser, { location: SEA }).expect(422);
    expect(sea.body.error.details[0]).toEqual({
      field: 'location',
      message: expect.stringMatching(/^is not inside any constituency/),
    });
    expect(await t.db.prisma.pilot.count()).toBe(count);
  });

  it('refuses an organiser without a role in the CLP, a merged or unknown partner, and an unknown CLP', async () => {
    const bad = await create(organiser, { organiserId: otherOrganiser.userId }).expect(422);
    expect(bad.body.error.details[0].field).toBe('organiserId');
    const a = await t.db.prisma.partner.create({ data: { name: 'Old group', kind: 'community_group' } });
    const b = await t.db.prisma.partner.create({
      data: { name: 'New group', kind: 'community_group', mergedIntoId: a.id },
    });
    const merged = await create(organiser, { partnerIds: [b.id] }).expect(422);
    expect(merged.body.error.details[0].field).toBe('partnerIds');
    expect(
      (await create(organiser, { partnerIds: [2_000_000_000] }).expect(422)).body.error.details[0].field,
    ).toBe('partnerIds');
    await create(organiser, { clpId: 2_000_000_000 }).expect(404);
  });

  it('refuses members, staff and organisers of another CLP (403), and bad input (400)', async () => {
    await create(member, {}).expect(403);
    await create(staff, {}).expect(403);
    await create(otherOrganiser, {}).expect(403);
    await create(organiser, { endsOn: '2026-08-01' }).expect(400);
    // A status cannot have taken effect after tomorrow, nor (once running) before the pilot started.
    const ukDay = (days: number) => {
      const d = new Date(
        `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format()}T00:00:00Z`,
      );
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const future = await create(organiser, { status: 'active', statusOn: ukDay(2) }).expect(400);
    expect(future.body.error.details).toEqual([{ field: 'statusOn', message: 'cannot be in the future' }]);
    await create(organiser, { status: 'active', statusOn: '2026-08-31' })
      .expect(400)
      .expect((r) => expect(r.body.error.details[0].field).toBe('statusOn'));
    await create(organiser, { status: 'active', statusOn: ukDay(1) }).expect(201);
    // Planned is decided before the start; a running status today for a pilot starting later is not.
    await create(organiser, { startsOn: ukDay(30), statusOn: ukDay(0) }).expect(201);
    const early = await create(organiser, { startsOn: ukDay(30), status: 'active' }).expect(422);
    expect(early.body.error.details[0].field).toBe('statusOn');
    await create(organiser, { location: { lat: 40, lng: 0 } }).expect(400);
  });
});

describe('editing a pilot', () => {
  it('records each change (status, location, partners, outcome) and appends a dated status change', async () => {
    const partner = await t.db.prisma.partner.create({
      data: { name: 'Unite North', kind: 'community_group' },
    });
    const pilot = (await create(organiser, {}).expect(201)).body as TPilot;
    const before = await seatDataVersion();
    const res = await put(organiser, pilot, {
      status: 'won',
      statusOn: '2026-11-20',
      location: ASHINGTON,
      partnerIds: [partner.id],
      outcome: 'The bus runs again',
      evidenceLinks: ['https://example.org/news'],
      lessons: 'Start with the hospital staff',
    }).expect(200);
    expect(res.body).toMatchObject({
      status: 'won',
      statusOn: '2026-11-20',
      version: 2,
      outcome: 'The bus runs again',
      partners: [{ id: partner.id, pilotCount: 1 }],
    });
    expect(res.body.statusChanges.map((c: { status: string }) => c.status)).toEqual(['planned', 'won']);
    expect(await seatDataVersion()).toBeGreaterThan(before);
    const history = await t.api.get(`/api/pilots/${pilot.id}/history`).set(staff.headers).expect(200);
    const update = history.body.items[0];
    expect(update).toMatchObject({ action: 'update', actor: { id: organiser.userId } });
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', before: 'planned', after: 'won' },
        { field: 'location', before: null, after: `${ASHINGTON.lat},${ASHINGTON.lng}` },
        { field: 'partnerIds', before: [], after: [partner.id] },
        { field: 'outcome', before: '', after: 'The bus runs again' },
      ]),
    );
    // The same values again: no new version, no new history entry.
    const again = await put(organiser, res.body, {
      statusOn: '2026-11-20',
      location: ASHINGTON,
      partnerIds: [partner.id],
      outcome: 'The bus runs again',
      evidenceLinks: ['https://example.org/news'],
      lessons: 'Start with the hospital staff',
    }).expect(200);
    expect(again.body.version).toBe(2);
    const entries = await t.api.get(`/api/pilots/${pilot.id}/history`).set(staff.headers).expect(200);
    expect(entries.body.items).toHaveLength(2);
  });

  it('refuses an organiser editing another CLP’s pilot (403) and leaves it as it was', async () => {
    const pilot = (await create(organiser, {}).expect(201)).body as TPilot;
    await put(otherOrganiser, pilot, { title: 'Taken over' }).expect(403);
    await put(staff, pilot, { title: 'Taken over' }).expect(403);
    expect((await t.db.prisma.pilot.findUniqueOrThrow({ where: { id: pilot.id } })).title).toBe(base.title);
  });

  it('lets one of two concurrent edits of the same version win; the other gets 409 and nothing is lost', async () => {
    const pilot = (await create(organiser, {}).expect(201)).body as TPilot;
    const [a, b] = await Promise.all([
      put(organiser, pilot, { title: 'Edit by A' }),
      put(organiser, pilot, { title: 'Edit by B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.body.error.details.current).toMatchObject({ version: 2, title: winner.body.title });
    const stored = await t.db.prisma.pilot.findUniqueOrThrow({ where: { id: pilot.id } });
    expect(stored).toMatchObject({ title: winner.body.title, version: 2 });
    const updates = await t.db.prisma.auditEntry.count({
      where: { entityType: 'pilot', entityId: String(pilot.id), action: 'update' },
    });
    expect(updates).toBe(1);
  });
});

describe('reading a pilot', () => {
  it('gives members no organiser or other personal data, and no comments or history', async () => {
    const pilot = (await create(organiser, { status: 'active' }).expect(201)).body as TPilot;
    const organiserName = (await t.db.prisma.user.findUniqueOrThrow({ where: { id: organiser.userId } }))
      .name;
    const res = await t.api.get(`/api/pilots/${pilot.id}`).set(member.headers).expect(200);
    expect(res.text).not.toContain('"organiser"');
    expect(res.text).not.toContain('"changedBy"');
    expect(res.text).not.toContain(organiserName);
    expect(res.body.can).toEqual({ edit: false, comment: false, seePersonal: false });
    const list = await t.api.get(`/api/pilots?clp=${blythId}`).set(member.headers).expect(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.text).not.toContain('"organiser"');
    expect(list.text).not.toContain(organiserName);
    const csv = await t.api.get(`/api/pilots.csv?clp=${blythId}`).set(member.headers).expect(200);
    expect(csv.text.split('\n')[0]).not.toContain('organiser');
    expect(csv.text).not.toContain(organiserName);
    await t.api.get(`/api/pilots/${pilot.id}/comments`).set(member.headers).expect(403);
    await t.api.get(`/api/pilots/${pilot.id}/history`).set(member.headers).expect(403);
    const staffView = await t.api.get(`/api/pilots/${pilot.id}`).set(staff.headers).expect(200);
    expect(staffView.body.organiser).toEqual({ id: organiser.userId, name: organiserName });
    expect(staffView.body.can).toEqual({ edit: false, comment: true, seePersonal: true });
    const staffCsv = await t.api.get(`/api/pilots.csv?clp=${blythId}`).set(staff.headers).expect(200);
    expect(staffCsv.text.split('\n')[0]).toMatch(/,organiser$/);
    expect(staffCsv.text).toContain(organiserName);
  });

  it('sums non-deleted activities into totals and a Monday-based weekly timeline', async () => {
    const pilot = (await create(organiser, {}).expect(201)).body as TPilot;
    const activity = (occurredOn: string, counts: object, deleted = false) => ({
      pilotId: pilot.id,
      idempotencyKey: crypto.randomUUID(),
      occurredOn: new Date(`${occurredOn}T00:00:00Z`),
      type: 'door_knocking' as const,
      ...counts,
      deletedAt: deleted ? new Date() : null,
    });
    await t.db.prisma.pilotActivity.createMany({
      data: [
        activity('2026-11-02', { participants: 5, conversations: 40 }), // Monday
        activity('2026-11-08', { participants: 3, newMembers: 2 }), // Sunday, same week
        activity('2026-11-23', { conversations: 10 }), // two weeks later
        activity('2026-11-24', { conversations: 999 }, true), // deleted: not counted
      ],
    });
    const res = await t.api.get(`/api/pilots/${pilot.id}`).set(member.headers).expect(200);
    expect(res.body.totals).toEqual({
      activities: 3,
      participants: 8,
      conversations: 50,
      newMembers: 2,
      newUnionMembers: 0,
      newLeaders: 0,
      petitionSignatures: 0,
    });
    expect(res.body.lastActivityOn).toBe('2026-11-23');
    const weeks = res.body.timeline.map((w: { week: string; activities: number; conversations: number }) => [
      w.week,
      w.activities,
      w.conversations,
    ]);
    expect(weeks).toEqual([
      ['2026-11-02', 2, 40],
      ['2026-11-09', 0, 0],
      ['2026-11-16', 0, 0],
      ['2026-11-23', 1, 10],
    ]);
  });
});
