import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTION_RULES, RULE_KEYS, type TRuleKey } from '../../contracts/selections.ts';
import {
  evaluateCompliance,
  publicCount,
  suppressed,
  type ComplianceCandidacy,
  type ComplianceInput,
} from './compliance.ts';

function cand(over: Partial<ComplianceCandidacy> = {}): ComplianceCandidacy {
  return {
    stage: 'applied',
    withdrawnAfter: null,
    livesLocally: true,
    workingClass: true,
    gender: 'woman',
    unionNominated: false,
    ...over,
  };
}
/** `n` candidacies alike. */
const many = (n: number, over: Partial<ComplianceCandidacy> = {}) =>
  Array.from({ length: n }, () => cand(over));

function run(over: Partial<ComplianceInput> = {}) {
  return evaluateCompliance({
    stage: 'applications_open',
    imposed: false,
    imposedSource: null,
    ballotHeld: false,
    ballotPlanned: true,
    candidacies: [],
    rules: DEFAULT_SELECTION_RULES,
    overrides: {},
    audience: 'officer',
    ...over,
  });
}
const verdict = (result: ReturnType<typeof run>, rule: TRuleKey) =>
  result.rules.find((r) => r.rule === rule)!;
const rule = (rule: TRuleKey, over: Partial<ComplianceInput> = {}) => verdict(run(over), rule);

/** A shortlist of `local` living locally out of `total`. */
const shortlisted = (local: number, total: number) => [
  ...many(local, { stage: 'shortlisted', livesLocally: true }),
  ...many(total - local, { stage: 'shortlisted', livesLocally: false }),
];

