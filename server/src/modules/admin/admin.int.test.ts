import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { LAST_ADMIN_MESSAGE } from './admin.service.ts';

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
        await expect
          .poll(
            async () =>
              (
                await other.query<{ n: number }>(
                  `SELECT count(*)::int AS n FROM pg_stat_activity
                   WHERE datname = current_database() AND wait_event_type = 'Lock'`,
                )
              ).rows[0]!.n,
            { timeout: 10_000, interval: 50 },
          )
          .toBe(1);
        await other.query('COMMIT');
        expectLastAdminRefusal(await pending);
        expect(await activeAdminGrants()).toBe(1);
      } finally {
        await other.end();
      }
    },
  );
});
