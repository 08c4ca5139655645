// Every API route × every kind of caller. The routes come from /api/openapi.json, which is generated from
// the same table that registers them, so a new route without an expectation here fails this test.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/test-app.ts';
import { CSRF_HEADER } from '../auth/auth.middleware.ts';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSession } from '../auth/sessions.ts';
import { activityCases } from '../pilots/activities.matrix.ts';
import { boardCases } from '../pilots/boards.matrix.ts';
import { pilotCases } from '../pilots/pilots.matrix.ts';
import { selectionBoardCases } from '../selections/board.matrix.ts';
import { selectionCases } from '../selections/selections.matrix.ts';
import { adminOnly, CALLERS, everyone, signedIn, type Caller, type Case, type MatrixCtx } from './matrix.ts';
import type { GrantLike, RoleName } from './policy.ts';

const t = useTestApp();
const PASSWORD = 'correct horse battery staple';

const ctx = {} as MatrixCtx;

beforeAll(async () => {
  const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
  ctx.clpId = clp.id;
  const passwordHash = await hashPassword(PASSWORD);
  const grant = (role: RoleName, extra: Partial<GrantLike> = {}) => ({
    role,
    clpId: ['member', 'organiser', 'selection_officer'].includes(role) ? clp.id : null,
    regionCode: role === 'regional_staff' ? 'E12000001' : null,
    ...extra,
  });
  const people: [Exclude<Caller, 'signed out'>, ReturnType<typeof grant>][] = [
    ['member', grant('member')],
    ['organiser', grant('organiser')],
    ['selection officer', grant('selection_officer')],
    ['regional staff', grant('regional_staff')],
    ['regional staff, other region', grant('regional_staff', { regionCode: 'E12000007' })],
    ['admin', grant('admin')],
    ['admin, grant ended', grant('admin', { endsAt: new Date(Date.now() - 60_000) })],
  ];
  ctx.userIds = {} as MatrixCtx['userIds'];
  for (const [who, g] of people) {
    const user = await t.db.prisma.user.create({
      data: {
        email: `${who.replace(/\W+/g, '-')}-${randomUUID().slice(0, 8)}@matrix.test`,
        name: who,
        passwordHash,
        grants: {
          create: {
            role: g.role,
            clpId: g.clpId,
            regionCode: g.regionCode,
            endsAt: (g as { endsAt?: Date }).endsAt ?? null,
          },
        },
      },
    });
    ctx.userIds[who] = user.id;
  }
});

