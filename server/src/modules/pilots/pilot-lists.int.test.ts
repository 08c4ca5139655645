import { beforeAll, describe, expect, it } from 'vitest';
import type { TPilot, TPilotSummary } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let blythId: number;
let hartlepoolId: number;
let londonClpId: number;
let blythOrganiser: Person;
let hartlepoolOrganiser: Person;
let londonOrganiser: Person;
let member: Person;
let staff: Person;
let londonStaff: Person;
let admin: Person;

const clpOf = async (code: string) =>
  (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code, boundarySetCode: '2024' } } })).id;

const create = async (who: Person, clpId: number, body: object = {}) =>
  (
    await t.api
      .post('/api/pilots')
      .set(who.headers)
      .send({
        title: 'Fix the damp flats',
        issue: 'Housing association ignores mould reports',
        category: 'housing',
        kind: 'community_organising',
        startsOn: '2026-06-01',
        clpId,
        ...body,
      })
      .expect(201)
  ).body as TPilot;

beforeAll(async () => {
  blythId = await clpOf('E14001107');
  hartlepoolId = await clpOf('E14001272');
  londonClpId = (
    await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { regionCode: 'E12000007' } } })
  ).id;
  blythOrganiser = await signedInAs(t, 'organiser', { clpId: blythId });
  hartlepoolOrganiser = await signedInAs(t, 'organiser', { clpId: hartlepoolId });
  londonOrganiser = await signedInAs(t, 'organiser', { clpId: londonClpId });
  member = await signedInAs(t, 'member', { clpId: blythId });
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  londonStaff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000007' });
  admin = await signedInAs(t, 'admin');
});

const list = async (who: Person, query: string) =>
  (await t.api.get(`/api/pilots?${query}`).set(who.headers).expect(200)).body as {
    total: number;
    items: TPilotSummary[];
  };

describe('pilot lists', () => {
  it('shows each caller only the pilots they may read, running first then newest start, paged', async () => {
    const old = await create(blythOrganiser, blythId, { title: 'Old planned', startsOn: '2026-01-01' });
    const recent = await create(blythOrganiser, blythId, { title: 'Recent planned', startsOn: '2026-10-01' });
    const running = await create(blythOrganiser, blythId, {
      title: 'Running one',
      status: 'active',
      startsOn: '2025-01-01',
    });
    const hartlepool = await create(hartlepoolOrganiser, hartlepoolId, { title: 'Hartlepool pilot' });
    const london = await create(londonOrganiser, londonClpId, { title: 'London pilot' });

    const mine = await list(member, 'limit=200');
    const ids = mine.items.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([old.id, recent.id, running.id]));
    expect(ids).not.toContain(hartlepool.id);
    expect(ids).not.toContain(london.id);
    expect(ids.indexOf(running.id)).toBeLessThan(ids.indexOf(recent.id));
    expect(ids.indexOf(recent.id)).toBeLessThan(ids.indexOf(old.id));

    const region = await list(staff, 'limit=200');
    expect(region.items.map((p) => p.id)).toEqual(expect.arrayContaining([hartlepool.id, running.id]));
    expect(region.items.map((p) => p.id)).not.toContain(london.id);
    expect((await list(londonStaff, 'limit=200')).items.map((p) => p.id)).toEqual([london.id]);
    expect((await list(admin, 'limit=200')).total).toBeGreaterThanOrEqual(5);

    // Pages join up across the running and the other pilots.
    const all = await list(member, 'limit=200');
    const pages = [
      ...(await list(member, 'limit=2')).items,
      ...(await list(member, 'limit=2&offset=2')).items,
    ];
    expect(pages.map((p) => p.id)).toEqual(all.items.slice(0, 4).map((p) => p.id));
    expect((await list(member, 'limit=2')).total).toBe(all.total);
    await t.api.get('/api/pilots?limit=201').set(member.headers).expect(400);
    await t.api.get('/api/pilots').expect(401);
  });

  it('filters by CLP, seat, region, status, kind, category, text and mine', async () => {
    const p = await create(hartlepoolOrganiser, hartlepoolId, {
      title: 'Keep the baths open',
      issue: 'The Mill House LEISURE centre is to close',
      category: 'local_services',
      kind: 'political_education',
      status: 'paused',
    });
    const only = async (query: string) => (await list(admin, `${query}&limit=200`)).items.map((x) => x.id);
    expect(await only(`clp=${hartlepoolId}`)).toContain(p.id);
    expect(await only(`clp=${blythId}`)).not.toContain(p.id);
    expect(await only('seat=E14001272')).toContain(p.id);
    expect(await only('region=E12000001&status=paused')).toContain(p.id);
    expect(await only('region=E12000007')).not.toContain(p.id);
    expect(await only('kind=political_education&category=local_services')).toEqual([p.id]);
    expect(await only('q=mill%20house%20leisure')).toEqual([p.id]);
    expect(await only('q=baths')).toEqual([p.id]);
    // % and _ are themselves, not wildcards: no title or issue holds them.
    expect(await only('q=%25')).toEqual([]);
    expect(await only('q=_')).toEqual([]);
    const pay = await create(hartlepoolOrganiser, hartlepoolId, {
      title: 'A 100% pay rise',
      kind: 'union_recruitment',
    });
    expect(await only('q=100%25%20pay')).toEqual([pay.id]);
    const organisers = (await list(hartlepoolOrganiser, 'mine=true&limit=200')).items;
    expect(organisers.map((x) => x.id)).toContain(p.id);
    expect((await list(blythOrganiser, 'mine=true&limit=200')).items.map((x) => x.id)).not.toContain(p.id);
  });

  it('lists readable pilots with a location for the map', async () => {
    const placed = await create(blythOrganiser, blythId, { location: { lat: 55.1818, lng: -1.5684 } });
    const unplaced = await create(blythOrganiser, blythId);
    const res = await t.api.get('/api/pilot-locations').set(member.headers).expect(200);
    const ids = res.body.items.map((i: { id: number }) => i.id);
    expect(ids).toContain(placed.id);
    expect(ids).not.toContain(unplaced.id);
    expect(res.body.items.find((i: { id: number }) => i.id === placed.id)).toEqual({
      id: placed.id,
      title: placed.title,
      status: 'planned',
      kind: 'community_organising',
      location: { lat: 55.1818, lng: -1.5684 },
      clp: { id: blythId, name: expect.any(String) },
      seat: { code: 'E14001107', name: 'Blyth and Ashington' },
    });
    const london = await t.api.get('/api/pilot-locations').set(londonStaff.headers).expect(200);
    expect(london.body.items.map((i: { id: number }) => i.id)).not.toContain(placed.id);
  });
});

