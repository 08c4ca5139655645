import { beforeAll, describe, expect, it } from 'vitest';
import type { TSelection } from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';

const t = useTestApp();
type Person = Awaited<ReturnType<typeof signedInAs>>;
let blythId: number;
let hartlepoolId: number;
let officer: Person;
let secondOfficer: Person;
let otherOfficer: Person;
let member: Person;
let staff: Person;
let admin: Person;

const clpOf = async (code: string) =>
  (await t.db.prisma.clp.findFirstOrThrow({ where: { constituency: { code, boundarySetCode: '2024' } } })).id;

beforeAll(async () => {
  blythId = await clpOf('E14001107');
  hartlepoolId = await clpOf('E14001272');
  officer = await signedInAs(t, 'selection_officer', { clpId: blythId });
  secondOfficer = await signedInAs(t, 'selection_officer', { clpId: blythId });
  otherOfficer = await signedInAs(t, 'selection_officer', { clpId: hartlepoolId });
  member = await signedInAs(t, 'member', { clpId: blythId });
  staff = await signedInAs(t, 'regional_staff', { regionCode: 'E12000001' });
  admin = await signedInAs(t, 'admin');
});

const create = async (body: object = {}) =>
  (
    await t.api
      .post('/api/selections')
      .set(officer.headers)
      .send({ clpId: blythId, electionType: 'general', ...body })
      .expect(201)
  ).body as TSelection;
const patch = (who: Person, s: TSelection, body: object) =>
  t.api
    .patch(`/api/selections/${s.id}`)
    .set(who.headers)
    .send({ version: s.version, ...body });

/** Fictional applicants, with the personal details a member must never see without consent. */
const PEOPLE = [
  {
    name: 'Ada Fictional',
    occupation: 'Porter at the infirmary',
    unionName: 'Unison-secret-1',
    local: true,
    wc: true,
    gender: 'woman',
  },
  {
    name: 'Bram Madeup',
    occupation: 'Barrister',
    unionName: 'Unite-secret-2',
    local: false,
    wc: false,
    gender: 'man',
  },
  {
    name: 'Cora Invented',
    occupation: 'Bus driver',
    unionName: 'GMB-secret-3',
    local: false,
    wc: true,
    gender: 'woman',
  },
  { name: 'Dev Pretend', occupation: 'Consultant', unionName: '', local: false, wc: false, gender: 'man' },
  {
    name: 'Esme Notreal',
    occupation: 'Teaching assistant',
    unionName: 'NEU-secret-5',
    local: true,
    wc: true,
    gender: 'woman',
  },
] as const;

async function withApplicants(
  s: TSelection,
  stage: 'applied' | 'shortlisted' = 'applied',
): Promise<TSelection> {
  let latest = s;
  for (const p of PEOPLE) {
    const res = await t.api
      .post(`/api/selections/${s.id}/candidacies`)
      .set(officer.headers)
      .send({
        stage,
        livesLocally: p.local,
        yearsLocal: p.local ? 20 : null,
        localConnection: `${p.name} grew up on the estate`,
        candidate: {
          name: p.name,
          occupation: p.occupation,
          workingClass: p.wc,
          unionMember: p.unionName !== '',
          unionName: p.unionName,
          gender: p.gender,
        },
      })
      .expect(201);
    latest = res.body as TSelection;
  }
  return latest;
}

