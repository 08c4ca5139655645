// The seat map's selection measures come from the selection layer of the seat list: each 2024 seat's
// latest general or by-election selection, its stage and compliance, for anyone signed in, with its filters,
// sorts and CSV columns, and never a candidate's name.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TSelection } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
const BLYTH = 'E14001107';
const HARTLEPOOL = 'E14001272';
const NAMES = ['Layla Fictional', 'Lenny Madeup'];
let officer: Person;
let member: Person;
let latest: TSelection;

type Row = { code: string; selection?: Record<string, unknown> };
const codes = (body: { items: Row[] }) => body.items.map((s) => s.code);
const clpOf = async (code: string) =>
  (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code, boundarySetCode: '2024' } } })).id;

async function create(clpId: number, body: object): Promise<TSelection> {
  const res = await t.api
    .post('/api/selections')
    .set(officer.headers)
    .send({ clpId, electionType: 'general', ...body })
    .expect(201);
  return res.body as TSelection;
}

beforeAll(async () => {
  const blyth = await clpOf(BLYTH);
  officer = await signedInAs(t, 'selection_officer', { clpId: blyth });
  member = await signedInAs(t, 'member', { clpId: blyth });
  // An older selection, a council one (not the seat's) and the latest: a shortlist of two, neither local.
  await create(blyth, { stage: 'applications_open' });
  latest = await create(blyth, { stage: 'shortlist' });
  await create(blyth, { electionType: 'council', wardName: 'Cowpen', stage: 'longlist' });
  for (const name of NAMES) {
    await t.api
      .post(`/api/selections/${latest.id}/candidacies`)
      .set(officer.headers)
      .send({ stage: 'shortlisted', livesLocally: false, candidate: { name, workingClass: true } })
      .expect(201);
  }
});

const seats = async (query: string, who: Person | null = member) => {
  const req = t.api.get(`/api/seats?boundarySet=2024&${query}`);
  return (await (who ? req.set(who.headers) : req).expect(200)).body as {
    items: Row[];
    total: number;
    layers: Record<string, string>;
  };
};

describe('the selection layer', () => {
  it("gives signed-in callers the seat's latest selection, its stage and that it breaks a rule", async () => {
    const list = await seats(`q=${BLYTH}`);
    expect(list.layers.selection).toBe('public');
    expect(list.items[0]!.selection).toEqual({
      selectionId: latest.id,
      selectionStage: 'shortlist',
      selectionCompliance: 'broken',
      selectionBroken: 1,
    });
    const raw = JSON.stringify(list);
    for (const name of NAMES) expect(raw).not.toContain(name);
    const detail = await t.api.get(`/api/seats/2024/${HARTLEPOOL}`).set(member.headers).expect(200);
    expect(detail.body.selection).toEqual({
      selectionId: null,
      selectionStage: null,
      selectionCompliance: null,
      selectionBroken: 0,
    });
  });

  it('shows nothing of selections to someone signed out, and refuses them the filters', async () => {
    const list = await seats(`q=${BLYTH}`, null);
    expect(list.layers).not.toHaveProperty('selection');
    expect(list.items[0]).not.toHaveProperty('selection');
    const res = await t.api.get('/api/seats?boundarySet=2024&selectionCompliance=broken').expect(401);
    expect(res.body.error.details).toEqual([
      { field: 'selectionCompliance', message: 'needs you to sign in' },
    ]);
  });

  it('filters by compliance and by stage, or seats with no selection', async () => {
    expect(codes(await seats('selectionCompliance=broken'))).toEqual([BLYTH]);
    expect(codes(await seats('selectionStage=shortlist'))).toEqual([BLYTH]);
    expect(codes(await seats('selectionStage=longlist'))).toEqual([]);
    const none = await seats('selectionCompliance=none');
    expect(none.total).toBe(650 - 1);
    expect(codes(none)).not.toContain(BLYTH);
    expect((await seats('selectionStage=none')).total).toBe(650 - 1);
    const bad = await t.api
      .get('/api/seats?boundarySet=2024&selectionCompliance=off')
      .set(member.headers)
      .expect(400);
    expect(bad.body.error.details[0].field).toBe('selectionCompliance');
  });

  it('sorts by stage and by compliance, furthest and worst first when descending', async () => {
    expect(codes(await seats('sort=-selectionStage&limit=1'))).toEqual([BLYTH]);
    expect(codes(await seats('sort=-selectionCompliance&limit=1'))).toEqual([BLYTH]);
  });

  it('adds its columns to the seat CSV, without names', async () => {
    const csv = await t.api.get(`/api/seats.csv?boundarySet=2024&q=${BLYTH}`).set(member.headers).expect(200);
    const [row] = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      selection_id: String(latest.id),
      selection_stage: 'shortlist',
      selection_compliance: 'broken',
      selection_broken_rules: '1',
    });
    for (const name of NAMES) expect(csv.text).not.toContain(name);
    const anon = await t.api.get(`/api/seats.csv?boundarySet=2024&q=${BLYTH}`).expect(200);
    expect(anon.text.split('\n')[0]).not.toContain('selection');
  });

  it('shows a change to the selection at once', async () => {
    // Before the shortlist stage the pool can still change, so the share is only at risk.
    const now = (await t.api.get(`/api/selections/${latest.id}`).set(officer.headers).expect(200)).body;
    await t.api
      .patch(`/api/selections/${latest.id}`)
      .set(officer.headers)
      .send({ version: now.version, stage: 'applications_open' })
      .expect(200);
    const row = (await seats(`q=${BLYTH}`)).items[0]!.selection;
    expect(row).toMatchObject({ selectionStage: 'applications_open', selectionCompliance: 'at_risk' });
  });
});
