import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();

/** The body as bytes (supertest has already undone the gzip; Content-Length is what was on the wire). */
function raw(path: string) {
  return t.api
    .get(path)
    .set('Accept-Encoding', 'gzip')
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}

describe.each(['2010', '2024'])('map payloads for the %s boundaries', (set) => {
  it('serves every seat as gzipped TopoJSON under the size budget, with a strong ETag and 304', async () => {
    const res = await raw(`/api/geo/${set}`).expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(Number(res.headers['content-length'])).toBeLessThan(400 * 1024);
    const topo = JSON.parse((res.body as Buffer).toString()) as Topology;
    const seats = topo.objects.seats as unknown as {
      geometries: { id: string; type: string; properties: { name: string } }[];
    };
    expect(seats.geometries).toHaveLength(650);
    expect(seats.geometries.every((g) => /^[ESWN]\d{8}$/.test(g.id) && g.type.endsWith('Polygon'))).toBe(
      true,
    );
    await t.api.get(`/api/geo/${set}`).set('If-None-Match', res.headers.etag!).expect(304);
  });

  it('serves the hex cartogram: one hexagon per seat, no two on the same cell', async () => {
    const res = await t.api.get(`/api/hex/${set}`).expect(200);
    const hexes = Object.values(res.body.hexes as Record<string, { q: number; r: number; n: string }>);
    expect(res.body.layout).toBe('odd-r');
    expect(hexes).toHaveLength(650);
    expect(new Set(hexes.map((h) => `${h.q},${h.r}`)).size).toBe(650);
  });
});

it('rejects an unknown boundary set with 400', async () => {
  const res = await t.api.get('/api/geo/2019').expect(400);
  expect(res.body.error.details[0]).toMatchObject({ field: 'boundarySet' });
});

it('rejects query parameters the map payloads do not take, so junk URLs cannot crowd the replay', async () => {
  for (const url of ['/api/geo/2024?junk=1', '/api/hex/2010?v=2']) {
    const res = await t.api.get(url).expect(400);
    expect(res.body.error.details[0].message).toMatch(/unrecognized|unknown/i);
  }
});