describe('starting and running a selection', () => {
  it("lets the CLP's selection officer start one for the seat, and nobody else", async () => {
    const s = await create({
      stages: [{ stage: 'applications_open', plannedOn: '2027-01-10', actualOn: null }],
    });
    expect(s).toMatchObject({
      stage: 'timetable_set',
      area: 'Blyth and Ashington',
      seat: { code: 'E14001107' },
      region: { code: 'E12000001' },
      canEdit: true,
      version: 1,
    });
    expect(s.stages).toEqual([{ stage: 'applications_open', plannedOn: '2027-01-10', actualOn: null }]);
    for (const who of [member, staff, otherOfficer]) {
      await t.api
        .post('/api/selections')
        .set(who.headers)
        .send({ clpId: blythId, electionType: 'general' })
        .expect(403);
    }
    await t.api.post('/api/selections').send({ clpId: blythId, electionType: 'general' }).expect(401);
    await patch(otherOfficer, s, { stage: 'longlist' }).expect(403);
  });

  it('needs a ward for a council selection, and a sitting member for a trigger ballot (422 naming the field)', async () => {
    const ward = await t.api
      .post('/api/selections')
      .set(officer.headers)
      .send({ clpId: blythId, electionType: 'council' })
      .expect(422);
    expect(ward.body.error.details).toEqual([
      { field: 'wardName', message: 'must name the ward for a council selection' },
    ]);
    const council = await create({ electionType: 'council', wardName: 'Haydon' });
    expect(council.area).toBe('Haydon');
    const trigger = await t.api
      .post('/api/selections')
      .set(officer.headers)
      .send({ clpId: blythId, electionType: 'general', stage: 'trigger_ballot' })
      .expect(422);
    expect(trigger.body.error.details[0].field).toBe('stage');
    expect((await create({ sittingMember: true })).stage).toBe('trigger_ballot');
  });

  it('refuses bad input with the field and the reason', async () => {
    const res = await t.api
      .post('/api/selections')
      .set(officer.headers)
      .send({ clpId: blythId, electionType: 'coronation' })
      .expect(400);
    expect(JSON.stringify(res.body.error.details)).toContain('electionType');
    const s = await create();
    const bad = await patch(officer, s, {
      stages: [{ stage: 'longlist', plannedOn: '2027-02-30', actualOn: null }],
    }).expect(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('must be a real date');
    const override = await patch(officer, s, {
      ruleOverrides: { localShare: { value: 140, reason: 'Because' } },
    }).expect(400);
    expect(override.body.error.details[0].field).toBe('ruleOverrides.localShare.value');
    const noReason = await patch(officer, s, {
      ruleOverrides: { localShare: { value: 40, reason: '' } },
    }).expect(400);
    expect(JSON.stringify(noReason.body.error.details)).toContain('reason');
  });

  it('gives one of two concurrent stage updates 200 and the other 409 with the current selection', async () => {
    const s = await create();
    const [a, b] = await Promise.all([
      patch(officer, s, { stage: 'applications_open' }),
      patch(secondOfficer, s, { stage: 'longlist' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error.details.current.stage).toBe(winner.body.stage);
    expect(loser.body.error.details.current.version).toBe(2);
    const history = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'selection', entityId: String(s.id) },
    });
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
  });

  it('records an imposition with its source, which breaks the local-input rule', async () => {
    const s = await create();
    const none = await patch(officer, s, { imposed: true }).expect(422);
    expect(none.body.error.details[0].field).toBe('imposedSource');
    const res = await patch(officer, s, {
      imposed: true,
      imposedSource: 'https://example.org/nec-letter',
    }).expect(200);
    const rule = (res.body as TSelection).compliance.rules.find((r) => r.rule === 'localInput')!;
    expect(rule.state).toBe('broken');
    expect(rule.reason).toContain('https://example.org/nec-letter');
    expect((res.body as TSelection).compliance.overall).toBe('broken');
    const entry = await t.db.prisma.auditEntry.findFirstOrThrow({
      where: { entityType: 'selection', entityId: String(s.id), action: 'update' },
    });
    expect(entry.source).toBe('https://example.org/nec-letter');
  });
});

describe("candidates' personal data", () => {
  it('never gives a member, regional staff or the public a non-consenting candidate’s personal fields', async () => {
    const s = await withApplicants(await create({ stage: 'shortlist' }), 'shortlisted');
    for (const who of [member, staff, otherOfficer, undefined]) {
      const req = t.api.get(`/api/selections/${s.id}`);
      const res = await (who ? req.set(who.headers) : req).expect(200);
      const raw = JSON.stringify(res.body);
      for (const p of PEOPLE) {
        expect(raw).not.toContain(p.name);
        expect(raw).not.toContain(p.occupation);
        if (p.unionName) expect(raw).not.toContain(p.unionName);
      }
      expect(raw).not.toContain('grew up on the estate');
      expect(res.body.candidacies.map((c: { label: string }) => c.label)).toEqual([
        'Candidate 1',
        'Candidate 2',
        'Candidate 3',
        'Candidate 4',
        'Candidate 5',
      ]);
      expect(res.body.candidacies.every((c: { personal: unknown }) => c.personal === null)).toBe(true);
      const list = await (
        who
          ? t.api.get(`/api/selections?clp=${blythId}`).set(who.headers)
          : t.api.get(`/api/selections?clp=${blythId}`)
      ).expect(200);
      for (const p of PEOPLE) expect(JSON.stringify(list.body)).not.toContain(p.name);
    }
  });

  it('withholds small counts from members but gives officers the exact figures', async () => {
    // 2 of 5 live locally; 3 of 5 are working class: both counts or their complements are below 3.
    const s = await withApplicants(await create({ stage: 'shortlist' }), 'shortlisted');
    const asMember = (await t.api.get(`/api/selections/${s.id}`).set(member.headers).expect(200))
      .body as TSelection;
    expect(asMember.composition).toMatchObject({
      shortlisted: 5,
      shortlistLocal: null,
      shortlistWorkingClass: null,
      suppressBelow: 3,
    });
    const locality = asMember.compliance.rules.find((r) => r.rule === 'localShare')!;
    expect(locality).toMatchObject({ state: 'broken', count: null, total: 5 });
    expect(locality.reason).not.toMatch(/\b2\b/);
    const asOfficer = (await t.api.get(`/api/selections/${s.id}`).set(officer.headers).expect(200))
      .body as TSelection;
    expect(asOfficer.composition).toMatchObject({ shortlistLocal: 2, shortlistWorkingClass: 3 });
    expect(asOfficer.compliance.rules.find((r) => r.rule === 'localShare')!.reason).toBe(
      '2 of 5 shortlisted live locally; the rule needs 50%.',
    );
  });

  it('publishes a name and chosen fields only while the candidate’s consent stands', async () => {
    const s = await withApplicants(await create({ stage: 'shortlist' }), 'shortlisted');
    const ada = s.candidacies[0]!;
    const consented = await t.api
      .post(`/api/candidacies/${ada.id}/consents`)
      .set(officer.headers)
      .send({ fields: ['name', 'occupation'], note: 'Signed form, 3 December' })
      .expect(201);
    const consent = (consented.body as TSelection).candidacies[0]!.personal!.candidate.consents[0]!;
    expect(consent).toMatchObject({
      fields: ['name', 'occupation'],
      note: 'Signed form, 3 December',
      withdrawnAt: null,
    });
    const seen = (await t.api.get(`/api/selections/${s.id}`).set(member.headers).expect(200))
      .body as TSelection;
    expect(seen.candidacies[0]).toMatchObject({
      label: 'Ada Fictional',
      published: { name: 'Ada Fictional', occupation: 'Porter at the infirmary' },
    });
    expect(JSON.stringify(seen)).not.toContain('Unison-secret-1');
    await t.api
      .post(`/api/candidacies/${ada.id}/consents`)
      .set(officer.headers)
      .send({ fields: ['occupation'], note: 'Email' })
      .expect(400);
    await t.api
      .post(`/api/candidacies/${ada.id}/consents/${consent.id}/withdraw`)
      .set(officer.headers)
      .send({})
      .expect(200);
    const after = (await t.api.get(`/api/selections/${s.id}`).set(member.headers).expect(200))
      .body as TSelection;
    expect(JSON.stringify(after)).not.toContain('Ada Fictional');
    const entries = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'candidate-consent', entityId: String(consent.id) },
    });
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('records every read of personal fields by anyone but the officer who entered them', async () => {
    const s = await withApplicants(await create(), 'applied');
    const ids = (await t.db.prisma.candidacy.findMany({ where: { selectionId: s.id } })).map(
      (c) => c.candidateId,
    );
    const views = () => t.db.prisma.personalDataView.findMany({ where: { candidateId: { in: ids } } });
    const before = (await views()).length;
    await t.api.get(`/api/selections/${s.id}`).set(officer.headers).expect(200);
    expect((await views()).length).toBe(before);
    await t.api.get(`/api/selections/${s.id}`).set(secondOfficer.headers).expect(200);
    const recorded = (await views()).filter((v) => v.viewerId === secondOfficer.userId);
    expect(recorded.map((v) => v.candidateId).sort()).toEqual([...ids].sort());
    expect(recorded.every((v) => v.context === 'selection page')).toBe(true);
    await t.api.get(`/api/selections/${s.id}`).set(member.headers).expect(200);
    expect((await views()).some((v) => v.viewerId === member.userId)).toBe(false);
  });

  it('records every write to candidates and candidacies in the history', async () => {
    const s = await withApplicants(await create(), 'applied');
    const c = s.candidacies[1]!;
    await t.api
      .patch(`/api/candidacies/${c.id}`)
      .set(officer.headers)
      .send({
        version: 1,
        stage: 'longlisted',
        nominations: [{ kind: 'trade_union', name: 'Unite North East' }],
      })
      .expect(200);
    await t.api
      .patch(`/api/candidacies/${c.id}/candidate`)
      .set(officer.headers)
      .send({ version: 1, occupation: 'Solicitor' })
      .expect(200);
    const stale = await t.api
      .patch(`/api/candidacies/${c.id}/candidate`)
      .set(officer.headers)
      .send({ version: 1, occupation: 'Judge' })
      .expect(409);
    expect(stale.body.error.message).toContain('Someone else changed this candidate');
    const candidateId = c.personal!.candidate.id;
    const candidate = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'candidate', entityId: String(candidateId) },
      orderBy: { id: 'asc' },
    });
    expect(candidate.map((e) => e.action)).toEqual(['create', 'update']);
    expect(candidate[1]!.changes).toEqual([{ field: 'occupation', before: 'Barrister', after: 'Solicitor' }]);
    const candidacy = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'candidacy', entityId: String(c.id) },
      orderBy: { id: 'asc' },
    });
    expect(candidacy.map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('exports everything held on a person, and erases them leaving the counts unchanged', async () => {
    const s = await withApplicants(await create({ stage: 'shortlist' }), 'shortlisted');
    const ada = s.candidacies[0]!.personal!.candidate;
    await t.api
      .post(`/api/candidates/${ada.id}/export`)
      .set(officer.headers)
      .send({ reason: 'SAR' })
      .expect(403);
    const exported = await t.api
      .post(`/api/candidates/${ada.id}/export`)
      .set(admin.headers)
      .send({ reason: 'Subject access request of 2 Dec' })
      .expect(200);
    expect(exported.body.candidate).toMatchObject({ name: 'Ada Fictional', unionName: 'Unison-secret-1' });
    expect(exported.body.history.length).toBeGreaterThan(0);
    const record = await t.db.prisma.personalDataExport.findFirstOrThrow({
      where: { dataset: 'candidate', userId: admin.userId },
      orderBy: { id: 'desc' },
    });
    expect(record.purpose).toBe('Subject access request of 2 Dec');

    const before = (await t.api.get(`/api/selections/${s.id}`).set(officer.headers).expect(200))
      .body as TSelection;
    await t.api
      .post(`/api/candidates/${ada.id}/erase`)
      .set(admin.headers)
      .send({ reason: 'Asked to be forgotten' })
      .expect(204);
    const after = (await t.api.get(`/api/selections/${s.id}`).set(officer.headers).expect(200))
      .body as TSelection;
    expect(after.composition).toEqual(before.composition);
    expect(after.compliance).toEqual(before.compliance);
    expect(JSON.stringify(after)).not.toContain('Ada Fictional');
    expect(after.candidacies[0]!.label).toBe('Candidate 1 (erased)');
    const history = await t.db.prisma.auditEntry.findMany({
      where: { entityType: 'candidate', entityId: String(ada.id) },
    });
    expect(JSON.stringify(history)).not.toContain('Unison-secret-1');
    expect(history.find((h) => h.action === 'delete')?.reason).toBe('Asked to be forgotten');
    await t.api
      .post(`/api/candidates/${ada.id}/erase`)
      .set(admin.headers)
      .send({ reason: 'Again' })
      .expect(409);
  });
});

