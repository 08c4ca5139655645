import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSession } from '../auth/sessions.ts';
import { SESSION_COOKIE } from '../auth/cookies.ts';
import { CSRF_HEADER } from '../auth/auth.middleware.ts';
import {
  AdminService,
  LAST_ADMIN_MESSAGE,
  LAST_LASTING_ADMIN_MESSAGE,
  SELF_DISABLE_MESSAGE,
} from './admin.service.ts';

const APP_URL = 'https://groundwork.example.org';
const t = useTestApp({ APP_URL });
type Person = Awaited<ReturnType<typeof signedInAs>>;
type Admin = Person & { grantId: number };

/**
 * Makes these the only admins in force in this file's database: every other admin grant is revoked first,
 * so each test starts from the number of admins it names, whatever ran before it.
 */
async function onlyAdmins(n: number): Promise<Admin[]> {
  await t.db.prisma.roleGrant.updateMany({
    where: { role: 'admin', revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const admins: Admin[] = [];
  for (let i = 0; i < n; i++) {
    const person = await signedInAs(t, 'admin');
    const grant = await t.db.prisma.roleGrant.findFirstOrThrow({ where: { userId: person.userId } });
    admins.push({ ...person, grantId: grant.id });
  }
  return admins;
}

const activeAdminGrants = () =>
  t.db.prisma.roleGrant.count({
    where: {
      role: 'admin',
      revokedAt: null,
      startsAt: { lte: new Date() },
      OR: [{ endsAt: null }, { endsAt: { gt: new Date() } }],
      user: { disabledAt: null },
    },
  });

/** How many connections to this test's database are waiting for a lock (PostgreSQL only). */
async function lockWaiters(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n;
}

const revoke = (by: Person, grantId: number) => t.api.delete(`/api/admin/grants/${grantId}`).set(by.headers);

function expectLastAdminRefusal(res: {
  status: number;
  body: { error?: { code: string; message: string } };
}) {
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: LAST_ADMIN_MESSAGE });
}

describe('set-password links', () => {
  it('are built from APP_URL, whatever the Host and X-Forwarded-* headers say', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await t.api
      .post('/api/admin/users')
      .set(admin!.headers)
      .send({ email: `link-${Date.now()}@test.groundwork`, name: 'Link Test' })
      .expect(201);
    const res = await t.api
      .post(`/api/admin/users/${user.body.id}/password-link`)
      .set(admin!.headers)
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'http')
      .expect(201);
    expect(res.body.url).toMatch(/^https:\/\/groundwork\.example\.org\/set-password#token=[\w-]{43}$/);
    expect(res.body.url).not.toContain('evil');

    // The link works: its token sets the password once.
    const token = new URL(res.body.url as string).hash.replace('#token=', '');
    await t.api
      .post('/api/auth/set-password')
      .send({ token, newPassword: 'a long enough new password' })
      .expect(204);
  });
});

