import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { useTestApp } from '../../test/test-app.ts';
import { startHousekeeping, type Housekeeping } from './housekeeping.ts';
import { hashPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

const t = useTestApp();
const logger = pino({ level: 'silent' });
const HOUR = 3_600_000;
const PASSWORD = 'a long enough password for tests';

let running: Housekeeping | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
const start = (options: Partial<Parameters<typeof startHousekeeping>[0]> = {}) =>
  (running = startHousekeeping({ prisma: t.db.prisma, logger, ...options }));

let seq = 0;
async function user() {
  return t.db.prisma.user.create({
    data: {
      email: `hk-${++seq}-${Date.now()}@test.groundwork`,
      name: 'Housekeeping',
      passwordHash: await hashPassword(PASSWORD),
    },
  });
}

/** A session that passed its absolute end (signed in 13 hours ago and never presented again). */
async function expiredSession(userId: number) {
  const s = await createSession(t.db.prisma, userId, {}, {}, new Date(Date.now() - 13 * HOUR));
  return s.id;
}
const sessionExists = async (id: number) => (await t.db.prisma.session.count({ where: { id } })) === 1;

async function attempt(email: string, at: Date) {
  return (await t.db.prisma.loginAttempt.create({ data: { email, ip: '192.0.2.1', succeeded: false, at } }))
    .id;
}
const attemptExists = async (id: number) => (await t.db.prisma.loginAttempt.count({ where: { id } })) === 1;

describe('housekeeping', () => {
  it('purges at start, without waiting for the first interval', async () => {
    const u = await user();
    const expired = await expiredSession(u.id);
    const old = await attempt(u.email, new Date(Date.now() - 24 * HOUR));
    start({ intervalMs: HOUR });
    await expect.poll(() => sessionExists(expired), { timeout: 10_000, interval: 50 }).toBe(false);
    await expect.poll(() => attemptExists(old), { timeout: 10_000, interval: 50 }).toBe(false);
  });

  it('one run deletes expired sessions and old sign-in attempts, and keeps live sessions and recent attempts', async () => {
    const hk = start({ intervalMs: HOUR });
    // Once the run at start is over, a run of the job's own: it clears what earlier tests left.
    await expect.poll(() => hk.run().then((r) => r.ran), { timeout: 10_000 }).toBe(true);

    const u = await user();
    const expired = await expiredSession(u.id);
    const live = await createSession(t.db.prisma, u.id, {});
    const old = await attempt(u.email, new Date(Date.now() - 24 * HOUR));
    const recent = await attempt(u.email, new Date(Date.now() - 60_000));

    const result = await hk.run();
    expect(result).toEqual({ ran: true, sessions: 1, signInAttempts: 1 });
    expect(await sessionExists(expired)).toBe(false);
    expect(await sessionExists(live.id)).toBe(true);
    expect(await attemptExists(old)).toBe(false);
    expect(await attemptExists(recent)).toBe(true);
  });

  it('keeps what sign-in throttling counts: a locked-out account stays locked out after a run', async () => {
    const u = await user();
    const signIn = () =>
      t.api.post('/api/auth/sign-in').send({ email: u.email, password: 'not the password' });
    let res = await signIn();
    for (let i = 0; i < 20 && res.status === 401; i++) res = await signIn();
    expect(res.status, JSON.stringify(res.body)).toBe(429);

    const hk = start({ intervalMs: HOUR });
    await expect.poll(() => hk.run().then((r) => r.ran), { timeout: 10_000 }).toBe(true);
    const again = await t.api.post('/api/auth/sign-in').send({ email: u.email, password: PASSWORD });
    expect(again.status, JSON.stringify(again.body)).toBe(429);
  });

  it('runs again every interval, and not once stopped', async () => {
    const u = await user();
    const hk = start({ intervalMs: 50 });
    const first = await expiredSession(u.id);
    // Created after the run at start: only a later, timed run can take it.
    await expect.poll(() => sessionExists(first), { timeout: 10_000, interval: 50 }).toBe(false);

    await hk.stop();
    const second = await expiredSession(u.id);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await sessionExists(second)).toBe(true);
    expect(await hk.run()).toEqual({ ran: false, reason: 'stopped' });
  });

  it('is skipped while the database is unavailable', async () => {
    const u = await user();
    const expired = await expiredSession(u.id);
    const status = { available: false, unavailable: () => {} };
    const hk = start({ intervalMs: HOUR, status });
    expect(await hk.run()).toEqual({ ran: false, reason: 'database-unavailable' });
    expect(await sessionExists(expired)).toBe(true);
    status.available = true;
    expect((await hk.run()).ran).toBe(true);
    expect(await sessionExists(expired)).toBe(false);
  });
});
