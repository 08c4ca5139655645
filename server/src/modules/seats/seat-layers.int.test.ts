// The seat list joins the seat layers (targets) on the server: each caller gets exactly the fields their
// access allows, in JSON, CSV and the seat detail, and a write shows everywhere at once. This extends the
// authorization matrix from routes to fields.
import { parse } from 'csv-parse/sync';
import { pino } from 'pino';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
const people = {} as Record<'member' | 'regional staff' | 'admin', Person>;

// Hartlepool (North East, 2024 boundaries) gets a target with a red-wall override; Chingford does not.
const HARTLEPOOL = 'E14001272';
const LIST = `/api/seats?boundarySet=2024&q=Hartlepool`;
const DETAIL = `/api/seats/2024/${HARTLEPOOL}`;
const CSV = `/api/seats.csv?boundarySet=2024&q=Hartlepool`;
let computed: boolean;

const BASE_CSV = [
  'ons_code', 'name', 'boundary_set', 'region', 'nation', 'election', 'winner', 'second', 'majority',
  'majority_pct', 'turnout_pct', 'winner_share_pct', 'lab_share_pct', 'swing_needed_pct', 'swing_kind',
  'changed_hands', 'result', 'red_wall', 'red_wall_computed', 'leave_pct', 'deprivation_decile', 'electorate',
]; // prettier-ignore
const STATUS_CSV = ['target_status', 'target_tier'];
// The pilot layer's counts, for anyone signed in (its own cases: pilots/pilots-layer.int.test.ts).
const PILOT_CSV = ['pilots', 'pilots_running', 'activities_90_days'];
// The selection layer's stage and state, for anyone signed in (selections/selections-layer.int.test.ts).
const SELECTION_CSV = ['selection_id', 'selection_stage', 'selection_compliance', 'selection_broken_rules'];
const FULL_CSV = [
  ...STATUS_CSV,
  'target_rationale',
  'red_wall_override',
  'red_wall_reason',
  'target_updated_at',
  'target_updated_by',
];
const FULL_FIELDS = [
  'rationale',
  'redWallOverride',
  'redWallReason',
  'status',
  'tier',
  'updatedAt',
  'updatedBy',
];

const headersOf = (who: Caller) => (who === 'signed out' ? {} : people[who].headers);
type Caller = 'signed out' | keyof typeof people;
type Level = 'none' | 'status' | 'full';

async function setVisibility(body: { public: boolean; detailsPublic?: boolean }) {
  await t.api.put('/api/settings/targets-public').set(people.admin.headers).send(body).expect(200);
}

beforeAll(async () => {
  const clp = await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code: HARTLEPOOL } } });
  people.member = await signedInAs(t, 'member', { clpId: clp.id });
  people['regional staff'] = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  people.admin = await signedInAs(t, 'admin');
  const before = await t.api.get(DETAIL).expect(200);
  computed = before.body.redWallComputed;
  await t.api
    .put(`/api/seats/2024/${HARTLEPOOL}/target`)
    .set(people['regional staff'].headers)
    .send({
      status: 'DEFEND',
      tier: 1,
      rationale: '=HYPERLINK("http://evil.example") Reform second',
      redWallOverride: !computed,
      redWallReason: 'Lost heavily to Reform in 2024',
      version: 0,
    })
    .expect(200);
});

