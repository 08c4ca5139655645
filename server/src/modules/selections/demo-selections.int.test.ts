import { describe, expect, it } from 'vitest';
import {
  COMPLIANCE_STATES,
  SELECTION_STAGES,
  stageAtOrAfter,
  type TSelection,
  type TSelectionListResponse,
  type TSelectionSummary,
} from '../../contracts/index.ts';
import { signedInAs } from '../../test/people.ts';
import { useTestApp } from '../../test/test-app.ts';
import { ballotProblems, ballotWinner } from './ballot.ts';
import { createDemoSelections, DEMO_MARK, demoSelectionIds } from './demo-selections.ts';

const t = useTestApp();
const TODAY = new Date('2026-12-02');

const tableCounts = async () => {
  const p = t.db.prisma;
  return Promise.all([
    p.selection.count(),
    p.candidate.count(),
    p.candidacy.count(),
    p.nomination.count(),
    p.ballotRound.count(),
    p.candidateConsent.count(),
    p.auditEntry.count(),
  ]);
};

const demoSummaries = async (): Promise<TSelectionSummary[]> => {
  const ids = new Set(await demoSelectionIds(t.db.prisma));
  const res = await t.api.get('/api/selections').query({ region: 'E12000001', limit: 200 }).expect(200);
  return (res.body as TSelectionListResponse).items.filter((s) => ids.has(s.id));
};

const verdict = (s: TSelectionSummary, rule: string) => s.compliance.rules.find((r) => r.rule === rule)!;