describe('the last admin', () => {
  it('cannot revoke their own admin grant: 409 with the reason, and nothing changes', async () => {
    const [admin] = await onlyAdmins(1);
    const before = await t.db.prisma.auditEntry.count({ where: { entityType: 'role-grant' } });
    expectLastAdminRefusal(await revoke(admin!, admin!.grantId));
    const grant = await t.db.prisma.roleGrant.findUniqueOrThrow({ where: { id: admin!.grantId } });
    expect(grant.revokedAt).toBeNull();
    expect(await t.db.prisma.auditEntry.count({ where: { entityType: 'role-grant' } })).toBe(before);
    await t.api.get('/api/admin/users?limit=1').set(admin!.headers).expect(200);
  });

  it('counts only admins in force: admins whose grant ended, was revoked or has not started, and disabled accounts, do not count', async () => {
    const [admin] = await onlyAdmins(1);
    const hour = 3_600_000;
    const other = (email: string, grant: object, user: object = {}) =>
      t.db.prisma.user.create({
        data: { email, name: email, ...user, grants: { create: { role: 'admin', ...grant } } },
        include: { grants: true },
      });
    const stamp = Date.now();
    await other(`ended-${stamp}@test.groundwork`, { endsAt: new Date(stamp - hour) });
    await other(`revoked-${stamp}@test.groundwork`, { revokedAt: new Date(stamp - hour) });
    await other(`future-${stamp}@test.groundwork`, { startsAt: new Date(stamp + hour) });
    const disabled = await other(`disabled-${stamp}@test.groundwork`, {}, { disabledAt: new Date() });
    expectLastAdminRefusal(await revoke(admin!, admin!.grantId));

    // Revoking a grant that is not keeping anyone an admin is not refused.
    await revoke(admin!, disabled.grants[0]!.id).expect(204);
    expect(await activeAdminGrants()).toBe(1);
  });

  it('may not go when the other admins all have roles that end (they would leave nobody)', async () => {
    // Found by a hostile probe: the permanent admin revoked themselves beside an admin whose grant ended
    // 30 s later, and the app was left with no admin at all.
    const [first] = await onlyAdmins(1);
    const someone = await signedInAs(t, 'member', {
      clpId: (await t.db.prisma.clp.findFirstOrThrow()).id,
    });
    const endsAt = new Date(Date.now() + 30_000).toISOString();
    await t.api
      .post(`/api/admin/users/${someone.userId}/grants`)
      .set(first!.headers)
      .send({ role: 'admin', endsAt })
      .expect(201);
    const refused = await revoke(first!, first!.grantId).expect(409);
    expect(refused.body.error.message).toBe(LAST_LASTING_ADMIN_MESSAGE);
    expect(await activeAdminGrants()).toBe(2);
    // A second admin without an end date: then the first may go.
    await t.api
      .post(`/api/admin/users/${someone.userId}/grants`)
      .set(first!.headers)
      .send({ role: 'admin' })
      .expect(201);
    await revoke(first!, first!.grantId).expect(204);
  });

  it('may go once someone else is an admin; then that admin is the last one', async () => {
    const [first] = await onlyAdmins(1);
    const someone = await signedInAs(t, 'member', {
      clpId: (await t.db.prisma.clp.findFirstOrThrow()).id,
    });
    const grant = await t.api
      .post(`/api/admin/users/${someone.userId}/grants`)
      .set(first!.headers)
      .send({ role: 'admin' })
      .expect(201);
    await revoke(first!, first!.grantId).expect(204);
    // The member's other grant is theirs to lose; the admin grant is the last one now.
    expectLastAdminRefusal(await revoke(someone, grant.body.id as number));
    expect(await activeAdminGrants()).toBe(1);
  });

  it('does not stop the revocation of other roles', async () => {
    const [admin] = await onlyAdmins(1);
    const staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
    const grant = await t.db.prisma.roleGrant.findFirstOrThrow({ where: { userId: staff.userId } });
    await revoke(admin!, grant.id).expect(204);
  });

  // Each revokes the other at the same moment: without the lock both counted two admins and both went.
  it.each([1, 2, 3, 4, 5])(
    'of two admins revoking each other at once, exactly one succeeds (round %i)',
    async () => {
      const [a, b] = await onlyAdmins(2);
      const results = await Promise.all([revoke(a!, b!.grantId), revoke(b!, a!.grantId)]);
      const statuses = results.map((r) => r.status).sort();
      // The loser is refused as the last admin, or (when the winner committed before its request was
      // authorised) as no longer an admin at all. Never both 204.
      expect(statuses[0], JSON.stringify(results.map((r) => r.body))).toBe(204);
      expect([403, 409]).toContain(statuses[1]);
      expect(await activeAdminGrants()).toBe(1);
    },
  );

  it('of two admins each revoking their own grant at once, exactly one succeeds', async () => {
    const [a, b] = await onlyAdmins(2);
    const results = await Promise.all([revoke(a!, a!.grantId), revoke(b!, b!.grantId)]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    expectLastAdminRefusal(results.find((r) => r.status === 409)!);
    expect(await activeAdminGrants()).toBe(1);
  });

  // Only a server has a second connection: PGlite is one in-process connection.
  it.runIf(process.env.TEST_DB === 'postgres')(
    'waits for a revocation in flight on another connection, then counts what it left',
    async () => {
      const [a, b] = await onlyAdmins(2);
      const other = new pg.Client({ connectionString: t.db.url });
      await other.connect();
      try {
        // Another instance revokes B the way the app does, and has not committed yet.
        await other.query('BEGIN');
        await other.query(
          `SELECT g.id FROM role_grant g WHERE g.role = 'admin' AND g.revoked_at IS NULL ORDER BY g.id FOR UPDATE`,
        );
        await other.query('UPDATE role_grant SET revoked_at = now() WHERE id = $1', [b!.grantId]);
        const pending = revoke(a!, a!.grantId).then((res) => res);
        // A's revocation must wait for that transaction rather than count B, who is on the way out.
        await expect.poll(() => lockWaiters(other), { timeout: 10_000, interval: 50 }).toBe(1);
        await other.query('COMMIT');
        expectLastAdminRefusal(await pending);
        expect(await activeAdminGrants()).toBe(1);
      } finally {
        await other.end();
      }
    },
  );
});

const PASSWORD = 'a long enough password for tests';
let passwordHash: Promise<string> | undefined;

/** A user with a password and no role, and the headers of two sessions of theirs (two browsers). */
async function account(name = 'Dana Disabled') {
  const user = await t.db.prisma.user.create({
    data: {
      email: `acct-${Date.now()}-${Math.floor(Math.random() * 1e9)}@test.groundwork`,
      name,
      passwordHash: await (passwordHash ??= hashPassword(PASSWORD)),
    },
  });
  const headers = [];
  for (let i = 0; i < 2; i++) {
    const s = await createSession(t.db.prisma, user.id, { ip: undefined, userAgent: 'test' });
    headers.push({ Cookie: `${SESSION_COOKIE}=${s.token}`, [CSRF_HEADER]: s.csrfToken });
  }
  return { id: user.id, email: user.email, version: user.version, headers };
}

const disable = (by: Person, userId: number, version: number, reason: unknown = 'Left the party') =>
  t.api.post(`/api/admin/users/${userId}/disable`).set(by.headers).send({ reason, version });
const enable = (by: Person, userId: number, version: number, reason?: string) =>
  t.api.post(`/api/admin/users/${userId}/enable`).set(by.headers).send({ version, reason });
const signIn = (email: string) => t.api.post('/api/auth/sign-in').send({ email, password: PASSWORD });

describe('disabling and enabling an account', () => {
  it('ends every session of the account at once: its next request is signed out', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await account();
    for (const h of user.headers) await t.api.get('/api/auth/me').set(h).expect(200);

    const res = await disable(admin!, user.id, user.version).expect(200);
    expect(res.body).toMatchObject({ id: user.id, disabled: true, version: user.version + 1 });
    expect(Date.parse(res.body.disabledAt as string)).toBeGreaterThan(Date.now() - 60_000);

    for (const h of user.headers) {
      const me = await t.api.get('/api/auth/me').set(h);
      expect(me.status, JSON.stringify(me.body)).toBe(401);
    }
    expect(await t.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // The admins' list says so.
    const list = await t.api.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`).set(admin!.headers);
    expect(list.body.items).toEqual([expect.objectContaining({ id: user.id, disabled: true })]);
  });

  it('refuses sign-in with a message saying the account is disabled; enabling lets them in again', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await account();
    await signIn(user.email).expect(200);
    const disabled = await disable(admin!, user.id, user.version).expect(200);

    const refused = await signIn(user.email);
    expect(refused.status, JSON.stringify(refused.body)).toBe(403);
    expect(refused.body.error.message).toMatch(/disabled/i);

    const enabled = await enable(admin!, user.id, disabled.body.version as number, 'Rejoined').expect(200);
    expect(enabled.body).toMatchObject({ disabled: false, disabledAt: null, version: user.version + 2 });
    await signIn(user.email).expect(200);
    // The sessions that ended stay ended.
    for (const h of user.headers) await t.api.get('/api/auth/me').set(h).expect(401);
  });

  it('stops set-password links issued before the account was disabled', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await account();
    const link = await t.api
      .post(`/api/admin/users/${user.id}/password-link`)
      .set(admin!.headers)
      .expect(201);
    const disabled = await disable(admin!, user.id, user.version).expect(200);
    await enable(admin!, user.id, disabled.body.version as number).expect(200);

    const token = new URL(link.body.url as string).hash.replace('#token=', '');
    const res = await t.api
      .post('/api/auth/set-password')
      .send({ token, newPassword: 'someone else chose this one' });
    expect(res.status).toBe(400);
    await signIn(user.email).expect(200);
  });

  it('refuses a new set-password link while the account is disabled, and issues one once it is enabled', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await account();
    const disabled = await disable(admin!, user.id, user.version).expect(200);
    const refused = await t.api
      .post(`/api/admin/users/${user.id}/password-link`)
      .set(admin!.headers)
      .expect(409);
    expect(refused.body.error.message).toMatch(/disabled/i);
    await enable(admin!, user.id, disabled.body.version as number).expect(200);
    await t.api.post(`/api/admin/users/${user.id}/password-link`).set(admin!.headers).expect(201);
  });

  it('records each change in the account history, with who, why and the field before and after', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await account();
    const disabled = await disable(admin!, user.id, user.version, 'Asked to leave').expect(200);
    await enable(admin!, user.id, disabled.body.version as number).expect(200);

    const history = await t.api.get(`/api/history/user/${user.id}`).set(admin!.headers).expect(200);
    const actorId = admin!.userId;
    expect(history.body.items).toEqual([
      expect.objectContaining({
        action: 'update',
        actor: expect.objectContaining({ id: actorId }),
        reason: null,
        changes: [{ field: 'disabledAt', before: disabled.body.disabledAt, after: null }],
      }),
      expect.objectContaining({
        action: 'update',
        actor: expect.objectContaining({ id: actorId }),
        reason: 'Asked to leave',
        changes: [{ field: 'disabledAt', before: null, after: disabled.body.disabledAt }],
      }),
    ]);
  });

  it('requires a reason to disable, naming the field', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await account();
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await t.api
        .post(`/api/admin/users/${user.id}/disable`)
        .set(admin!.headers)
        .send({ ...body, version: user.version });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    }
    await t.api.get('/api/auth/me').set(user.headers[0]!).expect(200);
  });

  it('refuses a stale version with 409 and the current values, and changes nothing', async () => {
    const [admin] = await onlyAdmins(1);
    const user = await account();
    const disabled = await disable(admin!, user.id, user.version).expect(200);
    const enabled = await enable(admin!, user.id, disabled.body.version as number).expect(200);

    // A second admin's page still shows the version from before both changes.
    const stale = await disable(admin!, user.id, user.version);
    expect(stale.status, JSON.stringify(stale.body)).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.details.current).toMatchObject({
      id: user.id,
      disabled: false,
      version: enabled.body.version,
    });
    expect((await enable(admin!, user.id, user.version)).status).toBe(409);
    await signIn(user.email).expect(200);
    await t.api
      .post('/api/admin/users/2147483647/disable')
      .set(admin!.headers)
      .send({ reason: 'x', version: 1 })
      .expect(404);
  });

  it('refuses to let an admin disable their own account', async () => {
    const [a, b] = await onlyAdmins(2);
    const self = await t.db.prisma.user.findUniqueOrThrow({ where: { id: a!.userId } });
    const res = await disable(a!, a!.userId, self.version);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: SELF_DISABLE_MESSAGE });
    await t.api.get('/api/auth/me').set(a!.headers).expect(200);
    // Another admin may.
    await disable(b!, a!.userId, self.version).expect(200);
    await t.api.get('/api/auth/me').set(a!.headers).expect(401);
    expect(await activeAdminGrants()).toBe(1);
  });

  it('is for admins only: 403 for other roles, 401 signed out, and nothing changes', async () => {
    await onlyAdmins(1);
    const user = await account();
    const clpId = (await t.db.prisma.clp.findFirstOrThrow()).id;
    for (const caller of [
      await signedInAs(t, 'member', { clpId }),
      await signedInAs(t, 'organiser', { clpId }),
      await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' }),
    ]) {
      expect((await disable(caller, user.id, user.version)).status).toBe(403);
      expect((await enable(caller, user.id, user.version)).status).toBe(403);
    }
    await t.api
      .post(`/api/admin/users/${user.id}/disable`)
      .send({ reason: 'x', version: user.version })
      .expect(401);
    // A write without the CSRF token is refused like every other.
    const { [CSRF_HEADER]: _csrf, ...cookieOnly } = (await onlyAdmins(1))[0]!.headers;
    expect(
      (
        await t.api
          .post(`/api/admin/users/${user.id}/disable`)
          .set(cookieOnly)
          .send({ reason: 'x', version: user.version })
      ).status,
    ).toBe(403);
    await t.api.get('/api/auth/me').set(user.headers[0]!).expect(200);
  });
});

describe('disabling the last admin', () => {
  // Through the API the one disabling is an admin in force and not the one disabled, so the last admin can
  // only be lost to two admins disabling each other at once; the rule itself holds whoever asks.
  it('is refused with 409: a disabled admin does not count as an admin', async () => {
    const [a, b] = await onlyAdmins(2);
    await t.db.prisma.user.update({ where: { id: a!.userId }, data: { disabledAt: new Date() } });
    const service = new AdminService(t.db.prisma);
    const target = await t.db.prisma.user.findUniqueOrThrow({ where: { id: b!.userId } });
    await expect(
      service.disableUser(b!.userId, { reason: 'test', version: target.version }, { id: a!.userId }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: LAST_ADMIN_MESSAGE });
    expect(await activeAdminGrants()).toBe(1);
    await t.api.get('/api/auth/me').set(b!.headers).expect(200);
  });

  it.each([1, 2, 3])(
    'of two admins disabling each other at once, exactly one succeeds (round %i)',
    async () => {
      const [a, b] = await onlyAdmins(2);
      const version = async (id: number) =>
        (await t.db.prisma.user.findUniqueOrThrow({ where: { id } })).version;
      const [va, vb] = [await version(a!.userId), await version(b!.userId)];
      const results = await Promise.all([disable(a!, b!.userId, vb), disable(b!, a!.userId, va)]);
      const statuses = results.map((r) => r.status).sort();
      // The loser is refused as the last admin, or (when the winner committed before the loser's request was
      // authenticated) is signed out already. Never both 200.
      expect(statuses[0], JSON.stringify(results.map((r) => r.body))).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const refused = results.find((r) => r.status === 409);
      if (refused) expect(refused.body.error.message).toBe(LAST_ADMIN_MESSAGE);
      expect(await activeAdminGrants()).toBe(1);
    },
  );

  // Only a server has a second connection: PGlite is one in-process connection.
  it.runIf(process.env.TEST_DB === 'postgres')(
    'waits for a disabling in flight on another connection, then counts what it left',
    async () => {
      const [a, b] = await onlyAdmins(2);
      const other = new pg.Client({ connectionString: t.db.url });
      await other.connect();
      try {
        // Another instance disables A the way the app does, and has not committed yet.
        await other.query('BEGIN');
        await other.query(
          `SELECT g.id FROM role_grant g JOIN app_user u ON u.id = g.user_id
           WHERE g.role = 'admin' AND g.revoked_at IS NULL AND u.disabled_at IS NULL
           ORDER BY g.id FOR UPDATE OF g, u`,
        );
        await other.query('UPDATE app_user SET disabled_at = now(), version = version + 1 WHERE id = $1', [
          a!.userId,
        ]);
        const vb = (await t.db.prisma.user.findUniqueOrThrow({ where: { id: b!.userId } })).version;
        const pending = disable(a!, b!.userId, vb).then((res) => res);
        await expect.poll(() => lockWaiters(other), { timeout: 10_000, interval: 50 }).toBe(1);
        await other.query('COMMIT');
        expectLastAdminRefusal(await pending);
        expect(await activeAdminGrants()).toBe(1);
        await t.api.get('/api/auth/me').set(b!.headers).expect(200);
      } finally {
        await other.end();
      }
    },
  );
});