describe('what each caller sees of the target layer', () => {
  const cases: [string, { public: boolean; detailsPublic?: boolean }, Record<Caller, Level>][] = [
    [
      'targets private (the default)',
      { public: false },
      { 'signed out': 'none', member: 'full', 'regional staff': 'full', admin: 'full' },
    ],
    [
      'targets public, details not',
      { public: true, detailsPublic: false },
      { 'signed out': 'status', member: 'full', 'regional staff': 'full', admin: 'full' },
    ],
    [
      'targets and their details public',
      { public: true, detailsPublic: true },
      { 'signed out': 'full', member: 'full', 'regional staff': 'full', admin: 'full' },
    ],
  ];

  for (const [setting, visibility, levels] of cases) {
    describe(setting, () => {
      beforeAll(() => setVisibility(visibility));

      for (const [caller, level] of Object.entries(levels) as [Caller, Level][]) {
        it(`${caller} gets the ${level === 'none' ? 'seats without targets' : `${level} target layer`}`, async () => {
          const list = await t.api.get(LIST).set(headersOf(caller)).expect(200);
          const detail = await t.api.get(DETAIL).set(headersOf(caller)).expect(200);
          const pilots = caller !== 'signed out';
          for (const body of [list.body, detail.body]) {
            expect(body.layers).toEqual({
              ...(level === 'none' ? {} : { target: level }),
              ...(pilots ? { pilot: 'counts', selection: 'public' } : {}),
            });
          }
          const row = list.body.items.find((s: { code: string }) => s.code === HARTLEPOOL);
          for (const seat of [row, detail.body]) {
            expect(seat.redWallComputed).toBe(computed);
            expect(seat.redWall).toBe(level === 'full' ? !computed : computed);
            if (level === 'none') expect(seat).not.toHaveProperty('target');
            if (pilots) expect(seat.pilot).toEqual({ pilots: 0, running: 0, activities90: 0 });
            else expect(seat).not.toHaveProperty('pilot');
            if (level === 'status') expect(seat.target).toEqual({ status: 'DEFEND', tier: 1 });
            if (level === 'full') {
              expect(Object.keys(seat.target).sort()).toEqual(FULL_FIELDS);
              expect(seat.target).toMatchObject({
                status: 'DEFEND',
                tier: 1,
                redWallOverride: !computed,
                redWallReason: 'Lost heavily to Reform in 2024',
                updatedBy: { name: 'Test regional staff' },
              });
            }
          }
          // A response the public would not get is private, so no shared cache keeps it.
          // (Signed in, the pilot layer alone makes it so.)
          const shared = level === levels['signed out'] && !pilots;
          expect(list.headers['cache-control']).toBe(shared ? 'no-cache' : 'private, no-cache');
          expect(list.headers.vary).toMatch(/Cookie/);

          const csv = await t.api.get(CSV).set(headersOf(caller)).expect(200);
          const [header, line] = csv.text.trim().split('\n');
          const layerColumns = level === 'none' ? [] : level === 'status' ? STATUS_CSV : FULL_CSV;
          expect(header!.split(',')).toEqual([
            ...BASE_CSV,
            ...layerColumns,
            ...(pilots ? [...PILOT_CSV, ...SELECTION_CSV] : []),
          ]);
          expect(line).toContain(`,${level === 'full' ? !computed : computed},${computed},`);
          if (level === 'full') {
            // Typed text is neutralised so a spreadsheet never runs it as a formula.
            expect(line).toContain(`"'=HYPERLINK(""http://evil.example"") Reform second"`);
          }
        });
      }
    });
  }
});

describe('filters and sorting on layers', () => {
  beforeAll(() => setVisibility({ public: false }));

  it('filters and sorts on the target status and tier, for those who may see them', async () => {
    const { headers } = people.member;
    const defend = await t.api
      .get('/api/seats?boundarySet=2024&target=DEFEND&tier=1')
      .set(headers)
      .expect(200);
    expect(defend.body.items.map((s: { code: string }) => s.code)).toContain(HARTLEPOOL);
    expect(defend.body.items.every((s: { target: { status: string } }) => s.target.status === 'DEFEND')).toBe(
      true,
    );
    const none = await t.api.get('/api/seats?boundarySet=2024&target=NONE').set(headers).expect(200);
    expect(none.body.items.map((s: { code: string }) => s.code)).not.toContain(HARTLEPOOL);
    const sorted = await t.api
      .get('/api/seats?boundarySet=2024&sort=target&limit=3')
      .set(headers)
      .expect(200);
    expect(sorted.body.items[0].target.status).not.toBe('NONE');
    const csv = await t.api.get('/api/seats.csv?boundarySet=2024&target=DEFEND').set(headers).expect(200);
    expect(csv.text.trim().split('\n').length - 1).toBe(defend.body.total);
  });

  it('refuses a target filter to someone who may not see targets, naming the field', async () => {
    const res = await t.api.get('/api/seats?boundarySet=2024&target=WIN').expect(401);
    expect(res.body.error.details).toEqual([{ field: 'target', message: 'needs you to sign in' }]);
    await t.api.get('/api/seats?boundarySet=2024&sort=-tier').expect(401);
    const old = await t.api
      .get('/api/seats?boundarySet=2010&target=WIN')
      .set(people.member.headers)
      .expect(400);
    expect(old.body.error.details[0].field).toBe('target');
    const bad = await t.api.get('/api/seats?boundarySet=2024&tier=4').set(people.member.headers).expect(400);
    expect(bad.body.error.details[0].field).toBe('tier');
  });

  it('finds a seat by its ONS code as well as its name', async () => {
    const res = await t.api.get(`/api/seats?boundarySet=2024&q=${HARTLEPOOL.toLowerCase()}`).expect(200);
    expect(res.body.items.map((s: { code: string }) => s.code)).toEqual([HARTLEPOOL]);
  });
});

