import express, { Router } from 'express';
import { pino } from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { errorMiddleware } from '../../http/error-middleware.ts';
import { mountRoutes } from '../../http/route.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { authenticate, requireCsrf } from './auth.middleware.ts';
import { authRoutes, issuePasswordToken, type AuthLimits } from './auth.routes.ts';
import { hashPassword } from './passwords.ts';
import { checkSignInRateLimit } from './rate-limit.ts';
import { sha256Hex } from './tokens.ts';

let db: TestDatabase;
let api: ReturnType<typeof supertest>;

/** The auth routes on a small app of their own, wired the way app.ts is meant to wire them. */
function authApp(limits: AuthLimits = {}) {
  const app = express();
  // Tests pick their client address with X-Forwarded-For, so per-address limits do not interfere: the test
  // client is on this machine, and TRUST_PROXY=loopback believes what it forwards.
  app.set('trust proxy', loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy);
  app.use(express.json({ limit: '100kb' }));
  const router = Router();
  router.use(authenticate({ prisma: db.prisma, sessionLimits: limits.session }));
  router.use(requireCsrf);
  mountRoutes(
    router,
    authRoutes({ prisma: db.prisma, config: { env: 'test', appUrl: 'http://localhost:3000' }, limits }),
  );
  app.use('/api', router);
  app.use(errorMiddleware(pino({ level: 'silent' })));
  return supertest(app);
}

beforeAll(async () => {
  db = await openTestDatabase();
  api = authApp();
});
afterAll(async () => {
  await db?.close();
});

let seq = 0;
const PASSWORD = 'a long enough password';

async function makeUser(password: string | null = PASSWORD) {
  const email = `user${++seq}.${Date.now()}@example.org`;
  const user = await db.prisma.user.create({
    data: { email, name: `User ${seq}`, passwordHash: password ? await hashPassword(password) : null },
  });
  return { id: user.id, email };
}

function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith('gw_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return cookie;
}

function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!;
}

async function signIn(
  email: string,
  password = PASSWORD,
  client = api,
): Promise<{ cookie: string; csrf: string; body: Record<string, unknown> }> {
  const res = await client
    .post('/api/auth/sign-in')
    .set('X-Forwarded-For', '10.0.0.1')
    .send({ email, password })
    .expect(200);
  return { cookie: cookiePair(sessionCookie(res)), csrf: res.body.csrfToken as string, body: res.body };
}