describe('selection compliance', () => {
  it('gives one verdict per rule, in order, with the override carried', () => {
    const result = run();
    expect(result.rules.map((r) => r.rule)).toEqual([...RULE_KEYS]);
    expect(result.rules.every((r) => r.override === null)).toBe(true);
  });

  describe('share rules at their thresholds', () => {
    it.each([
      [4, 2, 'kept'],
      [4, 1, 'broken'],
      [4, 3, 'kept'],
    ] as const)('50%% of %i: %i local is %s', (total, local, state) => {
      const v = rule('localShare', { stage: 'shortlist', candidacies: shortlisted(local, total) });
      expect(v).toMatchObject({ state, count: local, total });
    });

    it.each([
      [34, 3, 1, 'broken'], // 34% of 3 is 1.02: one is not enough
      [33, 3, 1, 'kept'], // exactly 99 ≥ 99
      [34, 3, 2, 'kept'],
      [0, 3, 0, 'kept'],
      [100, 3, 3, 'kept'],
      [100, 3, 2, 'broken'],
    ] as const)('%i%% of %i: %i is %s', (p, total, local, state) => {
      const rules = { ...DEFAULT_SELECTION_RULES, localShare: p };
      const v = rule('localShare', { stage: 'shortlist', rules, candidacies: shortlisted(local, total) });
      expect(v.state).toBe(state);
    });

    it('words the working-class share', () => {
      const candidacies = [
        ...many(3, { stage: 'selected', workingClass: true }),
        cand({ stage: 'shortlisted', workingClass: false }),
        cand({ stage: 'withdrawn', withdrawnAfter: 'shortlisted', workingClass: false }),
      ];
      const v = rule('workingClassShare', { stage: 'members_ballot', candidacies });
      // The withdrawn candidate is not on the shortlist any more.
      expect(v).toMatchObject({ state: 'kept', count: 3, total: 4 });
      expect(v.reason).toBe('3 of 4 shortlisted are working class; the rule needs 50%.');
    });

    it('is at risk, not broken, before the shortlist is drawn', () => {
      const candidacies = [cand({ livesLocally: true }), ...many(3, { livesLocally: false })];
      const v = rule('localShare', { candidacies });
      expect(v).toMatchObject({ state: 'at_risk', count: 1, total: 4 });
      expect(v.reason).toBe('So far 1 of 4 applicants live locally; the shortlist needs 50%.');
      const decided = rule('localShare', { stage: 'shortlist', candidacies: shortlisted(2, 5) });
      expect(decided.state).toBe('broken');
      expect(decided.reason).toBe('2 of 5 shortlisted live locally; the rule needs 50%.');
    });

    it('looks at the current longlist between longlist and shortlist', () => {
      const candidacies = [
        cand({ stage: 'longlisted', livesLocally: true }),
        cand({ stage: 'withdrawn', withdrawnAfter: 'longlisted', livesLocally: true }),
        cand({ stage: 'longlisted', livesLocally: false }),
        cand({ stage: 'applied', livesLocally: true }),
      ];
      const v = rule('localShare', { stage: 'longlist', candidacies });
      expect(v).toMatchObject({ state: 'kept', count: 1, total: 2 });
      expect(v.reason).toMatch(/^So far 1 of 2 longlisted live locally/);
    });

    it('breaks on an empty shortlist, and is at risk with no applicants', () => {
      expect(rule('localShare', { stage: 'hustings' })).toMatchObject({
        state: 'broken',
        reason: 'No one is on the shortlist.',
      });
      expect(rule('workingClassShare')).toMatchObject({
        state: 'at_risk',
        reason: 'So far no one has applied; the shortlist needs 50%.',
        count: 0,
        total: 0,
      });
      // A rule that asks for 0% is not broken by an empty shortlist.
      const rules = { ...DEFAULT_SELECTION_RULES, localShare: 0 };
      expect(rule('localShare', { stage: 'hustings', rules })).toMatchObject({
        state: 'kept',
        reason: 'No one is on the shortlist; the rule needs 0%.',
      });
    });

    it('counts flags not recorded as not meeting, and says how many', () => {
      const candidacies = [
        ...many(2, { stage: 'shortlisted', livesLocally: true }),
        ...many(2, { stage: 'shortlisted', livesLocally: null }),
        cand({ stage: 'shortlisted', livesLocally: false }),
      ];
      const v = rule('localShare', { stage: 'shortlist', candidacies });
      expect(v).toMatchObject({ state: 'broken', count: 2, total: 5 });
      expect(v.reason).toBe('2 of 5 shortlisted live locally (2 not recorded); the rule needs 50%.');
    });
  });

  describe('longlist size', () => {
    it.each([
      [1, 'broken'],
      [2, 'kept'],
      [3, 'kept'],
    ] as const)('a longlist of %i is %s', (n, state) => {
      const v = rule('longlistSize', { stage: 'shortlist', candidacies: many(n, { stage: 'longlisted' }) });
      expect(v).toMatchObject({ state, count: n, total: null });
    });

    it('calls a longlist of one a long list of one', () => {
      const v = rule('longlistSize', {
        stage: 'longlist',
        candidacies: [cand({ stage: 'longlisted' }), cand({ stage: 'withdrawn' })],
      });
      expect(v.state).toBe('broken');
      expect(v.reason).toBe('A long list of one; the rule needs at least 2.');
    });

    it('counts someone who withdrew after longlisting in the longlist drawn', () => {
      const candidacies = [
        cand({ stage: 'shortlisted' }),
        cand({ stage: 'withdrawn', withdrawnAfter: 'longlisted' }),
        cand({ stage: 'withdrawn', withdrawnAfter: null }),
      ];
      expect(rule('longlistSize', { stage: 'shortlist', candidacies })).toMatchObject({
        state: 'kept',
        count: 2,
      });
    });

    it('is at risk before the longlist with too few applicants', () => {
      const v = rule('longlistSize', { candidacies: [cand(), cand({ stage: 'withdrawn' })] });
      expect(v).toMatchObject({ state: 'at_risk', count: 1 });
      expect(v.reason).toBe('So far 1 applicant; the longlist needs at least 2.');
      expect(rule('longlistSize', { candidacies: many(2) }).state).toBe('kept');
    });
  });

  describe('local input', () => {
    it('is broken by imposition and names the source', () => {
      const v = rule('localInput', { imposed: true, imposedSource: 'NEC procedures committee' });
      expect(v).toMatchObject({ state: 'broken', count: null, total: null });
      expect(v.reason).toBe(
        'The shortlist or candidate was imposed without local input (source: NEC procedures committee).',
      );
      expect(rule('localInput', { imposed: true }).reason).not.toMatch(/source/);
      expect(rule('localInput').state).toBe('kept');
    });

    it('is off when switched off, imposed or not', () => {
      const rules = { ...DEFAULT_SELECTION_RULES, localInput: false };
      expect(rule('localInput', { rules, imposed: true }).state).toBe('off');
    });
  });

  it('carries an override with the changed rule', () => {
    const rules = { ...DEFAULT_SELECTION_RULES, longlistSize: 1, localShare: 25 };
    const overrides = { longlistSize: { reason: 'Only one applicant in a snap by-election' } };
    const result = run({ stage: 'shortlist', rules, overrides, candidacies: shortlisted(1, 4).slice(0, 1) });
    expect(verdict(result, 'longlistSize')).toMatchObject({
      state: 'kept',
      override: { reason: 'Only one applicant in a snap by-election' },
    });
    expect(verdict(result, 'localShare').override).toBeNull();
  });

  describe("members' ballot", () => {
    it('is broken when selected without one, at risk when none is planned', () => {
      expect(rule('membersBallot', { stage: 'selected' })).toMatchObject({
        state: 'broken',
        reason: "Selected without a members' ballot.",
      });
      expect(rule('membersBallot', { stage: 'endorsed', ballotHeld: true }).state).toBe('kept');
      expect(rule('membersBallot', { stage: 'hustings' }).state).toBe('kept');
      expect(rule('membersBallot', { stage: 'hustings', ballotPlanned: false })).toMatchObject({
        state: 'at_risk',
        reason: "No members' ballot is planned.",
      });
      const rules = { ...DEFAULT_SELECTION_RULES, membersBallot: false };
      expect(rule('membersBallot', { stage: 'selected', rules }).state).toBe('off');
    });
  });

  describe('women on the longlist', () => {
    const rules = { ...DEFAULT_SELECTION_RULES, womenOnLonglist: true };
    it('needs at least half of the longlist as drawn', () => {
      const candidacies = [
        cand({ stage: 'longlisted', gender: 'woman' }),
        cand({ stage: 'withdrawn', withdrawnAfter: 'shortlisted', gender: 'woman' }),
        ...many(2, { stage: 'longlisted', gender: 'man' }),
        cand({ stage: 'withdrawn', gender: 'man' }),
      ];
      expect(rule('womenOnLonglist', { stage: 'longlist', rules, candidacies })).toMatchObject({
        state: 'kept',
        count: 2,
        total: 4,
      });
      const short = [...candidacies, cand({ stage: 'longlisted', gender: null })];
      const v = rule('womenOnLonglist', { stage: 'longlist', rules, candidacies: short });
      expect(v.state).toBe('broken');
      expect(v.reason).toBe('2 of 5 longlisted are women (1 not recorded); the rule needs at least half.');
      expect(rule('womenOnLonglist', { rules, candidacies: short }).state).toBe('at_risk');
      expect(rule('womenOnLonglist').state).toBe('off');
    });
  });

  describe('union nominees', () => {
    const rules = { ...DEFAULT_SELECTION_RULES, unionNomineesLonglisted: true };
    it('are all longlisted, not counting those who withdrew before it', () => {
      const candidacies = [
        cand({ stage: 'longlisted', unionNominated: true }),
        cand({ stage: 'withdrawn', withdrawnAfter: 'longlisted', unionNominated: true }),
        cand({ stage: 'withdrawn', unionNominated: true }),
        cand({ stage: 'applied' }),
      ];
      expect(rule('unionNomineesLonglisted', { stage: 'longlist', rules, candidacies })).toMatchObject({
        state: 'kept',
        count: 2,
        total: 2,
      });
      const missed = [...candidacies, cand({ stage: 'applied', unionNominated: true })];
      const v = rule('unionNomineesLonglisted', { stage: 'shortlist', rules, candidacies: missed });
      expect(v).toMatchObject({ state: 'broken', count: 2, total: 3 });
      expect(v.reason).toBe('1 of 3 union-nominated applicants was not longlisted.');
    });

    it('are kept with none, and counted before the longlist', () => {
      expect(rule('unionNomineesLonglisted', { stage: 'longlist', rules }).reason).toBe(
        'No applicant had a union nomination.',
      );
      const v = rule('unionNomineesLonglisted', { rules, candidacies: many(2, { unionNominated: true }) });
      expect(v).toMatchObject({ state: 'kept', reason: '2 union-nominated applicants so far.' });
      expect(rule('unionNomineesLonglisted').state).toBe('off');
    });
  });

  describe('overall', () => {
    it('is the worst verdict that applies', () => {
      expect(run({ ballotPlanned: false, candidacies: many(2) }).overall).toBe('at_risk');
      expect(run({ imposed: true, ballotPlanned: false }).overall).toBe('broken');
      expect(run({ stage: 'shortlist', ballotPlanned: true, candidacies: shortlisted(2, 2) }).overall).toBe(
        'kept',
      );
    });

    it('ignores rules that are off', () => {
      const off = {
        ...DEFAULT_SELECTION_RULES,
        localInput: false,
        membersBallot: false,
        womenOnLonglist: false,
        unionNomineesLonglisted: false,
      };
      const result = run({ rules: off, imposed: true, candidacies: many(2) });
      expect(result.overall).toBe('kept');
      expect(result.rules.filter((r) => r.state === 'off').map((r) => r.rule)).toEqual([
        'localInput',
        'membersBallot',
        'womenOnLonglist',
        'unionNomineesLonglisted',
      ]);
    });
  });

  describe('small-count suppression', () => {
    it('withholds a count unless it and the rest are both at the threshold or more (all or none too)', () => {
      // "5 of 5" or "0 of 5" says it of every person on a shortlist whose names are often public.
      expect(suppressed(0, 5, 3)).toBe(true);
      expect(suppressed(2, 5, 3)).toBe(true);
      expect(suppressed(3, 6, 3)).toBe(false);
      expect(suppressed(4, 5, 3)).toBe(true);
      expect(suppressed(5, 5, 3)).toBe(true);
      expect(suppressed(0, 0, 3)).toBe(false);
      expect(suppressed(1, 5, 1)).toBe(false);
      expect(publicCount(2, 5, 3)).toBeNull();
      expect(publicCount(3, 6, 3)).toBe(3);
    });

    it('hides small counts from the public but still gives the state', () => {
      const v = rule('localShare', {
        stage: 'shortlist',
        audience: 'public',
        candidacies: shortlisted(2, 5),
      });
      expect(v).toMatchObject({ state: 'broken', count: null, total: 5 });
      expect(v.reason).toMatch(
        /^Fewer than 3 .*so figures are withheld: 5 shortlisted; the rule needs 50%\.$/,
      );
      expect(v.reason).not.toMatch(/\b2\b/);
    });

    it('hides the complement too: 4 of 5', () => {
      const v = rule('localShare', {
        stage: 'shortlist',
        audience: 'public',
        candidacies: shortlisted(4, 5),
      });
      expect(v).toMatchObject({ state: 'kept', count: null, total: 5 });
      expect(v.reason).not.toMatch(/\b4\b/);
    });

    it('hides small counts in working-class and women shares before they are decided', () => {
      const rules = { ...DEFAULT_SELECTION_RULES, womenOnLonglist: true };
      const candidacies = [
        cand({ workingClass: true, gender: 'man', livesLocally: false }),
        ...many(5, { workingClass: false, gender: 'woman', livesLocally: null }),
      ];
      const result = run({ rules, audience: 'public', candidacies });
      const wc = verdict(result, 'workingClassShare');
      expect(wc).toMatchObject({ state: 'at_risk', count: null, total: 6 });
      expect(wc.reason).toMatch(/^So far fewer than 3 applicants are working class/);
      expect(wc.reason).not.toMatch(/\b1\b/);
      expect(verdict(result, 'womenOnLonglist')).toMatchObject({ state: 'kept', count: null, total: 6 });
      // None of 6 is withheld too (it says it of everyone), and the public are not told how many are not recorded.
      expect(verdict(result, 'localShare')).toMatchObject({ count: null, total: 6 });
      expect(verdict(result, 'localShare').reason).not.toMatch(/not recorded/);
    });

    it('shows officers the exact figures', () => {
      const v = rule('localShare', { stage: 'shortlist', candidacies: shortlisted(2, 5) });
      expect(v).toMatchObject({ count: 2, total: 5 });
      expect(v.reason).toMatch(/\b2 of 5\b/);
    });

    it('never suppresses the longlist size or union nominations', () => {
      const rules = { ...DEFAULT_SELECTION_RULES, unionNomineesLonglisted: true, suppressBelow: 9 };
      const candidacies = [cand({ stage: 'longlisted', unionNominated: true }), cand({ stage: 'applied' })];
      const result = run({ stage: 'longlist', rules, audience: 'public', candidacies });
      expect(verdict(result, 'longlistSize')).toMatchObject({ count: 1 });
      expect(verdict(result, 'unionNomineesLonglisted')).toMatchObject({ count: 1, total: 1 });
    });
  });
});
