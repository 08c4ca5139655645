import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { TSeatDetail, TSeatListResponse, TTargetsResponse } from '../../contracts/index.ts';
import { useTestApp } from '../../test/test-app.ts';
import { loadConfig } from '../../config.ts';
import { defaultOfficialDir } from '../import/bundle.ts';

const t = useTestApp();
const sharedData = defaultOfficialDir(loadConfig({}).repoRoot);

type HocRow = Record<string, string>;
function hocRows(file: string): HocRow[] {
  return parse(fs.readFileSync(path.join(sharedData, 'results', file)), {
    columns: true,
    bom: true,
  }) as HocRow[];
}

async function list(query: string): Promise<TSeatListResponse> {
  const res = await t.api.get(`/api/seats?${query}`).expect(200);
  return res.body as TSeatListResponse;
}

describe('GET /api/seats', () => {
  it('lists all 650 seats of each boundary set with their latest result', async () => {
    const s2024 = await list('boundarySet=2024');
    const s2010 = await list('boundarySet=2010');
    expect(s2024.total).toBe(650);
    expect(s2024.items).toHaveLength(650);
    expect(s2024.election).toBe('GE2024');
    expect(s2010.total).toBe(650);
    expect(s2010.election).toBe('GE2019');
    expect(new Set(s2024.items.map((s) => s.code)).size).toBe(650);
  });

  // Column names per file: the 2017 file is snake_case, the notional file has its own layout.
  const files = {
    GE2017: {
      set: '2010',
      file: 'HoC-GE2017-results-by-constituency.csv',
      code: 'ons_id',
      majority: 'majority',
      valid: 'valid_votes',
      electorate: 'electorate',
      result: 'result',
    },
    GE2019: {
      set: '2010',
      file: 'HoC-GE2019-results-by-constituency.csv',
      code: 'ONS ID',
      majority: 'Majority',
      valid: 'Valid votes',
      electorate: 'Electorate',
      result: 'Result',
    },
    GE2019N: {
      set: '2024',
      file: 'notional-GE2019-on-2024-boundaries.csv',
      code: 'ONS code',
      majority: 'majority',
      valid: 'total_votes',
      electorate: 'electorate',
      result: undefined,
    },
    GE2024: {
      set: '2024',
      file: 'HoC-GE2024-results-by-constituency.csv',
      code: 'ONS ID',
      majority: 'Majority',
      valid: 'Valid votes',
      electorate: 'Electorate',
      result: 'Result',
    },
  } as const;

  it.each(Object.entries(files))('matches the published file for every seat at %s', async (election, f) => {
    const body = await list(`boundarySet=${f.set}&election=${election}`);
    const bySeat = new Map(body.items.map((s) => [s.code, s]));
    const rows = hocRows(f.file);
    expect(rows).toHaveLength(650);
    for (const row of rows) {
      const seat = bySeat.get(row[f.code]!);
      expect(seat, row[f.code]).toBeDefined();
      expect(seat!.result?.majority, seat!.name).toBe(Number(row[f.majority]));
      if (f.result) expect(seat!.result?.resultText).toBe(row[f.result]);
      const valid = Number(row[f.valid]);
      expect(seat!.result!.turnoutPct, seat!.name).toBeCloseTo((valid / Number(row[f.electorate])) * 100, 1);
    }
  });

  it('filters by region, winner, red wall, name and swing, and sorts', async () => {
    const ne = await list('boundarySet=2010&region=E12000001');
    expect(ne.total).toBe(29);
    expect(ne.items.every((s) => s.region.name === 'North East')).toBe(true);

    const lab = await list('boundarySet=2024&winner=Lab');
    expect(lab.total).toBe(411);

    const redWall = await list('boundarySet=2010&redWall=true');
    expect(redWall.total).toBeGreaterThan(30);
    expect(redWall.items.every((s) => s.redWall && s.result?.winner === 'Con')).toBe(true);
    expect(redWall.items.map((s) => s.name)).toEqual(expect.arrayContaining(['Blyth Valley', 'Bury North']));

    expect((await list('boundarySet=2010&q=blyth')).items.map((s) => s.name)).toEqual(['Blyth Valley']);
    expect((await list('boundarySet=2024&q=ynys%20mon')).items.map((s) => s.name)).toEqual(['Ynys Môn']);

    const close = await list('boundarySet=2010&maxSwing=0.5&sort=swingNeeded');
    expect(close.items.length).toBeGreaterThan(5);
    expect(close.items.every((s) => s.result!.swingNeeded <= 0.5)).toBe(true);
    const swings = close.items.map((s) => s.result!.swingNeeded);
    expect(swings).toEqual([...swings].sort((a, b) => a - b));

    const big = await list('boundarySet=2024&sort=-majority&limit=3');
    expect(big.items).toHaveLength(3);
    expect(big.total).toBe(650);
    expect(big.items[0]!.result!.majority).toBeGreaterThanOrEqual(big.items[1]!.result!.majority);
    const next = await list('boundarySet=2024&sort=-majority&limit=3&offset=1');
    expect(next.items[0]!.code).toBe(big.items[1]!.code);
  });

  it('exports the same rows as CSV, by extension or by Accept header', async () => {
    const json = await list('boundarySet=2010&region=E12000001&sort=name');
    const byPath = await t.api.get('/api/seats.csv?boundarySet=2010&region=E12000001&sort=name').expect(200);
    expect(byPath.headers['content-type']).toMatch(/^text\/csv/);
    expect(byPath.headers['content-disposition']).toMatch(/attachment; filename="seats-2010-E12000001\.csv"/);
    const rows = parse(byPath.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.ons_code)).toEqual(json.items.map((s) => s.code));
    const blyth = rows.find((r) => r.name === 'Blyth Valley')!;
    expect(blyth).toMatchObject({ majority: '712', winner: 'Con', second: 'Lab', red_wall: 'true' });

    const byAccept = await t.api
      .get('/api/seats?boundarySet=2010&region=E12000001&sort=name')
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byAccept.text).toBe(byPath.text);
  });

  it('answers a repeated request with 304 when the client has the current version', async () => {
    const first = await t.api.get('/api/seats?boundarySet=2024&region=E12000003').expect(200);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    await t.api
      .get('/api/seats?boundarySet=2024&region=E12000003')
      .set('If-None-Match', first.headers.etag!)
      .expect(304);
  });

  it.each([
    ['boundarySet=2019', 'boundarySet'],
    ['boundarySet=2024&election=GE2019', 'election'],
    ['election=GE2030', 'election'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1', 'offset'],
    ['sort=colour', 'sort'],
    ['redWall=yes', 'redWall'],
    ['region=north', 'region'],
    ['minSwing=5&maxSwing=2', 'minSwing'],
    ['maxSwing=NaN', 'maxSwing'],
    ['winner=%3Cscript%3E', 'winner'],
    ['colour=red', '(request)'],
    ['region=E12000001&region=E12000002', 'region'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const res = await t.api.get(`/api/seats?${query}`).expect(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.requestId).toBeTruthy();
    const details = res.body.error.details as { field: string; message: string }[];
    expect(details.map((d) => d.field)).toContain(field);
    if (field === '(request)') expect(details[0]!.message).toMatch(/colour/);
  });
});