describe('POST /api/auth/sign-in', () => {
  it('starts a session with an HttpOnly, SameSite=Lax cookie and returns the user and a CSRF token', async () => {
    const u = await makeUser();
    const res = await api
      .post('/api/auth/sign-in')
      .send({ email: `  ${u.email.toUpperCase()} `, password: PASSWORD })
      .expect(200);
    const setCookie = sessionCookie(res);
    expect(setCookie).toMatch(/^gw_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Expires=/);
    expect(setCookie).not.toMatch(/; Secure/i);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      user: { id: u.id, email: u.email, name: expect.any(String) },
      grants: [],
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    // Only the token's SHA-256 is stored.
    const token = cookiePair(setCookie).slice('gw_session='.length);
    const row = await db.prisma.session.findUnique({ where: { tokenHash: sha256Hex(token) } });
    expect(row?.userId).toBe(u.id);
    expect(row?.csrfToken).toBe(res.body.csrfToken);
    const me = await api.get('/api/auth/me').set('Cookie', cookiePair(setCookie)).expect(200);
    expect(me.body).toEqual(res.body);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const u = await makeUser();
    const noPassword = await makeUser(null);
    const wrong = await api
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', '10.0.1.1')
      .send({ email: u.email, password: 'not the password' })
      .expect(401);
    const unknown = await api
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', '10.0.1.1')
      .send({ email: 'nobody@example.org', password: 'not the password' })
      .expect(401);
    const unset = await api
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', '10.0.1.1')
      .send({ email: noPassword.email, password: 'not the password' })
      .expect(401);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
    expect(wrong.body.error.message).toBe('Wrong email address or password');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    expect(unset.body.error.message).toBe(wrong.body.error.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const attempts = await db.prisma.loginAttempt.findMany({ where: { ip: '10.0.1.1' } });
    expect(attempts.map((a) => a.succeeded)).toEqual([false, false, false]);
  });

  it('validates the body', async () => {
    const res = await api.post('/api/auth/sign-in').send({ email: 'not-an-email', password: '' }).expect(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email' }),
        expect.objectContaining({ field: 'password' }),
      ]),
    );
  });

  it('refuses a disabled account after the right password', async () => {
    const u = await makeUser();
    await db.prisma.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    const res = await api.post('/api/auth/sign-in').send({ email: u.email, password: PASSWORD }).expect(403);
    expect(res.body.error.message).toMatch(/disabled/);
  });

  it('replaces the session the browser came with (session fixation)', async () => {
    const u = await makeUser();
    const first = await signIn(u.email);
    const res = await api
      .post('/api/auth/sign-in')
      .set('Cookie', first.cookie)
      .set('X-CSRF-Token', first.csrf)
      .send({ email: u.email, password: PASSWORD })
      .expect(200);
    const second = cookiePair(sessionCookie(res));
    expect(second).not.toBe(first.cookie);
    expect(res.body.csrfToken).not.toBe(first.csrf);
    await api.get('/api/auth/me').set('Cookie', first.cookie).expect(401);
    await api.get('/api/auth/me').set('Cookie', second).expect(200);
  });

  it('returns only grants in force: not ended, not revoked, already started', async () => {
    const u = await makeUser();
    const clp = await db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
    const hour = 3_600_000;
    const now = Date.now();
    const active = await db.prisma.roleGrant.create({
      data: { userId: u.id, role: 'organiser', clpId: clp.id },
    });
    const endsLater = await db.prisma.roleGrant.create({
      data: { userId: u.id, role: 'regional_staff', regionCode: 'E12000001', endsAt: new Date(now + hour) },
    });
    await db.prisma.roleGrant.createMany({
      data: [
        { userId: u.id, role: 'selection_officer', clpId: clp.id, endsAt: new Date(now - hour) },
        { userId: u.id, role: 'admin', revokedAt: new Date(now - hour) },
        { userId: u.id, role: 'member', clpId: clp.id, startsAt: new Date(now + hour) },
      ],
    });
    const { cookie, body } = await signIn(u.email);
    expect(body.grants).toEqual([
      {
        id: active.id,
        role: 'organiser',
        clpId: clp.id,
        clp: { id: clp.id, name: clp.name },
        regionCode: null,
        startsAt: active.startsAt.toISOString(),
        endsAt: null,
      },
      {
        id: endsLater.id,
        role: 'regional_staff',
        clpId: null,
        clp: null,
        regionCode: 'E12000001',
        startsAt: endsLater.startsAt.toISOString(),
        endsAt: endsLater.endsAt!.toISOString(),
      },
    ]);
    const me = await api.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.grants).toEqual(body.grants);
    // A grant that ends while the session lives drops out at the next request.
    await db.prisma.roleGrant.update({
      where: { id: endsLater.id },
      data: { endsAt: new Date(Date.now() - 1000) },
    });
    const later = await api.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(later.body.grants.map((g: { id: number }) => g.id)).toEqual([active.id]);
  });
});

