import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { startHousekeeping } from './housekeeping.ts';

/** A Prisma stand-in whose deletes fail with `error` while `failing.now` is true. */
function fakePrisma(error: unknown) {
  const failing = { now: true };
  const deleteMany = () => (failing.now ? Promise.reject(error) : Promise.resolve({ count: 0 }));
  const prisma = { session: { deleteMany }, loginAttempt: { deleteMany } } as unknown as PrismaClient;
  return { prisma, failing };
}

function recordingLogger() {
  const lines: [string, string][] = [];
  const at = (level: string) => (_obj: object, msg: string) => void lines.push([level, msg]);
  return { lines, logger: { warn: at('warn'), info: at('info'), debug: at('debug') } };
}

describe('housekeeping failures', () => {
  it('are logged once, never thrown, and the recovery is logged once', async () => {
    const { prisma, failing } = fakePrisma(new Error('relation "session" does not exist'));
    const { lines, logger } = recordingLogger();
    const hk = startHousekeeping({ prisma, logger, intervalMs: 3_600_000 });
    for (let i = 0; i < 5; i++) {
      const r = await hk.run();
      expect(['failed', 'already-running']).toContain((r as { reason?: string }).reason);
    }
    failing.now = false;
    expect(await hk.run()).toEqual({ ran: true, sessions: 0, signInAttempts: 0 });
    expect(await hk.run()).toEqual({ ran: true, sessions: 0, signInAttempts: 0 });
    await hk.stop();
    expect(lines).toEqual([
      ['warn', 'housekeeping: purge failed; it will be tried again'],
      ['info', 'housekeeping: working again'],
    ]);
  });

  it('tell the database status when the database cannot be reached, and are skipped while it is down', async () => {
    const unreachable = new Prisma.PrismaClientKnownRequestError("Can't reach database server", {
      code: 'P1001',
      clientVersion: '7',
    });
    const { prisma } = fakePrisma(unreachable);
    const { lines, logger } = recordingLogger();
    const told: unknown[] = [];
    const status = {
      available: true,
      unavailable(error: unknown) {
        told.push(error);
        this.available = false;
      },
    };
    const hk = startHousekeeping({ prisma, logger, status, intervalMs: 3_600_000 });
    await expect.poll(() => told.length).toBe(1);
    expect(await hk.run()).toEqual({ ran: false, reason: 'database-unavailable' });
    await hk.stop();
    expect(told).toEqual([unreachable]);
    expect(lines).toEqual([]);
  });
});
