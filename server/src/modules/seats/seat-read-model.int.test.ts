import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { useTestApp } from '../../test/test-app.ts';
import { bumpSeatDataVersion } from './seat-data-version.ts';
import { SeatReadModel } from './seat-read-model.ts';

const t = useTestApp();

describe('the seat read model', () => {
  it('shows a write made in this process at once, even when a version check was already under way', async () => {
    // The version query answers, but its answer is held back until the write below has been made: the
    // check in flight has read the version from before the write.
    let release = () => {};
    let holding = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    const prisma = new Proxy(t.db.prisma, {
      get(target, prop, receiver) {
        if (prop !== '$queryRaw') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<PrismaClient['$queryRaw']>) => {
          const rows = await target.$queryRaw(...args);
          if (holding) await held;
          return rows;
        };
      },
    });
    const model = new SeatReadModel(prisma, { recheckMs: 60_000 });
    const before = await model.snapshot();

    holding = true;
    model.markStale();
    const inFlight = model.snapshot();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.db.prisma.$transaction((tx) => bumpSeatDataVersion(tx));
    model.markStale(); // what a write route does after its transaction (seatDataChanged)
    const afterWrite = model.snapshot();
    release();

    expect((await inFlight).version).toBe(before.version);
    const seen = await afterWrite;
    expect(seen.version).not.toBe(before.version);
    // And the old version is never confirmed as current for the replay.
    expect(model.freshVersion()).toBe(seen.version);
  });
});