describe("the members' ballot and the rules", () => {
  it('refuses rounds in which a transfer creates votes, and records a clean count', async () => {
    const s = await withApplicants(await create({ stage: 'members_ballot' }), 'shortlisted');
    const [a, b, c] = s.candidacies.map((x) => x.id);
    const bad = await t.api
      .put(`/api/selections/${s.id}/ballot`)
      .set(officer.headers)
      .send({
        version: s.version,
        rounds: [
          {
            round: 1,
            exhausted: 0,
            votes: [
              { candidacyId: a, votes: 40 },
              { candidacyId: b, votes: 35 },
              { candidacyId: c, votes: 25 },
            ],
          },
          {
            round: 2,
            exhausted: 0,
            votes: [
              { candidacyId: a, votes: 60 },
              { candidacyId: b, votes: 50 },
            ],
          },
        ],
      })
      .expect(422);
    expect(bad.body.error.message).toContain('cannot create votes');
    expect(await t.db.prisma.ballotRound.count({ where: { selectionId: s.id } })).toBe(0);
    const good = await t.api
      .put(`/api/selections/${s.id}/ballot`)
      .set(officer.headers)
      .send({
        version: s.version,
        rounds: [
          {
            round: 1,
            exhausted: 0,
            votes: [
              { candidacyId: a, votes: 40 },
              { candidacyId: b, votes: 35 },
              { candidacyId: c, votes: 25 },
            ],
          },
          {
            round: 2,
            exhausted: 5,
            votes: [
              { candidacyId: a, votes: 52 },
              { candidacyId: b, votes: 43 },
            ],
          },
        ],
      })
      .expect(200);
    expect((good.body as TSelection).ballot).toHaveLength(2);
    expect((good.body as TSelection).compliance.rules.find((r) => r.rule === 'membersBallot')!.state).toBe(
      'kept',
    );
  });

  it("holds selections to the national rules, and to an officer's override with its reason", async () => {
    const s = await withApplicants(await create({ stage: 'shortlist' }), 'shortlisted');
    expect(s.compliance.rules.find((r) => r.rule === 'localShare')!.state).toBe('broken');
    const res = await patch(officer, s, {
      ruleOverrides: { localShare: { value: 40, reason: 'A rural seat: agreed with the region' } },
    }).expect(200);
    const rule = (res.body as TSelection).compliance.rules.find((r) => r.rule === 'localShare')!;
    expect(rule).toMatchObject({
      state: 'kept',
      override: { reason: 'A rural seat: agreed with the region' },
    });
    await t.api
      .put('/api/selection-rules')
      .set(officer.headers)
      .send({ rules: { ...(res.body as TSelection).rules } })
      .expect(403);
    const current = (await t.api.get('/api/selection-rules').expect(200)).body.rules;
    await t.api
      .put('/api/selection-rules')
      .set(admin.headers)
      .send({ rules: { ...current, longlistSize: 3 } })
      .expect(200);
    const again = (await t.api.get(`/api/selections/${s.id}`).set(member.headers).expect(200))
      .body as TSelection;
    expect(again.rules.longlistSize).toBe(3);
    await t.api.put('/api/selection-rules').set(admin.headers).send({ rules: current }).expect(200);
  });
});

