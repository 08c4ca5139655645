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

  it('keeps answering from the current snapshot while a late version check runs, within its grace', async () => {
    // A check that takes longer than recheckMs (a busy server) must not send every request down the slow
    // path until it ends: the current version is used, and one check runs, for up to graceMs.
    let release = () => {};
    let holding = false;
    let checks = 0;
    const prisma = new Proxy(t.db.prisma, {
      get(target, prop, receiver) {
        if (prop !== '$queryRaw') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<PrismaClient['$queryRaw']>) => {
          // Only the version check counts (and is held): layers may read with $queryRaw too.
          const sql = args[0] as unknown as readonly string[] | { sql: string };
          const isCheck = ('sql' in sql ? sql.sql : sql.join('')).includes('FROM seat_data_version');
          if (isCheck) checks += 1;
          const rows = await target.$queryRaw(...args);
          if (holding && isCheck) await new Promise<void>((resolve) => (release = resolve));
          return rows;
        };
      },
    });
    const model = new SeatReadModel(prisma, { recheckMs: 50, graceMs: 5_000 });
    const first = await model.snapshot();
    holding = true;
    await new Promise((resolve) => setTimeout(resolve, 80)); // past recheckMs
    const started = performance.now();
    expect(model.freshVersion()).toBe(first.version); // starts the check, answers at once
    expect((await model.snapshot()).version).toBe(first.version);
    expect(performance.now() - started).toBeLessThan(40);
    expect(checks).toBe(2); // one check in flight, not one per request
    holding = false;
    release();

    // A write here ends the grace at once: nothing answers from the old version after it.
    await t.db.prisma.$transaction((tx) => bumpSeatDataVersion(tx));
    model.markStale();
    expect(model.freshVersion()).toBeUndefined();
    expect((await model.snapshot()).version).not.toBe(first.version);
  });

  it("sees another instance's write within graceMs when its checks are late", async () => {
    const model = new SeatReadModel(t.db.prisma, { recheckMs: 20, graceMs: 200 });
    const first = await model.snapshot();
    await t.db.prisma.$transaction((tx) => bumpSeatDataVersion(tx)); // as another server would
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(model.freshVersion()).toBeUndefined(); // past grace: never the old version
    expect((await model.snapshot()).version).not.toBe(first.version);
  });
});
