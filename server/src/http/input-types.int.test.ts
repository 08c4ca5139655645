// Every text, id and query number a request carries goes through the input types of contracts/common.ts.
// These are the requests that reached PostgreSQL and failed there (a 500) before those types existed, and
// the other spellings of numbers that z.coerce.number() used to read.
import { beforeAll, describe, expect, it } from 'vitest';
import { signedInAs } from '../test/people.ts';
import { useTestApp } from '../test/test-app.ts';
import { TEXT_MESSAGES } from '../contracts/index.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let admin: Person;
let blythClpId: number;

const HARTLEPOOL = 'E14001272';
const BLYTH = 'E14001107';

beforeAll(async () => {
  admin = await signedInAs(t, 'admin');
  blythClpId = (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: BLYTH } } })).id;
});

type Reply = {
  status: number;
  body: { error?: { code: string; details?: { field: string; message: string }[] } };
};

/** A 400 in the error shape whose details name `field` (with `message` when given). */
function expectRefused(res: Reply, field: string, message?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error?.code).toBe('BAD_REQUEST');
  const details = res.body.error?.details ?? [];
  expect(details.map((d) => d.field)).toContain(field);
  if (message) expect(details.filter((d) => d.field === field).map((d) => d.message)).toContain(message);
}

const get = (url: string) => t.api.get(url).set(admin.headers);
const exportUsers = (purpose: string) =>
  t.api.post('/api/exports/users.csv').set(admin.headers).send({ purpose });
const putTarget = (body: object) =>
  t.api.put(`/api/seats/2024/${HARTLEPOOL}/target`).set(admin.headers).send(body);

describe('text reaching PostgreSQL is well-formed and free of control characters', () => {
  it('refuses a NUL in a search, signed out and as an admin', async () => {
    expectRefused(await t.api.get('/api/clps?q=%00'), 'q', TEXT_MESSAGES.control);
    expectRefused(await get('/api/admin/users?q=a%00b'), 'q', TEXT_MESSAGES.control);
    expectRefused(await t.api.get('/api/seats?q=a%01b'), 'q', TEXT_MESSAGES.control);
  });

  it('refuses a NUL in an export’s purpose (even when it is long enough)', async () => {
    expectRefused(await exportUsers('a\u0000b'), 'purpose');
    expectRefused(await exportUsers('checking roles\u0000before the AGM'), 'purpose', TEXT_MESSAGES.control);
  });

  it.each([
    ['rationale', { rationale: 'a\u0000b' }],
    ['source', { source: 'a\u0000b' }],
    ['redWallReason', { redWallOverride: true, redWallReason: 'a\u0000b' }],
  ])('refuses a NUL in a target’s %s', async (field, extra) => {
    expectRefused(
      await putTarget({ status: 'WIN', tier: 1, version: 0, ...extra }),
      field,
      TEXT_MESSAGES.control,
    );
  });

  it('refuses a lone surrogate in a target’s rationale', async () => {
    expectRefused(
      await putTarget({ status: 'WIN', tier: 1, version: 0, rationale: 'before \ud800 after' }),
      'rationale',
      TEXT_MESSAGES.unicode,
    );
  });

  it('refuses a NUL or a lone surrogate in a new user’s name', async () => {
    const post = (name: string) =>
      t.api.post('/api/admin/users').set(admin.headers).send({ email: 'nul@test.groundwork', name });
    expectRefused(await post('a\u0000b'), 'name', TEXT_MESSAGES.control);
    expectRefused(await post('a\tb'), 'name', TEXT_MESSAGES.control);
    expectRefused(await post('a\udc00b'), 'name', TEXT_MESSAGES.unicode);
    expect(await t.db.prisma.user.count({ where: { email: 'nul@test.groundwork' } })).toBe(0);
  });

  it('refuses a NUL or a lone surrogate in a password', async () => {
    const signIn = await t.api
      .post('/api/auth/sign-in')
      .send({ email: 'someone@test.groundwork', password: 'a\u0000b' });
    expectRefused(signIn, 'password', TEXT_MESSAGES.nul);
    const change = await t.api
      .post('/api/auth/password')
      .set(admin.headers)
      .send({ currentPassword: 'whatever it was', newPassword: 'a long new password \ud800' });
    expectRefused(change, 'newPassword', TEXT_MESSAGES.unicode);
  });

  it('still takes ordinary text: trimmed, multi-line where it is meant to be', async () => {
    const clps = await t.api.get('/api/clps?q=Blyth%0A').expect(200);
    expect(clps.body.items.map((c: { name: string }) => c.name)).toEqual([expect.stringMatching(/Blyth/)]);

    const user = await t.api
      .post('/api/admin/users')
      .set(admin.headers)
      .send({ email: ' Ynys.Mon@Test.Groundwork ', name: ' Siân Ynys Môn 🏴\n' })
      .expect(201);
    expect(user.body).toMatchObject({ email: 'ynys.mon@test.groundwork', name: 'Siân Ynys Môn 🏴' });

    const target = await putTarget({
      status: 'WIN',
      tier: 2,
      version: 0,
      rationale: 'Reform second.\n\tTwo wards to work:\r\n– Rift House',
      source: 'https://example.org/plan',
    }).expect(200);
    expect(target.body.rationale).toBe('Reform second.\n\tTwo wards to work:\r\n– Rift House');

    const purpose = 'AGM:\ncheck officer roles';
    await exportUsers(purpose).expect(200);
  });
});