describe('what members can take away', () => {
  it('gives members and the public a CSV with the public face only, counts withheld where small', async () => {
    const s = await withApplicants(await create({ stage: 'shortlist' }), 'shortlisted');
    for (const who of [member, undefined]) {
      const req = t.api.get(`/api/selections.csv?clp=${blythId}`);
      const res = await (who ? req.set(who.headers) : req).expect(200);
      expect(res.headers['content-type']).toContain('text/csv');
      for (const p of PEOPLE) {
        expect(res.text).not.toContain(p.name);
        expect(res.text).not.toContain(p.occupation);
      }
      const line = res.text.split('\n').find((l) => l.startsWith(`${s.id},`))!;
      expect(line).toContain('broken');
      expect(line).toContain('withheld (small number)');
    }
    const officers = await t.api.get(`/api/selections.csv?clp=${blythId}`).set(officer.headers).expect(200);
    const line = officers.text.split('\n').find((l) => l.startsWith(`${s.id},`))!;
    expect(line).toMatch(/,5,2,3,/);
  });

  it('gives the history only to officers and admins, and records reading it as a view', async () => {
    const s = await withApplicants(await create(), 'applied');
    await t.api.get(`/api/selections/${s.id}/history`).set(member.headers).expect(403);
    await t.api.get(`/api/selections/${s.id}/history`).set(staff.headers).expect(403);
    const res = await t.api
      .get(`/api/selections/${s.id}/history?limit=3`)
      .set(secondOfficer.headers)
      .expect(200);
    // The selection's creation, and per applicant the candidate's and the candidacy's.
    expect(res.body.total).toBe(1 + PEOPLE.length * 2);
    expect(res.body.items).toHaveLength(3);
    const views = await t.db.prisma.personalDataView.findMany({
      where: { viewerId: secondOfficer.userId, context: 'selection history' },
    });
    expect(views).toHaveLength(PEOPLE.length);
  });

  it('serves the calendar of public stage dates to anyone, parseable as iCalendar', async () => {
    const ICAL = (await import('ical.js')).default;
    const s = await create({
      stages: [
        { stage: 'applications_open', plannedOn: '2027-01-10', actualOn: null },
        { stage: 'timetable_set', plannedOn: null, actualOn: '2026-11-30' },
      ],
    });
    const res = await t.api.get(`/api/selections/calendar.ics?clp=${blythId}`).expect(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(res.text))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.uid.startsWith(`selection-${s.id}-`));
    expect(events.map((e) => [e.summary, e.startDate.toString()]).sort()).toEqual([
      ['Blyth and Ashington: Applications open (General election) (planned)', '2027-01-10'],
      ['Blyth and Ashington: Timetable set (General election)', '2026-11-30'],
    ]);
    const bad = await t.api.get(`/api/selections/calendar.ics?clp=${blythId}&region=E12000001`).expect(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('must give clp or region, not both');
    const national = await t.api.get('/api/selections/calendar.ics').expect(200);
    expect(national.text).toContain(`selection-${s.id}-applications_open`);
    await t.api.get('/api/selections/calendar.ics?region=E12000001').expect(200);
  });
});

