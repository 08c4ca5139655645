import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/test-app.ts';

// A stand-in for client/dist: the test app must not depend on a client build.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-client-dist-'));
const INDEX = '<!doctype html><title>Groundwork</title><div id="root"></div>';
const SCRIPT = `console.log(${JSON.stringify('seat map '.repeat(200))});`;
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
fs.writeFileSync(path.join(dist, 'assets/index-Ab12Cd34.js'), SCRIPT);
fs.writeFileSync(path.join(dist, 'assets/index-Ab12Cd34.js.map'), '{"version":3}');
fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const t = useTestApp({ CLIENT_DIST: dist });

/** The URLs of a Link header's preloads, checking each is a credentialed-same-origin fetch preload. */
function preloads(link: string | undefined): string[] {
  if (!link) return [];
  return link.split(', ').map((entry) => {
    expect(entry).toMatch(/^<[^>]+>; rel=preload; as=fetch; crossorigin$/);
    return entry.slice(1, entry.indexOf('>'));
  });
}

describe('serving the client', () => {
  it('sends the map page with its first API requests preloaded, revalidated on every visit', async () => {
    const res = await t.api.get('/').expect(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(preloads(res.headers.link)).toEqual([
      '/api/geo/2024',
      '/api/seats?boundarySet=2024&election=GE2024&sort=name',
      '/api/parties',
      '/api/config',
    ]);
  });

  it('sends /index.html as the map page: revalidated on every visit, with the same preloads', async () => {
    const root = await t.api.get('/').expect(200);
    const named = await t.api.get('/index.html').expect(200);
    expect(named.text).toBe(INDEX);
    expect(named.headers['cache-control']).toBe('no-cache');
    expect(preloads(named.headers.link)).toEqual(preloads(root.headers.link));
  });

  it('preloads for the view in the URL, and every preload is a request the API answers', async () => {
    const cases: [string, string[]][] = [
      [
        '/?boundarySet=2010&view=hex&seat=E14000575&measure=majorityPct',
        [
          '/api/hex/2010',
          '/api/seats?boundarySet=2010&election=GE2019&sort=name',
          '/api/parties',
          '/api/config',
        ],
      ],
      [
        '/?boundarySet=2024&election=GE2019N&sort=-majorityPct',
        [
          '/api/geo/2024',
          '/api/seats?boundarySet=2024&election=GE2019N&sort=-majorityPct',
          '/api/parties',
          '/api/config',
        ],
      ],
      // An election on the other boundaries, an unknown sort: the client falls back to the defaults.
      [
        '/?boundarySet=2024&election=GE2017&sort=nonsense',
        [
          '/api/geo/2024',
          '/api/seats?boundarySet=2024&election=GE2024&sort=name',
          '/api/parties',
          '/api/config',
        ],
      ],
      // Filters: the list URL is the client's to build, so it is not guessed.
      ['/?region=E12000001&redWall=true', ['/api/geo/2024', '/api/parties', '/api/config']],
      // A sort on a layer the caller may not see is changed by the client: not preloaded (it would be a 401).
      ['/?boundarySet=2024&sort=target', ['/api/geo/2024', '/api/parties', '/api/config']],
      ['/?boundarySet=2010&sort=-tier', ['/api/geo/2010', '/api/parties', '/api/config']],
    ];
    for (const [page, expected] of cases) {
      const urls = preloads((await t.api.get(page).expect(200)).headers.link);
      expect(urls, page).toEqual(expected);
      for (const url of urls) {
        const api = await t.api.get(url);
        expect(api.status, url).toBe(200);
        expect(api.headers['content-type'], url).toMatch(/^application\/json/);
      }
    }
  });

  it('sends index.html without preloads for the other pages and for unknown paths', async () => {
    for (const page of ['/board', '/admin', '/set-password', '/board/', '/no/such/page']) {
      const res = await t.api.get(page).expect(page.startsWith('/no') ? 404 : 200);
      expect(res.text, page).toBe(INDEX);
      expect(res.headers.link, page).toBeUndefined();
    }
  });

  it('leaves unknown API paths to the API', async () => {
    const res = await t.api.get('/api/no-such-thing').expect(404);
    expect(res.body.error.code).toBeDefined();
  });

  it('serves hashed assets gzipped, cached for a year, with a strong ETag', async () => {
    const file = '/assets/index-Ab12Cd34.js';
    const zipped = await t.api.get(file).set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(zipped.headers['content-type']).toMatch(/^text\/javascript/);
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.text).toBe(SCRIPT); // supertest undoes the gzip

    const plain = await t.api.get(file).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(SCRIPT);
    expect(plain.headers.etag).toBe(zipped.headers.etag);
    await t.api.get(file).set('If-None-Match', plain.headers.etag!).expect(304);
    const head = await t.api.head(file).set('Accept-Encoding', 'identity').expect(200);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(SCRIPT)));
  });

  it('answers a missing asset with 404, not the page, and serves other files for an hour', async () => {
    await t.api.get('/assets/index-Gone0000.js').expect(404);
    await t.api.get('/assets/nested/index-Ab12Cd34.js').expect(404);
    const map = await t.api.get('/assets/index-Ab12Cd34.js.map').expect(200);
    expect(map.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.api.get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('without a client build', () => {
  const bare = useTestApp();

  it('says how to build the client, and still serves the API', async () => {
    const res = await bare.api.get('/').expect(503);
    expect(res.text).toMatch(/npm run build/);
    await bare.api.get('/api/health').expect(200);
  });
});
