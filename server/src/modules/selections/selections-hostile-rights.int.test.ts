// Hostile input (3/4): consents, data rights and the national rules. Setup and helpers: selections-hostile.fixtures.ts.
import { describe, expect, it } from 'vitest';
import { RULE_KEYS, type TSelection } from '../../contracts/index.ts';
import {
  t,
  officer,
  otherOfficer,
  member,
  staff,
  admin,
  stamp,
  MISSING,
  call,
  refused,
  create,
  addCandidate,
  auditCount,
  type Person,
} from './selections-hostile.fixtures.ts';

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