describe('running a pilot elsewhere', () => {
  it('makes a planned pilot in the target CLP linked to the original, for someone who may read it', async () => {
    const both = await signedInAs(t, 'organiser', { clpId: blythId });
    await t.db.prisma.roleGrant.create({
      data: { userId: both.userId, role: 'organiser', clpId: hartlepoolId },
    });
    const origin = await create(blythOrganiser, blythId, { status: 'won', goals: 'A bus every hour' });
    const res = await t.api
      .post(`/api/pilots/${origin.id}/replicate`)
      .set(both.headers)
      .send({ clpId: hartlepoolId, startsOn: '2027-01-04' })
      .expect(201);
    expect(res.body).toMatchObject({
      title: origin.title,
      goals: 'A bus every hour',
      status: 'planned',
      startsOn: '2027-01-04',
      clp: { id: hartlepoolId },
      origin: { id: origin.id, title: origin.title },
      organiser: { id: both.userId },
    });
    const original = await t.api.get(`/api/pilots/${origin.id}`).set(both.headers).expect(200);
    expect(original.body.copies).toEqual([{ id: res.body.id, title: origin.title, clp: expect.any(String) }]);
    // A member of the original's CLP cannot read Hartlepool's pilots, so is not told of the copy there;
    // nor is Hartlepool's organiser told of the original in Blyth.
    const asMember = await t.api.get(`/api/pilots/${origin.id}`).set(member.headers).expect(200);
    expect(asMember.body.copies).toEqual([]);
    expect(asMember.text).not.toContain(`"id":${res.body.id},`);
    const copy = await t.api.get(`/api/pilots/${res.body.id}`).set(hartlepoolOrganiser.headers).expect(200);
    expect(copy.body.origin).toBeNull();
    const staffCopy = await t.api.get(`/api/pilots/${res.body.id}`).set(staff.headers).expect(200);
    expect(staffCopy.body.origin).toEqual({ id: origin.id, title: origin.title, clp: expect.any(String) });
    // Someone who cannot read the original (another CLP's organiser) may not copy it.
    await t.api
      .post(`/api/pilots/${origin.id}/replicate`)
      .set(hartlepoolOrganiser.headers)
      .send({ clpId: hartlepoolId, startsOn: '2027-01-04' })
      .expect(403);
  });
});