describe('ids are whole numbers PostgreSQL can hold, written one way', () => {
  it.each(['2147483648', '99999999999', '0', '01', '-1', '1.5', '5.0', '0x1', '1e3', '%205', '+5', 'abc'])(
    'refuses %s as a user or grant id',
    async (id) => {
      const message = 'must be a user id (a whole number from 1 to 2147483647)';
      expectRefused(
        await t.api.post(`/api/admin/users/${id}/password-link`).set(admin.headers),
        'id',
        message,
      );
      expectRefused(
        await t.api.post(`/api/admin/users/${id}/grants`).set(admin.headers).send({ role: 'admin' }),
        'id',
        message,
      );
      expectRefused(
        await t.api.delete(`/api/admin/grants/${id}`).set(admin.headers),
        'id',
        'must be a grant id (a whole number from 1 to 2147483647)',
      );
    },
  );

  it.each([2147483648, 0, -1, 1.5, '5'])('refuses clpId %s in a grant', async (clpId) => {
    expectRefused(
      await t.api
        .post(`/api/admin/users/${admin.userId}/grants`)
        .set(admin.headers)
        .send({ role: 'member', clpId }),
      'clpId',
      'must be a CLP id (a whole number from 1 to 2147483647)',
    );
  });

  it('still takes the largest id (not found), and real ones', async () => {
    await t.api.post('/api/admin/users/2147483647/password-link').set(admin.headers).expect(404);
    await t.api.delete('/api/admin/grants/2147483647').set(admin.headers).expect(404);
    const user = await t.api
      .post('/api/admin/users')
      .set(admin.headers)
      .send({ email: 'ids@test.groundwork', name: 'Ids' })
      .expect(201);
    await t.api.post(`/api/admin/users/${user.body.id}/password-link`).set(admin.headers).expect(201);
    const grant = await t.api
      .post(`/api/admin/users/${user.body.id}/grants`)
      .set(admin.headers)
      .send({ role: 'member', clpId: blythClpId })
      .expect(201);
    await t.api.delete(`/api/admin/grants/${grant.body.id}`).set(admin.headers).expect(204);
  });

  it('refuses a target version PostgreSQL cannot hold', async () => {
    expectRefused(await putTarget({ status: 'NONE', version: 2147483648 }), 'version');
  });
});

describe('numbers in query strings are plain decimals', () => {
  const lists = ['/api/clps', '/api/admin/users', '/api/exports', '/api/seats', '/api/targets'];
  const cases = ['0x1', '1e3', '2147483648', '-1', '1.5', '%205', '5.0', ''].flatMap((v) =>
    ['limit', 'offset'].map((p) => [p, v] as const),
  );

  it.each(lists)('%s refuses other spellings of limit and offset', async (path) => {
    for (const [param, value] of cases) {
      // 5.0 and an empty value are refused as offsets too; 1e3 is refused even where 1000 is allowed.
      expectRefused(await get(`${path}?${param}=${value}`), param);
    }
  });

  it.each(lists)('%s still takes plain ones', async (path) => {
    const res = await get(`${path}?limit=2&offset=1`).expect(200);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
  });

  it.each([
    ['/api/seats', 'minSwing'],
    ['/api/seats', 'maxSwing'],
    ['/api/targets', 'maxSwing'],
  ])('%s refuses other spellings of %s, and takes plain decimals', async (path, param) => {
    for (const value of ['1e1', '0x1', '%205', '5.', '.5', '', 'Infinity', '-1', '101']) {
      expectRefused(await t.api.get(`${path}?${param}=${value}`), param, 'must be a number from 0 to 100');
    }
    await t.api.get(`${path}?${param}=2.5`).expect(200);
    await t.api.get(`${path}?${param}=10`).expect(200);
  });
});