describe('npm run demo:selections', () => {
  it('makes plainly fictional selections in every stage and compliance state, once, and resets only them', async () => {
    const prisma = t.db.prisma;
    const blyth = await prisma.clp.findFirstOrThrow({ where: { constituency: { code: 'E14001107' } } });
    const officer = await prisma.user.create({
      data: { email: 'selection-officer@demo.groundwork.test', name: 'Demo Selection Officer' },
    });
    const real = await prisma.selection.create({
      data: { clpId: blyth.id, electionType: 'general', stage: 'timetable_set' },
    });

    const first = await createDemoSelections(prisma, { today: TODAY });
    expect(first).toMatchObject({ created: true, selections: 11, ballotRounds: 7 });

    // Every stage, each in the North East, some of them for council wards.
    const summaries = await demoSummaries();
    expect(summaries).toHaveLength(11);
    expect(new Set(summaries.map((s) => s.stage))).toEqual(new Set(SELECTION_STAGES));
    expect(new Set(summaries.map((s) => s.clp.id)).size).toBe(4);
    expect(summaries.some((s) => s.clp.id === blyth.id)).toBe(true);
    expect(summaries.filter((s) => s.wardName !== null).length).toBeGreaterThan(2);
    expect(summaries.find((s) => s.stage === 'trigger_ballot')?.sittingMember).toBe(true);

    // Every compliance state, overall and rule by rule, as the API works them out.
    expect(new Set(summaries.map((s) => s.compliance.overall))).toEqual(
      new Set(['kept', 'at_risk', 'broken']),
    );
    const states = new Set(summaries.flatMap((s) => s.compliance.rules.map((r) => r.state)));
    expect(states).toEqual(new Set(COMPLIANCE_STATES));
    const brokenOnly = (rule: string) =>
      summaries.filter(
        (s) =>
          verdict(s, rule).state === 'broken' &&
          s.compliance.rules.filter((r) => r.state === 'broken').length === 1,
      );
    expect(brokenOnly('localShare')).toHaveLength(1);
    expect(brokenOnly('workingClassShare')).toHaveLength(1);
    const longListOfOne = brokenOnly('longlistSize')[0]!;
    expect(verdict(longListOfOne, 'longlistSize')).toMatchObject({ count: 1 });
    expect(verdict(longListOfOne, 'longlistSize').reason).toMatch(/^A long list of one/);
    const imposed = summaries.find((s) => s.imposed)!;
    expect(imposed.imposedSource).toBe('Fictional NEC letter, demo');
    expect(verdict(imposed, 'localInput').state).toBe('broken');
    const overridden = summaries.find((s) => verdict(s, 'localShare').override !== null)!;
    expect(verdict(overridden, 'localShare')).toMatchObject({ state: 'kept' });
    expect(verdict(overridden, 'localShare').override?.reason.length).toBeGreaterThan(10);

    // Each person is marked as made up, entered by the demo officer; nominating bodies too.
    const ids = await demoSelectionIds(prisma);
    const candidacies = await prisma.candidacy.findMany({
      where: { selectionId: { in: ids } },
      include: { candidate: { include: { consents: true } }, nominations: true },
    });
    expect(candidacies.length).toBe(first.candidacies);
    for (const c of candidacies) {
      expect(c.candidate.name).toMatch(/ \(fictional demo\)$/);
      expect(c.candidate.enteredById).toBe(officer.id);
      expect(c.nominations.every((n) => n.name.endsWith(DEMO_MARK))).toBe(true);
    }
    expect(candidacies.some((c) => c.stage === 'withdrawn' && c.withdrawnAfter === 'longlisted')).toBe(true);

    // Ballots of two or three rounds that add up, won by the selected candidate.
    const admin = await signedInAs(t, 'admin');
    const full = async (id: number, headers: Record<string, string>) =>
      (await t.api.get(`/api/selections/${id}`).set(headers).expect(200)).body as TSelection;
    for (const s of summaries.filter((x) => stageAtOrAfter(x.stage, 'members_ballot') && !x.imposed)) {
      const sel = await full(s.id, admin.headers);
      expect([2, 3]).toContain(sel.ballot.length);
      const onBallot = sel.candidacies.filter((c) => ['shortlisted', 'selected'].includes(c.stage));
      expect(
        ballotProblems(
          sel.ballot,
          onBallot.map((c) => c.id),
        ),
      ).toEqual([]);
      const selected = sel.candidacies.find((c) => c.stage === 'selected');
      if (selected) expect(ballotWinner(sel.ballot)).toBe(selected.id);
    }

    // A member sees consented names and occupations, and no other name.
    const member = await signedInAs(t, 'member', { clpId: blyth.id });
    const consented = candidacies.filter((c) => c.candidate.consents.some((k) => k.fields.includes('name')));
    const hidden = candidacies.filter((c) => !consented.includes(c)).map((c) => c.candidate.name);
    expect(consented.length).toBeGreaterThan(0);
    expect(hidden.length).toBeGreaterThan(0);
    const seen: string[] = [];
    for (const id of ids) {
      const sel = await full(id, member.headers);
      expect(sel.candidacies.every((c) => c.personal === null)).toBe(true);
      seen.push(JSON.stringify(sel));
    }
    const memberList = await t.api.get('/api/selections').set(member.headers).query({ limit: 200 });
    seen.push(JSON.stringify(memberList.body));
    const everything = seen.join('\n');
    for (const name of hidden) expect(everything).not.toContain(name.replace(` ${DEMO_MARK}`, ''));
    for (const c of consented) {
      expect(everything).toContain(
        JSON.stringify({ name: c.candidate.name, occupation: c.candidate.occupation }),
      );
    }

    // Again: nothing new at all.
    const before = await tableCounts();
    expect(await createDemoSelections(prisma)).toEqual({ ...first, created: false });
    expect(await tableCounts()).toEqual(before);

    // Reset: the demo made afresh, the real selection (and a changed demo one) as before.
    await prisma.selection.update({ where: { id: ids[0]! }, data: { stage: 'endorsed' } });
    const again = await createDemoSelections(prisma, { reset: true, today: TODAY });
    expect(again).toEqual(first);
    const newIds = await demoSelectionIds(prisma);
    expect(newIds.some((id) => ids.includes(id))).toBe(false);
    expect(await prisma.candidacy.count({ where: { selectionId: { in: ids } } })).toBe(0);
    expect(await prisma.candidate.count({ where: { name: { endsWith: DEMO_MARK } } })).toBe(first.candidates);
    expect(await prisma.selection.findUnique({ where: { id: real.id } })).not.toBeNull();
    expect(new Set((await demoSummaries()).map((s) => s.stage))).toEqual(new Set(SELECTION_STAGES));
  });
});
