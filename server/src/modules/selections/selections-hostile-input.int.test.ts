// Hostile input (1/4): ids, query strings and malformed bodies. Setup and helpers: selections-hostile.fixtures.ts.
import { describe, expect, it } from 'vitest';
import { type TSelection } from '../../contracts/index.ts';
import {
  t,
  blythId,
  hartlepoolId,
  officer,
  admin,
  MISSING,
  call,
  refused,
  create,
  selectionRow,
  auditCount,
  type Person,
  type Method,
  type Detail,
} from './selections-hostile.fixtures.ts';

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
      stages: [{ stage: 'longlist', plannedOn: null, actualOn: '2026-11-05' }],
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