describe('sessions', () => {
  it('GET /auth/me is 401 without a cookie or with a made-up one', async () => {
    const none = await api.get('/api/auth/me').expect(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    await api.get('/api/auth/me').set('Cookie', 'gw_session=nonsense').expect(401);
    await api
      .get('/api/auth/me')
      .set('Cookie', `gw_session=${'A'.repeat(43)}`)
      .expect(401);
  });

  it('sign-out ends the session on the server and clears the cookie', async () => {
    const u = await makeUser();
    const { cookie, csrf } = await signIn(u.email);
    const res = await api
      .post('/api/auth/sign-out')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect(204);
    expect(sessionCookie(res)).toMatch(/^gw_session=;.*Expires=Thu, 01 Jan 1970/);
    await api.get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(await db.prisma.session.count({ where: { userId: u.id } })).toBe(0);
  });

  it('ends at the absolute expiry however active', async () => {
    const u = await makeUser();
    const { cookie } = await signIn(u.email);
    await api.get('/api/auth/me').set('Cookie', cookie).expect(200);
    await db.prisma.session.updateMany({
      where: { userId: u.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await api.get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(await db.prisma.session.count({ where: { userId: u.id } })).toBe(0);
  });

  it('ends after an hour idle, and a request refreshes lastSeenAt at most once a minute', async () => {
    const u = await makeUser();
    const { cookie } = await signIn(u.email);
    const seen = async () =>
      (await db.prisma.session.findFirstOrThrow({ where: { userId: u.id } })).lastSeenAt;
    const created = await seen();
    await api.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(await seen()).toEqual(created); // within the minute: not written

    const twoMinutesAgo = new Date(Date.now() - 2 * 60_000);
    await db.prisma.session.updateMany({ where: { userId: u.id }, data: { lastSeenAt: twoMinutesAgo } });
    await api.get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect((await seen()).getTime()).toBeGreaterThan(Date.now() - 10_000);

    await db.prisma.session.updateMany({
      where: { userId: u.id },
      data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) },
    });
    await api.get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('stops working when the user is disabled', async () => {
    const u = await makeUser();
    const { cookie } = await signIn(u.email);
    await db.prisma.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    await api.get('/api/auth/me').set('Cookie', cookie).expect(401);
  });
});

describe('CSRF and content type', () => {
  it('refuses a state-changing request with the session cookie but a missing or wrong X-CSRF-Token', async () => {
    const u = await makeUser();
    const { cookie, csrf } = await signIn(u.email);
    const missing = await api.post('/api/auth/sign-out').set('Cookie', cookie).expect(403);
    expect(missing.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'Missing or wrong CSRF token' });
    await api
      .post('/api/auth/sign-out')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', 'x'.repeat(43))
      .expect(403);
    await api
      .post('/api/auth/password')
      .set('Cookie', cookie)
      .send({ currentPassword: PASSWORD, newPassword: 'another long password' })
      .expect(403);
    await api.get('/api/auth/me').set('Cookie', cookie).expect(200); // still signed in
    await api.post('/api/auth/sign-out').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
  });

  it('refuses a body that is not JSON (an HTML form cannot send JSON cross-site)', async () => {
    const u = await makeUser();
    const res = await api
      .post('/api/auth/sign-in')
      .type('form')
      .send({ email: u.email, password: PASSWORD })
      .expect(415);
    expect(res.body.error.message).toMatch(/application\/json/);
    await api
      .post('/api/auth/sign-in')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: u.email, password: PASSWORD }))
      .expect(415);
  });
});