describe('GET /api/seats/:boundarySet/:code', () => {
  it('gives Bury North every election, votes per party and its 2024 successor', async () => {
    const res = await t.api.get('/api/seats/2010/E14000611').expect(200);
    const seat = res.body as TSeatDetail;
    expect(seat.name).toBe('Bury North');
    expect(seat.redWall).toBe(true);
    const ge2019 = seat.results.find((r) => r.election === 'GE2019')!;
    expect(ge2019).toMatchObject({
      majority: 105,
      winner: 'Con',
      second: 'Lab',
      validVotes: 46841,
      electorate: 68802,
    });
    expect(ge2019.invalidVotes).toBe(111);
    expect(ge2019.votes.slice(0, 2)).toEqual([
      expect.objectContaining({ party: 'Con', votes: 21660 }),
      expect.objectContaining({ party: 'Lab', votes: 21555 }),
    ]);
    const ge2017 = seat.results.find((r) => r.election === 'GE2017')!;
    expect(ge2017).toMatchObject({ winner: 'Lab', majority: 4375 });
    expect(seat.successors.length).toBeGreaterThan(0);
    expect(seat.successors[0]).toMatchObject({ boundarySet: '2024', name: 'Bury North' });
    expect(seat.leavePct).toBeGreaterThan(40);
  });

  it('gives a 2024 seat its notional 2019 result and its 2010 predecessors', async () => {
    const s2024 = await list('boundarySet=2024&q=Blyth%20and%20Ashington');
    const code = s2024.items[0]!.code;
    const seat = (await t.api.get(`/api/seats/2024/${code}`).expect(200)).body as TSeatDetail;
    expect(seat.results.map((r) => r.election)).toEqual(['GE2024', 'GE2019N']);
    expect(seat.results[0]).toMatchObject({ majority: 9173, winner: 'Lab', second: 'RUK', notional: false });
    expect(seat.results[1]!.notional).toBe(true);
    expect(seat.predecessors.map((p) => p.name)).toContain('Blyth Valley');
  });

  it('keeps the two boundary sets apart for the five codes they share', async () => {
    const old = (await t.api.get('/api/seats/2010/S14000045').expect(200)).body as TSeatDetail;
    const now = (await t.api.get('/api/seats/2024/S14000045').expect(200)).body as TSeatDetail;
    expect(old.name).toBe('Midlothian');
    expect(now.name).toBe('Midlothian');
    expect(old.results.map((r) => r.election).sort()).toEqual(['GE2017', 'GE2019']);
    expect(now.results.map((r) => r.election).sort()).toEqual(['GE2019N', 'GE2024']);
  });

  it('404s an unknown seat and 400s a malformed code', async () => {
    const missing = await t.api.get('/api/seats/2024/E14000575').expect(404);
    expect(missing.body.error.message).toMatch(/E14000575/);
    const bad = await t.api.get('/api/seats/2024/blyth').expect(400);
    expect(bad.body.error.details[0].field).toBe('code');
    await t.api.get('/api/seats/2019/E14000575').expect(400);
  });
});