describe('comments, history and organisers', () => {
  it('lets regional staff comment, shows comments and activity entries in the pilot history', async () => {
    const pilot = await create(blythOrganiser, blythId);
    const comment = await t.api
      .post(`/api/pilots/${pilot.id}/comments`)
      .set(staff.headers)
      .send({ body: 'Great turnout at the stall' })
      .expect(201);
    expect(comment.body).toMatchObject({ body: 'Great turnout at the stall', author: { id: staff.userId } });
    await t.api
      .post(`/api/pilots/${pilot.id}/comments`)
      .set(member.headers)
      .send({ body: 'Me too' })
      .expect(403);
    await t.api
      .post(`/api/pilots/${pilot.id}/comments`)
      .set(londonStaff.headers)
      .send({ body: 'x' })
      .expect(403);
    const comments = await t.api
      .get(`/api/pilots/${pilot.id}/comments`)
      .set(blythOrganiser.headers)
      .expect(200);
    expect(comments.body.items).toEqual([comment.body]);

    // An activity's entry, as the activities module writes it.
    const activity = await t.db.prisma.pilotActivity.create({
      data: {
        pilotId: pilot.id,
        idempotencyKey: crypto.randomUUID(),
        occurredOn: new Date('2026-11-30T00:00:00Z'),
        type: 'stall',
      },
    });
    await t.db.prisma.auditEntry.create({
      data: {
        actorId: blythOrganiser.userId,
        entityType: 'pilot-activity',
        entityId: String(activity.id),
        action: 'create',
        changes: [{ field: 'type', before: null, after: 'stall' }],
      },
    });
    const history = await t.api.get(`/api/pilots/${pilot.id}/history`).set(staff.headers).expect(200);
    expect(history.body.items.map((e: { entityType: string }) => e.entityType).sort()).toEqual([
      'pilot',
      'pilot-activity',
      'pilot-comment',
    ]);
    expect(history.body.total).toBe(3);
  });

  it('pages a long history and finds the pilot’s own edits behind 40,000 activity entries', async () => {
    const pilot = await create(blythOrganiser, blythId);
    const other = await create(blythOrganiser, blythId);
    // 40,000 activities, each with its entry: more ids than one query may bind (32,767).
    await t.db.prisma.$executeRaw`
      INSERT INTO pilot_activity (pilot_id, idempotency_key, occurred_on, type)
      SELECT ${pilot.id}, gen_random_uuid(), DATE '2026-11-01', 'stall' FROM generate_series(1, 40000)`;
    await t.db.prisma.$executeRaw`
      INSERT INTO audit_entry (entity_type, entity_id, action, changes)
      SELECT 'pilot-activity', id::text, 'create', '[]'::jsonb FROM pilot_activity WHERE pilot_id = ${pilot.id}`;
    // Another pilot's entries stay out.
    await t.api
      .post(`/api/pilots/${other.id}/comments`)
      .set(staff.headers)
      .send({ body: 'Elsewhere' })
      .expect(201);
    const url = `/api/pilots/${pilot.id}/history`;
    const first = await t.api.get(url).set(staff.headers).expect(200);
    expect(first.body.total).toBe(40_001);
    expect(first.body.items).toHaveLength(100);
    expect(first.body.items[0].entityType).toBe('pilot-activity');
    const page = await t.api.get(`${url}?offset=100&limit=200`).set(staff.headers).expect(200);
    expect(page.body.items).toHaveLength(200);
    const seen = new Set([...first.body.items, ...page.body.items].map((e: { id: number }) => e.id));
    expect(seen.size).toBe(300);
    const last = await t.api.get(`${url}?offset=40000&limit=200`).set(staff.headers).expect(200);
    expect(last.body).toMatchObject({ total: 40_001, items: [{ entityType: 'pilot', action: 'create' }] });
    // The pilot's own entries on their own.
    const own = await t.api.get(`${url}?type=pilot`).set(staff.headers).expect(200);
    expect(own.body).toMatchObject({
      total: 1,
      items: [{ entityType: 'pilot', entityId: String(pilot.id) }],
    });
    const comments = await t.api.get(`${url}?type=comment`).set(staff.headers).expect(200);
    expect(comments.body).toEqual({ total: 0, items: [] });
    await t.api.get(`${url}?limit=201`).set(staff.headers).expect(400);
    await t.api.get(`${url}?type=partner`).set(staff.headers).expect(400);
  });

  it('offers as organisers the people with a current role in the CLP', async () => {
    const ended = await signedInAs(t, 'member', { clpId: blythId, endsAt: new Date(Date.now() - 60_000) });
    const res = await t.api.get(`/api/clps/${blythId}/organisers`).set(blythOrganiser.headers).expect(200);
    const ids = res.body.items.map((p: { id: number }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([blythOrganiser.userId, member.userId]));
    expect(ids).not.toContain(ended.userId);
    expect(ids).not.toContain(hartlepoolOrganiser.userId);
    const pilot = await create(blythOrganiser, blythId);
    const same = await t.api.get(`/api/pilots/${pilot.id}/organisers`).set(admin.headers).expect(200);
    expect(same.body).toEqual(res.body);
    await t.api.get(`/api/clps/${blythId}/organisers`).set(staff.headers).expect(403);
    // Someone with a role in the CLP can be made responsible.
    const moved = await t.api
      .put(`/api/pilots/${pilot.id}`)
      .set(blythOrganiser.headers)
      .send({
        title: pilot.title,
        issue: pilot.issue,
        category: pilot.category,
        kind: pilot.kind,
        startsOn: pilot.startsOn,
        status: pilot.status,
        organiserId: member.userId,
        version: pilot.version,
      })
      .expect(200);
    expect(moved.body.organiser.id).toBe(member.userId);
  });
});
