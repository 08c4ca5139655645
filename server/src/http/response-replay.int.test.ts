import { pino } from 'pino';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { signedInAs } from '../test/people.ts';
import { useTestApp } from '../test/test-app.ts';

const t = useTestApp();
const url = '/api/seats?boundarySet=2010&region=E12000001';

describe('replaying cacheable responses', () => {
  it('answers a repeat with the same headers and body as the first, with its own request id', async () => {
    const first = await t.api.get(url).expect(200);
    const second = await t.api.get(url).expect(200);
    expect(second.text).toBe(first.text);
    const stable = (h: Record<string, string>) => {
      const { date: _d, 'x-request-id': _id, ...rest } = h;
      return rest;
    };
    expect(stable(second.headers)).toEqual(stable(first.headers));
    expect(second.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    await t.api.get(url).set('If-None-Match', first.headers.etag!).expect(304);
    const head = await t.api.head(url).expect(200);
    expect(head.headers.etag).toBe(first.headers.etag);
  });

  it('never serves data older than the latest load by more than a second, whichever process loaded it', async () => {
    const before = await t.api.get(url).expect(200);
    expect(before.body.items.map((s: { name: string }) => s.name)).toContain('Blyth Valley');
    // What a data load in another process does: change rows, then record a new dataset_import.
    await t.db.prisma.constituency.update({
      where: { boundarySetCode_code: { boundarySetCode: '2010', code: 'E14000575' } },
      data: { name: 'Blyth Valley (renamed)' },
    });
    await t.db.prisma.datasetImport.create({
      data: { source: 'test', startedAt: new Date(), summary: {} },
    });
    await expect
      .poll(async () => (await t.api.get(url)).body.items.map((s: { name: string }) => s.name), {
        timeout: 3000,
        interval: 200,
      })
      .toContain('Blyth Valley (renamed)');
  });

  it('never remembers a 304: a conditional first request leaves later plain ones with their Content-Type', async () => {
    // Bug: a first request with If-None-Match got 304, and every later plain request got a 200 with no
    // Content-Type until the next import. A fresh instance, so this URL's first request is the conditional one.
    const fresh = supertest(createApp({ db: t.db, config: t.config, logger: pino({ level: 'silent' }) }));
    const list = '/api/seats?boundarySet=2024&region=E12000002';
    for (const path of [list, '/api/geo/2024', '/api/seats.csv?boundarySet=2024&region=E12000002']) {
      const { etag } = (await t.api.get(path).expect(200)).headers;
      await fresh.get(path).set('If-None-Match', etag!).expect(304);
      for (let i = 0; i < 3; i += 1) {
        const plain = await fresh.get(path).expect(200);
        expect(plain.headers['content-type']).toMatch(
          path.includes('csv') ? /^text\/csv/ : /^application\/json/,
        );
        expect(plain.headers.etag).toBe(etag);
      }
    }
  });

  it('never replays a signed-in view to anyone else, nor the public view to someone signed in', async () => {
    const member = await signedInAs(t, 'regional_staff', { regionCode: 'E12000003' });
    const list = '/api/seats?boundarySet=2024&region=E12000003';
    const mine = await t.api.get(list).set(member.headers).expect(200);
    expect(mine.body.layers).toEqual({ target: 'full', pilot: 'counts', selection: 'public' });
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    for (let i = 0; i < 2; i += 1) {
      const anonymous = await t.api.get(list).expect(200);
      expect(anonymous.body.layers).toEqual({});
      expect(anonymous.body.items[0]).not.toHaveProperty('target');
    }
    // The public view is now remembered; a request with a session still gets its own.
    const again = await t.api.get(list).set(member.headers).expect(200);
    expect(again.body.layers).toEqual({ target: 'full', pilot: 'counts', selection: 'public' });
  });
});
