import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/test-app.ts';
import type { THealth, TRegion } from '../../contracts/index.ts';

const t = useTestApp();

describe('reference endpoints', () => {
  it('lists the 12 regions and nations with their seats on each boundary set', async () => {
    const res = await t.api.get('/api/regions').expect(200);
    const items = res.body.items as TRegion[];
    expect(items).toHaveLength(12);
    expect(items.reduce((n, r) => n + r.seats['2010'], 0)).toBe(650);
    expect(items.reduce((n, r) => n + r.seats['2024'], 0)).toBe(650);
    const wales = items.find((r) => r.name === 'Wales')!;
    expect(wales.seats).toEqual({ '2010': 40, '2024': 32 });
  });

  it('lists the elections, marking the notional one', async () => {
    const res = await t.api.get('/api/elections').expect(200);
    const byCode = Object.fromEntries((res.body.items as { code: string }[]).map((e) => [e.code, e]));
    expect(Object.keys(byCode).sort()).toEqual(['GE2017', 'GE2019', 'GE2019N', 'GE2024']);
    expect(byCode.GE2019N).toMatchObject({ boundarySet: '2024', notional: true, polledOn: '2019-12-12' });
    expect(byCode.GE2024).toMatchObject({ boundarySet: '2024', notional: false, polledOn: '2024-07-04' });
  });

  it('gives parties with colours', async () => {
    const res = await t.api.get('/api/parties').expect(200);
    const lab = (res.body.items as { code: string; colour: string }[]).find((p) => p.code === 'Lab');
    expect(lab?.colour).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it('reports the database kind, migrations and data load on /api/health', async () => {
    const res = await t.api.get('/api/health').expect(200);
    const body = res.body as THealth;
    expect(body.status).toBe('ok');
    expect(body.database.kind).toBe(t.db.kind);
    expect(body.database.state).toBe('up');
    expect(body.database.migrations?.pending).toEqual([]);
    expect(body.database.migrations?.applied.length).toBeGreaterThan(0);
    expect(body.data?.loaded).toBe(true);
    expect(body.data?.lastImport?.source).toBeTruthy();
  });

  it('gives the client its tile settings and the attribution the licences require', async () => {
    const res = await t.api.get('/api/config').expect(200);
    expect(res.body.tileUrl).toBe('');
    expect(res.body.dataAttribution.join(' ')).toMatch(/Crown copyright/);
    expect(res.body.dataAttribution.join(' ')).toMatch(/Open Parliament Licence/);
  });

  it('describes the API in OpenAPI 3, generated from the validation schemas', async () => {
    const res = await t.api.get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const seats = res.body.paths['/api/seats'].get;
    const boundarySet = seats.parameters.find((p: { name: string }) => p.name === 'boundarySet');
    expect(boundarySet.schema.enum).toEqual(['2010', '2024']);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/seats/{boundarySet}/{code}',
        '/api/targets',
        '/api/geo/{boundarySet}',
        '/api/health',
      ]),
    );
    // Ids and query numbers show the form they must take: digits in a path, bounds in a body.
    type Param = { name: string; schema: Record<string, unknown>; description?: string };
    const param = (op: { parameters: Param[] }, name: string) => op.parameters.find((p) => p.name === name);
    const grants = res.body.paths['/api/admin/users/{id}/grants'].post;
    expect(param(grants, 'id')).toMatchObject({
      in: 'path',
      schema: { type: 'string', pattern: '^[1-9][0-9]{0,9}$' },
      description: expect.stringMatching(/user id: a whole number from 1 to 2147483647/),
    });
    expect(grants.requestBody.content['application/json'].schema.properties.clpId).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 2147483647,
    });
    expect(param(seats, 'limit')).toMatchObject({
      required: false,
      schema: { type: 'string', pattern: '^-?[0-9]+$', default: '1000' },
      description: 'A whole number from 1 to 1000 (default 1000)',
    });
    expect(param(seats, 'q')?.schema).toMatchObject({ type: 'string', maxLength: 100 });

    // Every status a route gives is listed (the fuzz test holds every answer to it): its success status,
    // its own errors, and those of its kind.
    const statuses = (path: string, method: string) => Object.keys(res.body.paths[path][method].responses);
    expect(statuses('/api/admin/users', 'post')).toEqual(
      expect.arrayContaining(['201', '409', '413', '415', '503']),
    );
    expect(statuses('/api/admin/users', 'post')).not.toContain('200');
    expect(statuses('/api/auth/sign-out', 'post')).toContain('204');
    expect(statuses('/api/auth/sign-in', 'post')).toContain('429');
    expect(statuses('/api/seats/2024/{code}/target', 'put')).toContain('409');
    expect(statuses('/api/targets/board', 'get')).toEqual(
      expect.arrayContaining(['200', '304', '404', '503']),
    );
    // Objects, not strings, where the answer is JSON without a schema of its own.
    expect(
      res.body.paths['/api/openapi.json'].get.responses['200'].content['application/json'].schema,
    ).toEqual({ type: 'object' });
    expect(
      res.body.paths['/api/geo/{boundarySet}'].get.responses['200'].content['application/json'].schema
        .properties.type,
    ).toEqual({ type: 'string', enum: ['Topology'] });
  });

  it('answers unknown API routes and malformed bodies with the JSON error shape, never a 500', async () => {
    const missing = await t.api.get('/api/nothing-here').expect(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND' });
    const malformed = await t.api
      .post('/api/seats')
      .set('Content-Type', 'application/json')
      .send('{"x":')
      .expect(400);
    expect(malformed.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Malformed JSON in the request body',
    });
    const big = await t.api
      .post('/api/seats')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ x: 'a'.repeat(200_000) }))
      .expect(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const badUrl = await t.api.get('/api/seats/2024/%E0%A4%A').expect(400);
    expect(badUrl.body.error.message).toBe('Malformed percent-encoding in the URL');
    const security = await t.api.get('/api/health');
    expect(security.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(security.headers['x-request-id']).toBeTruthy();
  });
});

describe('GET /api/clps', () => {
  it('lists the CLPs with their seat and region, searchable and by region', async () => {
    const all = await t.api.get('/api/clps?limit=650').expect(200);
    expect(all.body.total).toBe(650);
    const blyth = await t.api.get('/api/clps?q=blyth').expect(200);
    expect(blyth.body.items).toEqual([
      expect.objectContaining({
        name: 'Blyth and Ashington CLP',
        seat: { code: 'E14001107', name: 'Blyth and Ashington' },
        region: { code: 'E12000001', name: 'North East' },
      }),
    ]);
    const wales = await t.api.get('/api/clps?region=W92000004&limit=100').expect(200);
    expect(wales.body.total).toBe(32);
    const bad = await t.api.get('/api/clps?region=wales').expect(400);
    expect(bad.body.error.details[0].field).toBe('region');
  });
});
