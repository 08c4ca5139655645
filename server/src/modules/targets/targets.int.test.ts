import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import type { TSeatTarget } from '../../contracts/index.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let northEast: Person;
let northEast2: Person;
let london: Person;
let admin: Person;
let member: Person;

// Seats on the 2024 boundaries: Hartlepool and Blyth and Ashington (North East), Chingford and Woodford
// Green (London).
const HARTLEPOOL = 'E14001272';
const BLYTH = 'E14001107';

beforeAll(async () => {
  northEast = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  northEast2 = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  london = await signedInAs(t, 'regional_staff', { regionCode: 'E12000007' });
  admin = await signedInAs(t, 'admin');
  const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: BLYTH } } });
  member = await signedInAs(t, 'member', { clpId: clp.id });
});

const put = (who: Person, code: string, body: object) =>
  t.api.put(`/api/seats/2024/${code}/target`).set(who.headers).send(body);

describe('seat targets', () => {
  it('lets regional staff set a target in their region, and shows it on the board, the map and its history', async () => {
    const res = await put(northEast, HARTLEPOOL, {
      status: 'DEFEND',
      tier: 1,
      rationale: 'Reform second on 8,716',
      version: 0,
      source: 'https://example.org/regional-plan',
    }).expect(200);
    expect(res.body as TSeatTarget).toMatchObject({
      status: 'DEFEND',
      tier: 1,
      version: 1,
      name: 'Hartlepool',
    });

    const map = await t.api.get('/api/seats?boundarySet=2024&target=DEFEND').set(member.headers).expect(200);
    expect(map.body.items).toContainEqual(
      expect.objectContaining({
        code: HARTLEPOOL,
        target: expect.objectContaining({ status: 'DEFEND', tier: 1 }),
      }),
    );
    const board = await t.api.get('/api/targets/board?region=E12000001').set(member.headers).expect(200);
    expect(board.body.items.map((s: TSeatTarget) => s.code)).toContain(HARTLEPOOL);
    const csv = await t.api.get('/api/targets/board.csv?region=E12000001').set(member.headers).expect(200);
    expect(csv.text).toMatch(/E14001272,Hartlepool,DEFEND,1,/);

    const history = await t.api.get(`/api/history/seat-target/${HARTLEPOOL}`).set(member.headers).expect(200);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({
      action: 'create',
      actor: { id: northEast.userId },
      source: 'https://example.org/regional-plan',
    });
    expect(history.body.items[0].changes).toContainEqual({ field: 'status', before: null, after: 'DEFEND' });
  });

  it('refuses staff of another region, and writes nothing', async () => {
    const res = await put(london, BLYTH, { status: 'WIN', tier: 2, rationale: '', version: 0 }).expect(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await t.db.prisma.seatTarget.count({ where: { constituency: { code: BLYTH } } })).toBe(0);
    expect(await t.db.prisma.auditEntry.count({ where: { entityId: BLYTH } })).toBe(0);
  });

  it('lets exactly one of two editors of the same version win; the other gets 409 with the current values', async () => {
    const first = await put(admin, BLYTH, { status: 'HOLD', tier: 3, rationale: 'start', version: 0 }).expect(
      200,
    );
    const version = first.body.version as number;
    const [a, b] = await Promise.all([
      put(northEast, BLYTH, { status: 'HOLD', tier: 1, rationale: 'from A', version }),
      put(northEast2, BLYTH, { status: 'HOLD', tier: 2, rationale: 'from B', version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error.details.current).toMatchObject({
      version: version + 1,
      rationale: winner.body.rationale,
    });
    const history = await t.api.get(`/api/history/seat-target/${BLYTH}`).set(admin.headers).expect(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });

  it('gives a burst of editors of one version one winner; the rest get 409 (or 503 to retry), never a 500', async () => {
    const SEAT = 'E14001063'; // Aldershot (South East): admins may edit any region
    const first = await put(admin, SEAT, { status: 'WIN', tier: 2, rationale: 'start', version: 0 }).expect(
      200,
    );
    const version = first.body.version as number;
    // Found by a probe: the conflict was read outside the write's transaction, which on PGlite (one
    // connection) waited out the transaction timeout, and the burst then met P2028 as 500s.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        put(admin, SEAT, { status: 'WIN', tier: 2, rationale: `editor ${i}`, version }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 503)).toBe(true);
    for (const r of results.filter((r) => r.status === 503)) {
      expect(r.headers['retry-after']).toBe('1');
      expect(r.body.error.code).toBe('DATABASE_BUSY');
    }
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.body.error.details.current.version).toBe(version + 1);
    }
    // A stale save after the burst is refused with the current values.
    const stale = await put(admin, SEAT, { status: 'WIN', tier: 1, rationale: 'late', version }).expect(409);
    expect(stale.body.error.details.current.version).toBe(version + 1);
    const history = await t.api.get(`/api/history/seat-target/${SEAT}`).set(admin.headers).expect(200);
    expect(history.body.items).toHaveLength(2);
  });

  it('keeps a save that changes nothing as it was: same version, no history, same editor', async () => {
    const SEAT = 'E14001064'; // Aldridge-Brownhills: outside the North East staffer's region
    const body = { status: 'HOLD', tier: 1, rationale: 'Keep it', version: 0 };
    const created = await put(admin, SEAT, body).expect(200);
    const again = await put(northEast, SEAT, { ...body, version: created.body.version }).expect(403);
    expect(again.body.error.code).toBe('FORBIDDEN');
    const same = await put(admin, SEAT, { ...body, version: created.body.version }).expect(200);
    expect(same.body).toEqual(created.body);
    const history = await t.api.get(`/api/history/seat-target/${SEAT}`).set(admin.headers).expect(200);
    expect(history.body.items).toHaveLength(1);
  });

  it('validates the target and names the field', async () => {
    const noTier = await put(admin, HARTLEPOOL, { status: 'WIN', rationale: '', version: 1 }).expect(400);
    expect(noTier.body.error.details[0]).toMatchObject({ field: 'tier' });
    const noReason = await put(admin, HARTLEPOOL, {
      status: 'NONE',
      redWallOverride: true,
      version: 1,
    }).expect(400);
    expect(noReason.body.error.details[0]).toMatchObject({ field: 'redWallReason' });
    await put(admin, 'E14000575', { status: 'NONE', version: 0 }).expect(404); // a 2010-set code
  });

  it('overrides the red-wall flag with a reason, and records it', async () => {
    const before = (await t.api.get(`/api/seats/2024/${HARTLEPOOL}/target`).set(admin.headers).expect(200))
      .body as TSeatTarget;
    const res = await put(admin, HARTLEPOOL, {
      status: before.status,
      tier: before.tier,
      rationale: before.rationale,
      redWallOverride: !before.redWallComputed,
      redWallReason: 'Lost to Reform locally in 2024',
      version: before.version,
    }).expect(200);
    expect(res.body).toMatchObject({
      redWall: !before.redWallComputed,
      redWallComputed: before.redWallComputed,
    });
  });

  it('shows target details to signed-in users only, until an admin publishes them as well', async () => {
    await t.api.get(`/api/seats/2024/${HARTLEPOOL}/target`).expect(401);
    await t.api.put('/api/settings/targets-public').set(northEast.headers).send({ public: true }).expect(403);
    const made = await t.api
      .put('/api/settings/targets-public')
      .set(admin.headers)
      .send({ public: true })
      .expect(200);
    expect(made.body).toEqual({ public: true, detailsPublic: false });
    // Public status and tier (in the seat list) do not open the rationale, the sources or the names.
    await t.api.get(`/api/seats/2024/${HARTLEPOOL}/target`).expect(401);
    await t.api.get(`/api/history/seat-target/${HARTLEPOOL}`).expect(401);
    await t.api.get('/api/targets/board?region=E12000001').expect(401);
    await t.api
      .put('/api/settings/targets-public')
      .set(admin.headers)
      .send({ public: false, detailsPublic: true })
      .expect(400)
      .expect((r) => expect(r.body.error.details[0].field).toBe('detailsPublic'));
    await t.api
      .put('/api/settings/targets-public')
      .set(admin.headers)
      .send({ public: true, detailsPublic: true })
      .expect(200);
    await t.api.get(`/api/seats/2024/${HARTLEPOOL}/target`).expect(200);
    await t.api.get(`/api/history/seat-target/${HARTLEPOOL}`).expect(200);
    await t.api.get('/api/settings/targets-public').expect(200, { public: true, detailsPublic: true });
    // Saying again what is already so changes nothing, and leaves every cached seat list valid.
    const version = async () =>
      (await t.db.prisma.seatDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    const unchanged = await version();
    await t.api
      .put('/api/settings/targets-public')
      .set(admin.headers)
      .send({ public: true, detailsPublic: true })
      .expect(200);
    expect(await version()).toBe(unchanged);
    // Hiding targets hides their details too.
    await t.api.put('/api/settings/targets-public').set(admin.headers).send({ public: false }).expect(200);
    await t.api.get('/api/settings/targets-public').expect(200, { public: false, detailsPublic: false });
    await t.api.get(`/api/seats/2024/${HARTLEPOOL}/target`).expect(401);
    const recorded = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'setting', entityId: 'targetsDetailsPublic' },
      orderBy: { id: 'asc' },
    });
    expect(recorded.map((e) => (e.changes as { after: unknown }[])[0]!.after)).toEqual([true, false]);
  });
});

describe('history of grants', () => {
  it('records every grant change, readable by admins only', async () => {
    const user = await t.api
      .post('/api/admin/users')
      .set(admin.headers)
      .send({ email: `history-${Date.now()}@test.groundwork`, name: 'History Test' })
      .expect(201);
    const grant = await t.api
      .post(`/api/admin/users/${user.body.id}/grants`)
      .set(admin.headers)
      .send({ role: 'regional_staff', regionCode: 'E12000001' })
      .expect(201);
    await t.api.delete(`/api/admin/grants/${grant.body.id}`).set(admin.headers).expect(204);
    const history = await t.api
      .get(`/api/history/role-grant/${grant.body.id}`)
      .set(admin.headers)
      .expect(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history.body.items[0].changes[0]).toMatchObject({ field: 'revokedAt', before: null });
    await t.api.get(`/api/history/role-grant/${grant.body.id}`).set(northEast.headers).expect(403);
    await t.api.get(`/api/history/user/${user.body.id}`).expect(401);
  });
});