describe('keeping the record straight', () => {
  it('selects one candidate per selection, and treats a blank ward as none', async () => {
    const s = await withApplicants(await create({ stage: 'selected' }), 'shortlisted');
    const [a, b] = s.candidacies;
    await t.api
      .patch(`/api/candidacies/${a!.id}`)
      .set(officer.headers)
      .send({ version: 1, stage: 'selected' })
      .expect(200);
    const second = await t.api
      .patch(`/api/candidacies/${b!.id}`)
      .set(officer.headers)
      .send({ version: 1, stage: 'selected' })
      .expect(422);
    expect(second.body.error.details).toEqual([
      { field: 'stage', message: 'cannot be selected: another candidate is already selected' },
    ]);
    const blank = await create({ wardName: '   ' });
    expect(blank).toMatchObject({ wardName: null, area: 'Blyth and Ashington' });
  });
});

describe('what trying the app found', () => {
  it('withholds "3 of 3 live locally" from members, since with a consented name it tells of her too', async () => {
    const s = await create({ stage: 'shortlist' });
    let latest = s;
    for (const name of ['Alice Fictional', 'Ben Fictional', 'Cat Fictional']) {
      const res = await t.api
        .post(`/api/selections/${s.id}/candidacies`)
        .set(officer.headers)
        .send({ stage: 'shortlisted', livesLocally: true, candidate: { name } })
        .expect(201);
      latest = res.body as TSelection;
    }
    const alice = latest.candidacies[0]!;
    expect(alice.publicLabel).toBe('Candidate 1');
    const consented = await t.api
      .post(`/api/candidacies/${alice.id}/consents`)
      .set(officer.headers)
      .send({ fields: ['name'], note: 'Signed form' })
      .expect(201);
    expect((consented.body as TSelection).candidacies[0]!.publicLabel).toBe('Alice Fictional');
    const seen = (await t.api.get(`/api/selections/${s.id}`).set(member.headers).expect(200))
      .body as TSelection;
    expect(seen.candidacies[0]!.label).toBe('Alice Fictional');
    expect(seen.composition.shortlistLocal).toBeNull();
    const locality = seen.compliance.rules.find((r) => r.rule === 'localShare')!;
    expect(locality.count).toBeNull();
    expect(locality.reason).not.toMatch(/3 of 3/);
  });

  it('refuses an actual date in the future: it is planned until it happens', async () => {
    const s = await create();
    const res = await patch(officer, s, {
      stages: [{ stage: 'timetable_set', plannedOn: null, actualOn: '2099-12-25' }],
    }).expect(422);
    expect(res.body.error.details[0].field).toBe('stages');
    expect(res.body.error.message).toContain('give it as planned');
  });
});