describe('sign-in throttling', () => {
  /** The whole app as app.ts builds it, on this file's database, with these environment variables. */
  function wholeApp(env: NodeJS.ProcessEnv = {}) {
    const config = loadConfig({ NODE_ENV: 'test', MAP_TILE_URL: '', CLIENT_DIST: '/nonexistent', ...env });
    return supertest(createApp({ db, config, logger: pino({ level: 'silent' }) }));
  }

  it('without TRUST_PROXY, counts the connection’s address whatever X-Forwarded-For says', async () => {
    const client = wholeApp();
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        const res = await client
          .post('/api/auth/sign-in')
          .set('X-Forwarded-For', `198.51.100.${i + 1}`)
          .send({ email: `spray${i}.${Date.now()}@example.org`, password: 'wrong password' });
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.body.error.code).toBe('RATE_LIMITED');
          expect(res.body.error.message).toMatch(
            /from your network; try again in \d+ (seconds?|minutes?)\. Until then the right password is refused too\.$/,
          );
          expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        }
      }
      // At most 20 failures from one address (fewer if this file's other tests failed from it too), then
      // only refusals.
      const firstRefusal = statuses.indexOf(429);
      expect(firstRefusal).toBeGreaterThan(0);
      expect(firstRefusal).toBeLessThanOrEqual(20);
      expect(statuses.slice(0, firstRefusal).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
      const forwarded = await db.prisma.loginAttempt.count({ where: { ip: { startsWith: '198.51.100.' } } });
      expect(forwarded).toBe(0);
    } finally {
      // The test client's own address is locked now; free it for the rest of the file.
      await db.prisma.loginAttempt.deleteMany({ where: { ip: '127.0.0.1' } });
    }
  });

  it('with TRUST_PROXY naming the proxy, counts the address the proxy forwards', async () => {
    const client = wholeApp({ TRUST_PROXY: 'loopback' });
    const u = await makeUser();
    await client
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', '100.64.0.200')
      .send({ email: u.email, password: 'wrong password' })
      .expect(401);
    const attempts = await db.prisma.loginAttempt.findMany({ where: { email: u.email } });
    expect(attempts.map((a) => a.ip)).toEqual(['100.64.0.200']);
  });

  it('lets no more guesses through when they are sent all at once than one after another', async () => {
    // Found by a hostile probe: 60 guesses sent at once from one address all reached the password check,
    // since each read the counts before any had recorded its failure.
    const client = authApp();
    const u = await makeUser();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client
          .post('/api/auth/sign-in')
          .set('X-Forwarded-For', '10.9.0.1')
          .send({ email: u.email, password: `guess ${i}` }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
    // Only checked guesses are recorded: refused ones leave no row, so the lock lifts when Retry-After says.
    expect(await db.prisma.loginAttempt.count({ where: { email: u.email } })).toBeLessThanOrEqual(5);
    // And from one address across many emails at once: at most the per-address limit reach a password check.
    const spray = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client
          .post('/api/auth/sign-in')
          .set('X-Forwarded-For', '10.9.0.2')
          .send({ email: `burst${i}.${Date.now()}@example.org`, password: 'wrong password' }),
      ),
    );
    expect(spray.filter((r) => r.status === 401).length).toBeLessThanOrEqual(20);
    // The owner, from their own address, is not held up by any of it.
    await client
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', '10.9.0.3')
      .send({ email: u.email, password: PASSWORD })
      .expect(200);
  });

  it('refuses an email from the address that failed on it 5 times, with Retry-After, and lets it in after', async () => {
    // The window is long enough that the scrypt checks always fit in it, however loaded the machine; the
    // lock's end is then checked at the instant Retry-After names, not by sleeping through it.
    const windowMs = 60_000;
    const client = authApp({ rateLimit: { windowMs } });
    const u = await makeUser();
    const attempt = (password: string, ip: string) =>
      client.post('/api/auth/sign-in').set('X-Forwarded-For', ip).send({ email: u.email, password });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password', '10.1.0.1')).status).toBe(401);
    const locked = await attempt(PASSWORD, '10.1.0.1');
    const lockedAt = Date.now();
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('RATE_LIMITED');
    // 60 seconds or less: said as seconds, or as "1 minute" when all five fitted in the same second.
    expect(locked.body.error.message).toMatch(
      /for this account from your network; try again in (\d+ seconds?|1 minute)/,
    );
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another account from the same address is not affected.
    const other = await makeUser();
    await client
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', '10.1.0.1')
      .send({ email: other.email, password: PASSWORD })
      .expect(200);

    const key = { email: u.email, ip: '10.1.0.1' };
    const at = (ms: number) => new Date(lockedAt + ms);
    await expect(checkSignInRateLimit(db.prisma, key, { windowMs }, at(0))).rejects.toThrow();
    await expect(
      checkSignInRateLimit(db.prisma, key, { windowMs }, at(retryAfter * 1000 + 1000)),
    ).resolves.toBeUndefined();
  });

  it('an attacker failing on an email from one address does not lock its owner out elsewhere', async () => {
    const victim = await makeUser();
    const attempt = (password: string, ip: string) =>
      api.post('/api/auth/sign-in').set('X-Forwarded-For', ip).send({ email: victim.email, password });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt('guess number ' + i, '203.0.113.66')).status);
    expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(7).fill(429)]);

    // The owner, from their own address, gets in with the right password.
    const owner = await attempt(PASSWORD, '192.0.2.10');
    expect(owner.status).toBe(200);
    expect(owner.body.user.email).toBe(victim.email);

    // The attacker's address stays refused, even with the right password and after the owner's success.
    const attacker = await attempt(PASSWORD, '203.0.113.66');
    expect(attacker.status).toBe(429);
    expect(attacker.body.error.code).toBe('RATE_LIMITED');
    expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts an IPv6 address by its /64, so fresh addresses in one network do not buy more guesses', async () => {
    const u = await makeUser();
    const attempt = (password: string, ip: string) =>
      api.post('/api/auth/sign-in').set('X-Forwarded-For', ip).send({ email: u.email, password });
    for (let i = 1; i <= 5; i++)
      expect((await attempt('wrong password', `2001:db8:7:7::${i}`)).status).toBe(401);
    const sameNetwork = await attempt(PASSWORD, '2001:db8:7:7:abcd::99');
    expect(sameNetwork.status).toBe(429);
    expect(sameNetwork.headers['retry-after']).toBeDefined();
    await attempt(PASSWORD, '2001:db8:7:8::1').expect(200);
  });

  it('slows addresses that failed on an email under wide attack, never a first try from elsewhere', async () => {
    // From the 4th failure on the email, an address that failed on it waits 10 s after its own last
    // failure, doubling with each further failure on the email.
    const rateLimit = { windowMs: 120_000, slowAfter: 4, slowDelayMs: 10_000 };
    const client = authApp({ rateLimit });
    const victim = await makeUser();
    const attempt = (password: string, ip: string) =>
      client.post('/api/auth/sign-in').set('X-Forwarded-For', ip).send({ email: victim.email, password });
    // Six addresses, one guess each: no address comes near its own limits.
    for (let i = 1; i <= 6; i++) expect((await attempt('wrong password', `203.0.113.${i}`)).status).toBe(401);

    const again = await attempt('wrong password', '203.0.113.6');
    expect(again.status).toBe(429);
    expect(again.body.error.message).toMatch(
      /many wrong passwords from several places, so after a wrong one there is a wait/,
    );
    const retryAfter = Number(again.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(40); // 10 s × 2² after its own failure
    const { retryAt } = again.body.error.details as { retryAt: string };
    const key = { email: victim.email, ip: '203.0.113.6' };
    await expect(
      checkSignInRateLimit(db.prisma, key, rateLimit, new Date(Date.parse(retryAt) - 1000)),
    ).rejects.toThrow();
    await expect(
      checkSignInRateLimit(db.prisma, key, rateLimit, new Date(Date.parse(retryAt) + 1)),
    ).resolves.toBeUndefined();

    // A new address may still guess (and fails), and each failure makes the wait longer.
    await attempt('wrong password', '203.0.113.7').expect(401);
    const longer = await attempt('wrong password', '203.0.113.6');
    expect(longer.status).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(retryAfter);

    // The owner's first try from their own address is not delayed.
    await attempt(PASSWORD, '192.0.2.20').expect(200);
    await attempt('wrong password', '203.0.113.1').expect(429);
  });

  it('a success resets the count for that email from that address', async () => {
    const client = authApp({ rateLimit: { windowMs: 60_000 } });
    const u = await makeUser();
    const attempt = (password: string) =>
      client.post('/api/auth/sign-in').set('X-Forwarded-For', '10.2.0.1').send({ email: u.email, password });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt(PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password')).status).toBe(401);
    expect((await attempt(PASSWORD)).status).toBe(200);
  });

  it('limits one address across accounts', async () => {
    const client = authApp({ rateLimit: { windowMs: 60_000, perIp: 3 } });
    const send = (email: string, password = 'wrong password') =>
      client.post('/api/auth/sign-in').set('X-Forwarded-For', '10.3.0.1').send({ email, password });
    for (let i = 0; i < 3; i++) expect((await send(`unknown${i}@example.org`)).status).toBe(401);
    const u = await makeUser();
    const res = await send(u.email, PASSWORD);
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/from your network; try again in/);
    expect(res.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    await client
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', '10.3.0.2')
      .send({ email: u.email, password: PASSWORD })
      .expect(200);
  });
});

