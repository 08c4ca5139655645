import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { utcDayFromNow, type TActivity } from '../../contracts/index.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let organiser: Person;
let otherOrganiser: Person;
let member: Person;
let staff: Person;
let london: Person;
let clpId: number;

const newPilot = async (clp = clpId) =>
  (
    await t.db.prisma.pilot.create({
      data: {
        clpId: clp,
        title: 'Save the 35 bus',
        issue: 'The council wants to cut the 35',
        category: 'transport',
        kind: 'community_organising',
        status: 'active',
        statusOn: new Date('2026-01-05'),
        startsOn: new Date('2026-01-05'),
      },
    })
  ).id;

const post = (who: Person, pilotId: number, body: object) =>
  t.api.post(`/api/pilots/${pilotId}/activities`).set(who.headers).send(body);
const list = (who: Person, pilotId: number) =>
  t.api.get(`/api/pilots/${pilotId}/activities`).set(who.headers);
const valid = (extra: object = {}) => ({
  idempotencyKey: randomUUID(),
  occurredOn: '2026-03-02',
  type: 'door_knocking',
  participants: 6,
  conversations: 41,
  notes: 'Mrs Patel at no. 12 wants a meeting',
  ...extra,
});
const historyOf = (id: number) =>
  t.db.prisma.auditEntry.findMany({
    where: { entityType: 'pilot-activity', entityId: String(id) },
    orderBy: { id: 'asc' },
  });
