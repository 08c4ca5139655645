import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Router } from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CachedBody } from './cached-response.ts';
import { ResponseReplay } from './response-replay.ts';
import { defineRoute, mountRoutes } from './route.ts';

const silent = pino({ level: 'silent' });

function exchange(url: string, headers: Record<string, string> = {}) {
  const req = new IncomingMessage(new Socket());
  req.method = 'GET';
  req.url = url;
  req.headers = headers;
  const res = new ServerResponse(req);
  res.statusCode = 200;
  return { req, res };
}

const body = (bytes: number) => CachedBody.json({ pad: 'x'.repeat(bytes) });

describe('response replay', () => {
  it('counts a gzip copy made on the way out from the start', () => {
    const replay = new ResponseReplay(() => '1.1', silent);
    const plain = body(50_000);
    const zipped = body(50_000);
    zipped.gzip();
    for (const [url, b] of [
      ['/a', plain],
      ['/b', zipped],
    ] as const) {
      const { req, res } = exchange(url);
      replay.remember(req, res, b, '1.1');
    }
    const sizes = replay.bytes;
    expect(sizes).toBeGreaterThan(2 * 50_000 + zipped.gzip().length);
  });

  it('holds no more bytes than its budget, dropping the oldest first', () => {
    const replay = new ResponseReplay(() => '1.1', silent, 1024 * 1024);
    // About what 600 distinct list URLs would hold (each ~380 KB): far beyond the budget.
    for (let i = 0; i < 600; i += 1) {
      const { req, res } = exchange(`/api/seats?offset=${i}`);
      replay.remember(req, res, body(i % 2 ? 40_000 : 300_000), '1.1');
      expect(replay.bytes).toBeLessThanOrEqual(1024 * 1024);
    }
    expect(replay.size).toBeGreaterThan(2);
    const { req: newest } = exchange('/api/seats?offset=599');
    const answered = exchange('/api/seats?offset=599');
    expect(replay.tryServe(newest, answered.res)).toBe(true);
    expect(replay.tryServe(exchange('/api/seats?offset=0').req, exchange('/').res)).toBe(false);
  });

  it('refuses responses that are not the same for everyone', () => {
    const replay = new ResponseReplay(() => '1.1', silent);
    const cases: ((res: ServerResponse) => void)[] = [
      (res) => res.setHeader('Set-Cookie', 'a=b'),
      (res) => res.setHeader('Cache-Control', 'private, no-cache'),
      (res) => res.setHeader('Cache-Control', 'no-store'),
      (res) => (res.statusCode = 304),
    ];
    for (const mark of cases) {
      const { req, res } = exchange('/api/seats');
      mark(res);
      replay.remember(req, res, body(10), '1.1');
    }
    // A session cookie however it is spelt (the cookie parser accepts spaces before '=').
    for (const cookie of ['gw_session=abc', 'theme=dark; gw_session =abc', 'gw_session="abc"']) {
      const withSession = exchange('/api/seats', { cookie });
      replay.remember(withSession.req, withSession.res, body(10), '1.1');
    }
    // A URL far longer than any the client makes: answered, not remembered (keys are memory too).
    const long = exchange(`/api/seats?q=${'%20'.repeat(1000)}x`);
    replay.remember(long.req, long.res, body(10), '1.1');
    expect(replay.size).toBe(0);
    const other = exchange('/api/seats', { cookie: 'theme=dark' });
    replay.remember(other.req, other.res, body(10), '1.1');
    expect(replay.size).toBe(1);
  });

  it('serves nothing once the version moves, nor to a request with a session', () => {
    let version = '1.1';
    const replay = new ResponseReplay(() => version, silent);
    const { req, res } = exchange('/api/geo/2024');
    replay.remember(req, res, body(10), version);
    const served = exchange('/api/geo/2024');
    expect(replay.tryServe(served.req, served.res)).toBe(true);
    expect(served.res.statusCode).toBe(200);
    version = '1.2';
    expect(replay.tryServe(exchange('/api/geo/2024').req, exchange('/').res)).toBe(false);
    // A request with a session cookie always goes through the app.
    version = '1.1';
    expect(
      replay.tryServe(exchange('/api/geo/2024', { cookie: 'gw_session=x' }).req, exchange('/').res),
    ).toBe(false);
  });

  it('can only be asked for by public GET routes', () => {
    const replay = new ResponseReplay(() => '1', silent);
    const route = (access: 'public' | 'signed-in', method: 'get' | 'post' = 'get') =>
      defineRoute({ method, path: '/x', summary: 'x', tags: [], access, replay: true, handler: () => {} });
    expect(() => mountRoutes(Router(), [route('signed-in')], { replay })).toThrow(/only public GET routes/);
    expect(() => mountRoutes(Router(), [route('public', 'post')], { replay })).toThrow(/only public GET/);
    expect(() => mountRoutes(Router(), [route('public')])).toThrow(/none is set up/);
    expect(() => mountRoutes(Router(), [route('public')], { replay })).not.toThrow();
  });
});