/** A fresh session per request, so sign-out or a password change cannot disturb the next row. */
async function call(caller: Caller, method: string, url: string, body?: unknown) {
  let req = t.api[method as 'get'](url);
  if (caller !== 'signed out') {
    const session = await createSession(t.db.prisma, ctx.userIds[caller], {
      ip: undefined,
      userAgent: 'matrix',
    });
    req = req.set('Cookie', `${SESSION_COOKIE}=${session.token}`).set(CSRF_HEADER, session.csrfToken);
  }
  if (body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  return req;
}

const newUserId = async () =>
  (await t.db.prisma.user.create({ data: { email: `u-${randomUUID()}@matrix.test`, name: 'Someone' } })).id;

const currentVersion = async (code: string) =>
  (await t.db.prisma.seatTarget.findFirst({ where: { constituency: { code, boundarySetCode: '2024' } } }))
    ?.version ?? 0;

const CORE_CASES: Record<string, Case> = {
  'GET /api/seats': {
    expect: everyone(200),
    request: () => ({ url: '/api/seats?boundarySet=2024&limit=5' }),
  },
  'GET /api/seats.csv': {
    expect: everyone(200),
    request: () => ({ url: '/api/seats.csv?boundarySet=2010&region=E12000001' }),
  },
  'GET /api/seats/{boundarySet}/{code}': {
    expect: everyone(200),
    request: () => ({ url: '/api/seats/2024/E14001107' }),
  },
  'GET /api/targets': {
    expect: everyone(200),
    request: () => ({ url: '/api/targets?boundarySet=2024&limit=5' }),
  },
  'GET /api/geo/{boundarySet}': { expect: everyone(200), request: () => ({ url: '/api/geo/2024' }) },
  'GET /api/hex/{boundarySet}': { expect: everyone(200), request: () => ({ url: '/api/hex/2010' }) },
  'GET /api/regions': { expect: everyone(200), request: () => ({ url: '/api/regions' }) },
  'GET /api/parties': { expect: everyone(200), request: () => ({ url: '/api/parties' }) },
  'GET /api/elections': { expect: everyone(200), request: () => ({ url: '/api/elections' }) },
  'GET /api/config': { expect: everyone(200), request: () => ({ url: '/api/config' }) },
  'GET /api/health': { expect: everyone(200), request: () => ({ url: '/api/health' }) },
  'GET /api/clps': { expect: everyone(200), request: () => ({ url: '/api/clps?q=blyth' }) },
  'GET /api/openapi.json': { expect: everyone(200), request: () => ({ url: '/api/openapi.json' }) },
  // Public, but a wrong password is refused whoever asks.
  'POST /api/auth/sign-in': {
    expect: everyone(401),
    request: () => ({
      url: '/api/auth/sign-in',
      body: { email: `nobody-${randomUUID()}@matrix.test`, password: 'wrong password here' },
    }),
  },
  'POST /api/auth/set-password': {
    expect: everyone(400),
    request: () => ({
      url: '/api/auth/set-password',
      body: { token: 'not-a-real-token', newPassword: 'a brand new password' },
    }),
  },
  'GET /api/auth/me': { expect: signedIn(200), request: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/sign-out': { expect: signedIn(204), request: () => ({ url: '/api/auth/sign-out' }) },
  'POST /api/auth/password': {
    expect: signedIn(204),
    request: () => ({
      url: '/api/auth/password',
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
  },
  // Targets are for signed-in users unless an admin makes them public (not here: the default holds).
  // What each caller sees of them inside the seat list is checked field by field in seat-layers.int.test.ts.
  'GET /api/seats/2024/{code}/target': {
    expect: signedIn(200),
    request: () => ({ url: '/api/seats/2024/E14001107/target' }),
  },
  // A North East seat: its regional staff and admins may set it; staff of another region may not.
  'PUT /api/seats/2024/{code}/target': {
    expect: (c) => (c === 'signed out' ? 401 : c === 'admin' || c === 'regional staff' ? 200 : 403),
    request: async () => ({
      url: '/api/seats/2024/E14001107/target',
      body: { status: 'WIN', tier: 1, rationale: 'Matrix', version: await currentVersion('E14001107') },
    }),
  },
  'GET /api/targets/board': {
    expect: signedIn(200),
    request: () => ({ url: '/api/targets/board?region=E12000001' }),
  },
  'GET /api/targets/board.csv': {
    expect: signedIn(200),
    request: () => ({ url: '/api/targets/board.csv?region=E12000001' }),
  },
  'GET /api/settings/targets-public': {
    expect: everyone(200),
    request: () => ({ url: '/api/settings/targets-public' }),
  },
  'PUT /api/settings/targets-public': {
    expect: adminOnly(200),
    request: () => ({ url: '/api/settings/targets-public', body: { public: false } }),
  },
  'GET /api/history/{type}/{id}': {
    expect: signedIn(200),
    request: () => ({ url: '/api/history/seat-target/E14001107' }),
  },
  'POST /api/exports/users.csv': {
    expect: adminOnly(200),
    request: () => ({ url: '/api/exports/users.csv', body: { purpose: 'authorization matrix test' } }),
  },
  'GET /api/exports': { expect: adminOnly(200), request: () => ({ url: '/api/exports' }) },
  'GET /api/admin/users': { expect: adminOnly(200), request: () => ({ url: '/api/admin/users?limit=5' }) },
  'POST /api/admin/users': {
    expect: adminOnly(201),
    request: () => ({
      url: '/api/admin/users',
      body: { email: `new-${randomUUID()}@matrix.test`, name: 'New Person' },
    }),
  },
  'POST /api/admin/users/{id}/password-link': {
    expect: adminOnly(201),
    request: async () => ({ url: `/api/admin/users/${await newUserId()}/password-link` }),
  },
  'POST /api/admin/users/{id}/disable': {
    expect: adminOnly(200),
    request: async () => ({
      url: `/api/admin/users/${await newUserId()}/disable`,
      body: { reason: 'authorization matrix test', version: 1 },
    }),
  },
  'POST /api/admin/users/{id}/enable': {
    expect: adminOnly(200),
    request: async () => {
      const { id } = await t.db.prisma.user.create({
        data: { email: `off-${randomUUID()}@matrix.test`, name: 'Disabled', disabledAt: new Date() },
      });
      return { url: `/api/admin/users/${id}/enable`, body: { version: 1 } };
    },
  },
  'POST /api/admin/users/{id}/grants': {
    expect: adminOnly(201),
    request: async () => ({
      url: `/api/admin/users/${await newUserId()}/grants`,
      body: { role: 'organiser', clpId: ctx.clpId },
    }),
  },
  'DELETE /api/admin/grants/{id}': {
    expect: adminOnly(204),
    request: async () => {
      const grant = await t.db.prisma.roleGrant.create({
        data: { userId: await newUserId(), role: 'member', clpId: ctx.clpId },
      });
      return { url: `/api/admin/grants/${grant.id}` };
    },
  },
};

// The pilots module keeps its rows beside its routes, one file per part.
const env = { t, ctx };
const CASES: Record<string, Case> = {
  ...CORE_CASES,
  ...pilotCases(env),
  ...activityCases(env),
  ...boardCases(env),
  ...selectionCases(env),
  ...selectionBoardCases(env),
};

describe('authorization matrix', () => {
  it('has an expectation for every route the API serves, and none for routes it does not', async () => {
    const doc = (await t.api.get('/api/openapi.json').expect(200)).body as { paths: Record<string, object> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, c] of Object.entries(CASES)) {
    const method = route.split(' ')[0]!.toLowerCase();
    it.each(CALLERS)(`${route} as %s`, async (caller) => {
      const { url, body } = await c.request();
      const res = await call(caller, method, url, body);
      expect(res.status, JSON.stringify(res.body)).toBe(c.expect(caller));
    });
  }
});