const seatDataVersion = async () =>
  (await t.db.prisma.seatDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

beforeAll(async () => {
  const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
  clpId = clp.id;
  const other = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001272' } } });
  organiser = await signedInAs(t, 'organiser', { clpId });
  otherOrganiser = await signedInAs(t, 'organiser', { clpId: other.id });
  member = await signedInAs(t, 'member', { clpId });
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  london = await signedInAs(t, 'regional_staff', { regionCode: 'E12000007' });
});

describe('logging an activity', () => {
  it('records it with its history, shows it newest first, and keeps notes from members', async () => {
    const pilotId = await newPilot();
    const before = await seatDataVersion();
    const made = await post(organiser, pilotId, valid({ occurredOn: '2026-03-01' })).expect(201);
    expect(made.body as TActivity).toMatchObject({
      pilotId,
      occurredOn: '2026-03-01',
      type: 'door_knocking',
      participants: 6,
      newMembers: null,
      notes: 'Mrs Patel at no. 12 wants a meeting',
      recordedBy: { id: organiser.userId, name: 'Test organiser' },
      version: 1,
    });
    expect(await seatDataVersion()).toBeGreaterThan(before);
    await post(organiser, pilotId, valid({ occurredOn: '2026-03-05', type: 'stall' })).expect(201);

    const mine = await list(organiser, pilotId).expect(200);
    expect(mine.body.total).toBe(2);
    expect(mine.body.items.map((a: TActivity) => a.occurredOn)).toEqual(['2026-03-05', '2026-03-01']);
    const staffView = await list(staff, pilotId).expect(200);
    expect(staffView.body.items[1].notes).toBe('Mrs Patel at no. 12 wants a meeting');
    const memberView = await list(member, pilotId).expect(200);
    expect(memberView.body.total).toBe(2);
    for (const item of memberView.body.items) {
      expect(item).not.toHaveProperty('notes');
      expect(item).not.toHaveProperty('recordedBy');
    }
    await list(london, pilotId).expect(403);

    const [created] = await historyOf(made.body.id);
    expect(created).toMatchObject({ action: 'create', actorId: organiser.userId });
    expect(created!.changes).toContainEqual({ field: 'conversations', before: null, after: 41 });
  });

  it('refuses negative, fractional, absurd and non-numeric counts, and dates after tomorrow, naming the field', async () => {
    const pilotId = await newPilot();
    const cases: [object, string][] = [
      [{ participants: -1 }, 'participants'],
      [{ conversations: 2.5 }, 'conversations'],
      [{ newMembers: 5001 }, 'newMembers'],
      [{ petitionSignatures: 1e12 }, 'petitionSignatures'],
      [{ newLeaders: '3' }, 'newLeaders'],
      [{ occurredOn: utcDayFromNow(2) }, 'occurredOn'],
      [{ occurredOn: '2026-02-30' }, 'occurredOn'],
      [{ type: 'knitting' }, 'type'],
      [{ idempotencyKey: 'not-a-uuid' }, 'idempotencyKey'],
    ];
    for (const [change, field] of cases) {
      const res = await post(organiser, pilotId, valid(change)).expect(400);
      expect(
        res.body.error.details.map((d: { field: string }) => d.field),
        JSON.stringify(change),
      ).toEqual([field]);
    }
    expect((await list(organiser, pilotId).expect(200)).body.total).toBe(0);
    // Tomorrow is fine: somewhere it already is.
    await post(organiser, pilotId, valid({ occurredOn: utcDayFromNow(1), participants: 100_000 })).expect(
      201,
    );
  });

  it('lets only the CLP’s organisers and admins log, on a pilot that exists', async () => {
    const pilotId = await newPilot();
    await post(member, pilotId, valid()).expect(403);
    await post(staff, pilotId, valid()).expect(403);
    await post(otherOrganiser, pilotId, valid()).expect(403);
    await t.api.post(`/api/pilots/${pilotId}/activities`).send(valid()).expect(401);
    await post(organiser, 2_000_000_000, valid()).expect(404);
    expect((await list(organiser, pilotId).expect(200)).body.total).toBe(0);
  });
});

describe('the idempotency key', () => {
  it('makes one row however often the same key is sent, one after the other', async () => {
    const pilotId = await newPilot();
    const body = valid();
    const first = await post(organiser, pilotId, body).expect(201);
    const again = await post(organiser, pilotId, body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await list(organiser, pilotId).expect(200)).body.total).toBe(1);
    expect(await historyOf(first.body.id)).toHaveLength(1);
    // The same key on another pilot is someone's mistake, not a retry.
    const res = await post(organiser, await newPilot(), body).expect(409);
    expect(res.body.error.message).toMatch(/another pilot/);
  });

  it('makes one row when two sends of the same key arrive at once, and both answers name it', async () => {
    const pilotId = await newPilot();
    const body = valid();
    const answers = await Promise.all([post(organiser, pilotId, body), post(organiser, pilotId, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    expect(await t.db.prisma.pilotActivity.count({ where: { pilotId } })).toBe(1);
  });

  it('does not bring a deleted activity back', async () => {
    const pilotId = await newPilot();
    const body = valid();
    const made = await post(organiser, pilotId, body).expect(201);
    await t.api
      .delete(`/api/pilots/${pilotId}/activities/${made.body.id}?version=1`)
      .set(organiser.headers)
      .expect(204);
    const res = await post(organiser, pilotId, body).expect(409);
    expect(res.body.error.message).toMatch(/deleted/);
    expect((await list(organiser, pilotId).expect(200)).body.total).toBe(0);
  });
});

describe('editing and deleting an activity', () => {
  it('applies an edit on the version read, refuses a stale one with the current values, and records both', async () => {
    const pilotId = await newPilot();
    const made = (await post(organiser, pilotId, valid()).expect(201)).body as TActivity;
    const url = `/api/pilots/${pilotId}/activities/${made.id}`;
    const edit = {
      occurredOn: made.occurredOn,
      type: 'door_knocking',
      participants: 7,
      conversations: 41,
      version: 1,
    };
    const first = await t.api.put(url).set(organiser.headers).send(edit).expect(200);
    expect(first.body).toMatchObject({ participants: 7, version: 2, notes: made.notes });

    const stale = await t.api
      .put(url)
      .set(organiser.headers)
      .send({ ...edit, participants: 9 })
      .expect(409);
    expect(stale.body.error.details.current).toMatchObject({ participants: 7, version: 2 });
    await t.api
      .put(url)
      .set(member.headers)
      .send({ ...edit, version: 2 })
      .expect(403);
    await t.api
      .put(url)
      .set(organiser.headers)
      .send({ ...edit, participants: -2, version: 2 })
      .expect(400);

    // A save that changes nothing keeps the version and adds no history.
    await t.api
      .put(url)
      .set(organiser.headers)
      .send({ ...edit, version: 2 })
      .expect(200, /"version":2/);
    const history = await historyOf(made.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]!.changes).toEqual([{ field: 'participants', before: 6, after: 7 }]);
  });

  it('deletes on the version read, keeps the values in the history, and leaves it out of lists and CSV', async () => {
    const pilotId = await newPilot();
    const made = (await post(organiser, pilotId, valid({ notes: 'to be deleted' })).expect(201))
      .body as TActivity;
    const url = `/api/pilots/${pilotId}/activities/${made.id}`;
    const stale = await t.api.delete(`${url}?version=7`).set(organiser.headers).expect(409);
    expect(stale.body.error.details.current.version).toBe(1);
    await t.api.delete(`${url}?version=1`).set(staff.headers).expect(403);
    await t.api.delete(url).set(organiser.headers).expect(400);
    await t.api.delete(`${url}?version=1`).set(organiser.headers).expect(204);

    expect((await list(organiser, pilotId).expect(200)).body.total).toBe(0);
    const csv = await t.api.get(`/api/pilot-activities.csv?clp=${clpId}`).set(organiser.headers).expect(200);
    expect(csv.text).not.toContain('to be deleted');
    const history = await historyOf(made.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'delete']);
    expect(history[1]!.changes).toContainEqual({ field: 'notes', before: 'to be deleted', after: null });
    await t.api.delete(`${url}?version=2`).set(organiser.headers).expect(404);
    await t.api
      .put(url)
      .set(organiser.headers)
      .send({ occurredOn: '2026-03-02', type: 'stall', version: 2 })
      .expect(404);
  });
});

describe('the activity CSV', () => {
  it('lists the readable pilots’ activities with the filters, notes only for those who may see them', async () => {
    const pilotId = await newPilot();
    await post(
      organiser,
      pilotId,
      valid({ occurredOn: '2026-04-01', notes: '=SUM(A1) in the notes' }),
    ).expect(201);
    await post(
      organiser,
      pilotId,
      valid({ occurredOn: '2026-04-20', type: 'stall', notes: 'stall at market' }),
    ).expect(201);
    const url = `/api/pilot-activities.csv?clp=${clpId}&from=2026-04-01&to=2026-04-30&kind=community_organising`;

    const rowsOf = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
    const mine = await t.api
      .get(url)
      .set(organiser.headers)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const rows = rowsOf(mine.text).filter((r) => r.pilot_id === String(pilotId));
    expect(rows.map((r) => [r.date, r.type, r.notes, r.recorded_by])).toEqual([
      ['2026-04-20', 'stall', 'stall at market', 'Test organiser'],
      ['2026-04-01', 'door_knocking', "'=SUM(A1) in the notes", 'Test organiser'],
    ]);
    expect(rows[0]).toMatchObject({ seat_code: 'E14001107', region_code: 'E12000001', participants: '6' });

    const members = await t.api.get(url).set(member.headers).expect(200);
    expect(members.text.split('\n')[0]).not.toMatch(/notes|recorded_by/);
    expect(rowsOf(members.text).filter((r) => r.pilot_id === String(pilotId))).toHaveLength(2);
    // Outside their region: a file with the header only.
    const theirs = await t.api.get(url).set(london.headers).expect(200);
    expect(rowsOf(theirs.text)).toEqual([]);
    const march = await t.api
      .get(`${url.replace('2026-04-01', '2026-03-01').replace('2026-04-30', '2026-03-31')}`)
      .set(organiser.headers);
    expect(rowsOf(march.text).filter((r) => r.pilot_id === String(pilotId))).toEqual([]);
    await t.api.get('/api/pilot-activities.csv').expect(401);
    await t.api
      .get('/api/pilot-activities.csv?from=2026-05-01&to=2026-04-01')
      .set(organiser.headers)
      .expect(400);
  });
});