describe('passwords', () => {
  it('changing the password needs the current one and ends the other sessions', async () => {
    const u = await makeUser();
    const a = await signIn(u.email);
    const b = await signIn(u.email);
    const wrong = await api
      .post('/api/auth/password')
      .set('Cookie', a.cookie)
      .set('X-CSRF-Token', a.csrf)
      .send({ currentPassword: 'not it', newPassword: 'a brand new password' })
      .expect(400);
    expect(wrong.body.error.details).toEqual([
      { field: 'currentPassword', message: 'The current password is wrong' },
    ]);
    const short = await api
      .post('/api/auth/password')
      .set('Cookie', a.cookie)
      .set('X-CSRF-Token', a.csrf)
      .send({ currentPassword: PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(short.body.error.message).toBe('newPassword: Use at least 12 characters');
    await api
      .post('/api/auth/password')
      .set('Cookie', a.cookie)
      .set('X-CSRF-Token', a.csrf)
      .send({ currentPassword: PASSWORD, newPassword: 'a brand new password' })
      .expect(204);
    await api.get('/api/auth/me').set('Cookie', a.cookie).expect(200);
    await api.get('/api/auth/me').set('Cookie', b.cookie).expect(401);
    await api.post('/api/auth/sign-in').send({ email: u.email, password: PASSWORD }).expect(401);
    await signIn(u.email, 'a brand new password');
  });

  it('changing the password needs a session', async () => {
    await api
      .post('/api/auth/password')
      .send({ currentPassword: PASSWORD, newPassword: 'a brand new password' })
      .expect(401);
  });

  it('a set-password link works once, ends every session, then fails', async () => {
    const u = await makeUser(null);
    const admin = await makeUser();
    const { token, expiresAt } = await issuePasswordToken(db.prisma, { userId: u.id, createdById: admin.id });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const stored = await db.prisma.passwordToken.findFirstOrThrow({ where: { userId: u.id } });
    expect(stored.tokenHash).toBe(sha256Hex(token));

    await api.post('/api/auth/set-password').send({ token, newPassword: 'short' }).expect(400);
    await api.post('/api/auth/set-password').send({ token, newPassword: 'my chosen password' }).expect(204);
    const { cookie } = await signIn(u.email, 'my chosen password');

    const again = await api
      .post('/api/auth/set-password')
      .send({ token, newPassword: 'someone elses password' })
      .expect(400);
    expect(again.body.error.details).toEqual([
      { field: 'token', message: expect.stringMatching(/already been used/) },
    ]);
    await signIn(u.email, 'my chosen password');

    // A second link (e.g. after a forgotten password) ends the sessions the user has.
    const second = await issuePasswordToken(db.prisma, { userId: u.id, createdById: admin.id });
    await api
      .post('/api/auth/set-password')
      .send({ token: second.token, newPassword: 'yet another password' })
      .expect(204);
    await api.get('/api/auth/me').set('Cookie', cookie).expect(401);
    await signIn(u.email, 'yet another password');
  });

  it('an expired, unknown or superseded set-password link fails with its own message', async () => {
    const u = await makeUser(null);
    const expired = await issuePasswordToken(
      db.prisma,
      { userId: u.id, ttlHours: 1 },
      new Date(Date.now() - 2 * 3_600_000),
    );
    const res = await api
      .post('/api/auth/set-password')
      .send({ token: expired.token, newPassword: 'my chosen password' })
      .expect(400);
    expect(res.body.error.details).toEqual([{ field: 'token', message: expect.stringMatching(/expired/) }]);

    const unknown = await api
      .post('/api/auth/set-password')
      .send({ token: 'x'.repeat(43), newPassword: 'my chosen password' })
      .expect(400);
    expect(unknown.body.error.details[0].message).toMatch(/no longer valid: .* replaced by a newer one/);

    const first = await issuePasswordToken(db.prisma, { userId: u.id });
    await issuePasswordToken(db.prisma, { userId: u.id });
    await api
      .post('/api/auth/set-password')
      .send({ token: first.token, newPassword: 'my chosen password' })
      .expect(400);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBeNull();
  });
});

describe('passwords that are easy to guess (issue 7)', () => {
  const refusal = (message: string | RegExp) => ({
    code: 'BAD_REQUEST',
    message,
    details: [{ field: 'newPassword', message }],
  });

  async function namedUser(password: string | null) {
    const u = await makeUser(password);
    await db.prisma.user.update({ where: { id: u.id }, data: { name: 'Rosa Parkinson' } });
    return u;
  }

  it('changing the password refuses them with the reason on newPassword, and changes nothing', async () => {
    const u = await namedUser(PASSWORD);
    const a = await signIn(u.email);
    const b = await signIn(u.email);
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    const change = (newPassword: string, currentPassword = PASSWORD) =>
      api
        .post('/api/auth/password')
        .set('Cookie', a.cookie)
        .set('X-CSRF-Token', a.csrf)
        .send({ currentPassword, newPassword });

    const cases: [string, string | RegExp][] = [
      ['password1234', /common password/],
      [u.email, 'This is built from your email address or name'],
      ['RosaParkinson1984', 'This is built from your email address or name'],
      ['aaaaaaaaaaaa', 'A password of one character repeated is easy to guess'],
      [' '.repeat(12), 'A password of only spaces is easy to guess'],
    ];
    for (const [newPassword, message] of cases) {
      const res = await change(newPassword).expect(400);
      expect(res.body.error, newPassword).toMatchObject(refusal(message));
    }
    // The current password is checked first: a wrong one is all that is said.
    const wrong = await change('password1234', 'not the password').expect(400);
    expect(wrong.body.error.details).toEqual([
      { field: 'currentPassword', message: 'The current password is wrong' },
    ]);

    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after).toMatchObject({
      passwordHash: before.passwordHash,
      passwordChangedAt: before.passwordChangedAt,
      version: before.version,
    });
    await api.get('/api/auth/me').set('Cookie', b.cookie).expect(200); // the other session lives on
    await signIn(u.email, PASSWORD);
    await change('rosa grows rhubarb by the quarry').expect(204);
  });

  it('a set-password link refuses them for the link’s user and stays usable', async () => {
    const u = await namedUser(null);
    const { token } = await issuePasswordToken(db.prisma, { userId: u.id });
    const set = (newPassword: string) => api.post('/api/auth/set-password').send({ token, newPassword });

    const common = await set('password1234').expect(400);
    expect(common.body.error).toMatchObject(refusal(/common password/));
    const email = await set(u.email).expect(400);
    expect(email.body.error).toMatchObject(refusal('This is built from your email address or name'));
    const name = await set('rosa.parkinson2024').expect(400);
    expect(name.body.error).toMatchObject(refusal('This is built from your email address or name'));

    const row = await db.prisma.passwordToken.findFirstOrThrow({ where: { userId: u.id } });
    expect(row.usedAt).toBeNull();
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBeNull();

    await set('lantern kettle quarry rhubarb').expect(204);
    await signIn(u.email, 'lantern kettle quarry rhubarb');
  });
});