describe('a red-wall override', () => {
  it('changes the list, the filter, the detail and the CSV in one step', async () => {
    const { headers } = people['regional staff'];
    const code = 'E14001107'; // Blyth and Ashington
    const flagged = async () => {
      const list = await t.api.get(`/api/seats?boundarySet=2024&q=${code}`).set(headers).expect(200);
      const filter = await t.api.get('/api/seats?boundarySet=2024&redWall=true').set(headers).expect(200);
      const detail = await t.api.get(`/api/seats/2024/${code}`).set(headers).expect(200);
      const csv = await t.api.get(`/api/seats.csv?boundarySet=2024&q=${code}`).set(headers).expect(200);
      return [
        list.body.items[0].redWall,
        filter.body.items.some((s: { code: string }) => s.code === code),
        detail.body.redWall,
        (parse(csv.text, { columns: true }) as Record<string, string>[])[0]!.red_wall === 'true',
      ];
    };
    // The same seat seen from the 2010 seat it was mostly made from (its detail lists its successors).
    const current = await t.api.get(`/api/seats/2024/${code}`).set(headers).expect(200);
    const predecessor = current.body.predecessors[0].code as string;
    const successorFlag = async () => {
      const old = await t.api.get(`/api/seats/2010/${predecessor}`).set(headers).expect(200);
      return old.body.successors.find((s: { code: string }) => s.code === code).redWall as boolean;
    };
    const before = [...(await flagged()), await successorFlag()];
    expect(new Set(before).size).toBe(1);
    const target = await t.api.get(`/api/seats/2024/${code}/target`).set(headers).expect(200);
    await t.api
      .put(`/api/seats/2024/${code}/target`)
      .set(headers)
      .send({
        status: 'NONE',
        redWallOverride: !before[0],
        redWallReason: 'Staff judgement',
        version: target.body.version,
      })
      .expect(200);
    expect([...(await flagged()), await successorFlag()]).toEqual(before.map((v) => !v));
  });
});

describe('seat data across server instances', () => {
  it('shows a write made through one instance in another instance within a second', async () => {
    const other = supertest(createApp({ db: t.db, config: t.config, logger: pino({ level: 'silent' }) }));
    await setVisibility({ public: true });
    const url = '/api/seats?boundarySet=2024&target=HOLD';
    const codes = (body: { items: { code: string }[] }) => body.items.map((s) => s.code);
    // Warm both of the other instance's caches: its read model (signed in) and its replay (signed out).
    expect(codes((await other.get(url).set(people.member.headers).expect(200)).body)).not.toContain(
      HARTLEPOOL,
    );
    await other.get(url).expect(200);
    expect(codes((await other.get(url).expect(200)).body)).not.toContain(HARTLEPOOL);

    const current = await t.api.get(`/api/seats/2024/${HARTLEPOOL}/target`).set(people.admin.headers);
    await t.api
      .put(`/api/seats/2024/${HARTLEPOOL}/target`)
      .set(people.admin.headers)
      .send({ status: 'HOLD', tier: 2, version: current.body.version })
      .expect(200);
    const written = performance.now();
    for (const headers of [people.member.headers, {}]) {
      while (!codes((await other.get(url).set(headers).expect(200)).body).includes(HARTLEPOOL)) {
        expect(performance.now() - written).toBeLessThan(1000);
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    expect(performance.now() - written).toBeLessThan(1000);
  });
});

describe('the pilot layer', () => {
  it('shows its counts to every signed-in caller and nothing to the public, in JSON, detail and CSV', async () => {
    const { makePilot } = await import('../pilots/boards.fixtures.ts');
    await makePilot(t.db.prisma, HARTLEPOOL, { status: 'paused', startsOn: '2026-02-01' });
    await t.api.put('/api/settings/targets-public').set(people.admin.headers).send({ public: false });
    for (const caller of ['signed out', 'member', 'regional staff', 'admin'] as const) {
      const expected = caller === 'signed out' ? undefined : { pilots: 1, running: 1, activities90: 0 };
      let list = await t.api.get(LIST).set(headersOf(caller)).expect(200);
      // Written straight to the database: the version check picks it up within a second.
      for (let i = 0; expected && list.body.items[0].pilot?.pilots !== 1 && i < 40; i++) {
        await new Promise((r) => setTimeout(r, 25));
        list = await t.api.get(LIST).set(headersOf(caller)).expect(200);
      }
      const detail = await t.api.get(DETAIL).set(headersOf(caller)).expect(200);
      const csv = await t.api.get(CSV).set(headersOf(caller)).expect(200);
      const [row] = parse(csv.text, { columns: true }) as Record<string, string>[];
      expect(list.body.items[0].pilot).toEqual(expected);
      expect(detail.body.pilot).toEqual(expected);
      if (expected) expect(row).toMatchObject({ pilots: '1', pilots_running: '1', activities_90_days: '0' });
      else expect(row).not.toHaveProperty('pilots');
    }
  });
});
