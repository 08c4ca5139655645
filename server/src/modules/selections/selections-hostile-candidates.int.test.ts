// Hostile input (2/4): candidacies, candidates and the members' ballot. Setup and helpers: selections-hostile.fixtures.ts.
import type { Response } from 'supertest';
import { describe, expect, it } from 'vitest';
import { type TSelection } from '../../contracts/index.ts';
import {
  t,
  officer,
  otherOfficer,
  admin,
  stamp,
  MISSING,
  call,
  refused,
  create,
  addCandidate,
  selectionRow,
} from './selections-hostile.fixtures.ts';

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