describe('GET /api/targets', () => {
  it('ranks the seats Labour did not win by the swing needed, smallest first', async () => {
    const res = await t.api.get('/api/targets?boundarySet=2010&party=Lab').expect(200);
    const body = res.body as TTargetsResponse;
    expect(body.election).toBe('GE2019');
    expect(body.total).toBe(650 - 202);
    expect(body.items.every((s) => s.winner !== 'Lab')).toBe(true);
    expect(body.items.map((s) => s.rank)).toEqual(body.items.map((_, i) => i + 1));
    const swings = body.items.map((s) => s.swingNeeded);
    expect(swings).toEqual([...swings].sort((a, b) => a - b));
    const bury = body.items.find((s) => s.name === 'Bury North')!;
    expect(bury.swingNeeded).toBeCloseTo(0.11, 2);
    expect(bury.rank).toBeLessThan(5);
  });

  it('narrows by region and maximum swing, and rejects bad input', async () => {
    const res = await t.api.get('/api/targets?boundarySet=2024&region=E12000001&maxSwing=10').expect(200);
    const body = res.body as TTargetsResponse;
    expect(body.items.every((s) => s.region.code === 'E12000001' && s.swingNeeded <= 10)).toBe(true);
    const bad = await t.api.get('/api/targets?maxSwing=-3').expect(400);
    expect(bad.body.error.details[0].field).toBe('maxSwing');
  });
});
