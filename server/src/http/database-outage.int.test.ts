import { Writable } from 'node:stream';
import { pino } from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { signedInAs } from '../test/people.ts';
import { simulateOutage, type Outage } from '../test/simulated-outage.ts';
import { startTcpProxy, type TcpProxy } from '../test/tcp-proxy.ts';
import type { TestApp } from '../test/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { STALE_HEADER } from './stale.ts';

/**
 * The database goes away under a running app and comes back. On PostgreSQL the app reaches the server
 * through a TCP proxy that the test cuts: open connections are destroyed, new ones are accepted and never
 * answered (a black hole: only the pool's connection timeout ends them). PGlite runs in process and cannot
 * be cut, so there the Prisma client is cut instead (test/simulated-outage.ts): the same assertions, on
 * the app's handling rather than the driver's.
 */
const template = inject('dbTemplate');
const SEAT = 'E14001063'; // Aldershot
const LIST = '/api/seats?boundarySet=2024';

let proxy: TcpProxy | undefined;
let direct: TestDatabase;
let outage: Outage;
let t: TestApp;
const log: { level: number; msg: string; [key: string]: unknown }[] = [];
const rawLog: string[] = [];

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', MAP_TILE_URL: '', CLIENT_DIST: '/nonexistent' });
  let db: TestDatabase;
  if (template.kind === 'postgres') {
    const target = new URL(template.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    db = direct = await openTestDatabase({ via: proxy });
    const p = proxy;
    outage = {
      get isCut() {
        return p.isCut;
      },
      cut: () => p.cut(),
      // The INSERT of the history entry comes after the target's own row, in the same transaction.
      cutDuringAuditWrite: () =>
        p.cutWhen((chunk) => /INSERT INTO[^;]*"audit_entry"/.test(chunk.toString('latin1'))),
      restore: () => p.restore(),
    };
  } else {
    direct = await openTestDatabase();
    ({ db, outage } = simulateOutage(direct));
  }
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        rawLog.push(line);
        log.push(JSON.parse(line) as (typeof log)[number]);
      }
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  t = { db, config, api: supertest(createApp({ db, config, logger })) };
});

afterAll(async () => {
  outage?.restore();
  await direct?.close();
  await proxy?.close();
});

const outageLines = () =>
  log.filter((l) => l.msg === 'database unavailable' || l.msg === 'database available');

async function timed<T>(request: PromiseLike<T>): Promise<{ res: T; ms: number }> {
  const started = performance.now();
  const res = await request;
  return { res, ms: performance.now() - started };
}

describe('when the database goes away and comes back', () => {
  it('answers 503 where it must, serves the seat picture stale, reports degraded health, logs it twice, and recovers', async () => {
    const admin = await signedInAs(t, 'admin');
    const versionBefore = await direct.prisma.seatDataVersion.findUniqueOrThrow({ where: { id: 1 } });

    // Warm the caches the outage must not take away (twice: the second answer may be replayed).
    const warm: Record<string, supertest.Response> = {};
    for (const url of [LIST, '/api/geo/2024', '/api/hex/2024']) {
      await t.api.get(url).expect(200);
      warm[url] = await t.api.get(url).expect(200);
      expect(warm[url]!.headers[STALE_HEADER.toLowerCase()]).toBeUndefined();
    }
    await t.api.get('/api/admin/users').set(admin.headers).expect(200);
    expect(outageLines()).toEqual([]);

    // A write whose connection is cut in the middle of its transaction (after the target's row, before
    // its history entry): the database rolls it back, the caller is told to retry.
    outage.cutDuringAuditWrite();
    const write = await timed(
      t.api
        .put(`/api/seats/2024/${SEAT}/target`)
        .set(admin.headers)
        .send({ status: 'WIN', tier: 1, rationale: 'during the outage', version: 0 }),
    );
    expect(outage.isCut).toBe(true);
    expect(write.res.status).toBe(503);
    expect(write.res.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(write.res.headers['retry-after']).toBe('5');

    // A route that needs the database answers 503 within the pool's connection timeout, not the TCP one.
    const users = await timed(t.api.get('/api/admin/users').set(admin.headers));
    expect(users.res.status).toBe(503);
    expect(users.res.body.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(users.res.body.error.requestId).toBeTruthy();
    expect(users.res.headers['retry-after']).toBe('5');
    expect(users.ms).toBeLessThan(2_500);

    // The public seat list, the boundaries and the hex map: the last version read, said to be stale once
    // the read model's last confirmation (at most every 500 ms) is older than the outage.
    await new Promise((resolve) => setTimeout(resolve, 600));
    for (const url of [LIST, '/api/geo/2024', '/api/hex/2024']) {
      const { res, ms } = await timed(t.api.get(url));
      expect(res.status, url).toBe(200);
      expect(res.headers[STALE_HEADER.toLowerCase()], url).toBe('database-unavailable');
      expect(res.headers.etag, url).toBe(warm[url]!.headers.etag);
      expect(ms, url).toBeLessThan(2_500);
    }
    const staleList = await t.api.get(LIST).expect(200);
    expect(staleList.body).toEqual(warm[LIST]!.body);

    const health = await timed(t.api.get('/api/health'));
    expect(health.res.status).toBe(503);
    expect(health.res.body).toMatchObject({
      status: 'degraded',
      database: { kind: direct.kind, state: 'unavailable', migrations: null },
      data: null,
    });
    expect(health.ms).toBeLessThan(2_500);

    // Back again: the pool reconnects by itself; the same routes answer normally within a few seconds.
    outage.restore();
    const deadline = Date.now() + 10_000;
    let list = await t.api.get(LIST);
    while (list.headers[STALE_HEADER.toLowerCase()] !== undefined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      list = await t.api.get(LIST);
    }
    expect(list.status).toBe(200);
    expect(list.headers[STALE_HEADER.toLowerCase()]).toBeUndefined();
    for (const url of ['/api/geo/2024', '/api/hex/2024']) {
      const res = await t.api.get(url).expect(200);
      expect(res.headers[STALE_HEADER.toLowerCase()], url).toBeUndefined();
    }
    await t.api.get('/api/admin/users').set(admin.headers).expect(200);
    const healthy = await t.api.get('/api/health').expect(200);
    expect(healthy.body).toMatchObject({ status: 'ok', database: { state: 'up' } });

    // Nothing of the cut write was left behind: no target, no history, no new seat-data version.
    expect(await direct.prisma.seatTarget.count({ where: { constituency: { code: SEAT } } })).toBe(0);
    expect(
      await direct.prisma.auditEntry.count({ where: { entityType: 'seat-target', entityId: SEAT } }),
    ).toBe(0);
    const versionAfter = await direct.prisma.seatDataVersion.findUniqueOrThrow({ where: { id: 1 } });
    expect(versionAfter.version).toBe(versionBefore.version);
    // And the same write now succeeds.
    await t.api
      .put(`/api/seats/2024/${SEAT}/target`)
      .set(admin.headers)
      .send({ status: 'WIN', tier: 1, rationale: 'after the outage', version: 0 })
      .expect(200);

    // Two lines for the whole outage, and no stack trace for any request it failed.
    expect(outageLines().map((l) => [l.level, l.msg])).toEqual([
      [40, 'database unavailable'],
      [30, 'database available'],
    ]);
    expect(rawLog.filter((l) => l.includes('"stack"'))).toEqual([]);
    const failed = log.filter((l) => (l.res as { status?: number } | undefined)?.status === 503);
    expect(failed.length).toBe(2); // the write and the admin list (health is not logged per request)
  });
});
