// Whether a selection keeps the rules it is held to. A rule about a stage is only judged kept or broken
// once the selection has reached that stage; before then the pool can still change, so a shortfall is
// "at risk", not a breach. Pure: the route gathers the candidacies and effective rules, this only judges.
import {
  REACHED_STAGES,
  RULE_KEYS,
  stageAtOrAfter,
  type TCandidacyStage,
  type TCompliance,
  type TComplianceState,
  type TGender,
  type TReachedStage,
  type TRuleKey,
  type TRuleVerdict,
  type TSelectionRules,
  type TSelectionStage,
} from '../../contracts/selections.ts';

export interface ComplianceCandidacy {
  stage: TCandidacyStage;
  /** For a withdrawn candidacy, the last stage it reached (null: it withdrew having only applied). */
  withdrawnAfter: TReachedStage | null;
  /** null: not recorded, which cannot count towards a share. */
  livesLocally: boolean | null;
  workingClass: boolean | null;
  gender: TGender | null;
  unionNominated: boolean;
}

export interface ComplianceInput {
  stage: TSelectionStage;
  imposed: boolean;
  imposedSource: string | null;
  /** At least one members' ballot round is recorded. */
  ballotHeld: boolean;
  /** The members_ballot stage has a planned or actual date. */
  ballotPlanned: boolean;
  candidacies: readonly ComplianceCandidacy[];
  /** The effective rules: national defaults with this selection's overrides applied. */
  rules: TSelectionRules;
  overrides: Partial<Record<TRuleKey, { reason: string }>>;
  audience: 'officer' | 'public';
}

/**
 * A count is withheld unless it and the rest of its total are both at least `below`. "3 of 3 live locally"
 * or "0 of 4 are working class" says it of every person on a shortlist, whose names are often public; a
 * small count or a small rest points at individuals.
 */
export function suppressed(count: number, total: number, below: number): boolean {
  if (total === 0) return false;
  return count < below || total - count < below;
}

export function publicCount(count: number, total: number, below: number): number | null {
  return suppressed(count, total, below) ? null : count;
}

type Judged = Pick<TRuleVerdict, 'state' | 'reason' | 'count' | 'total'>;
type Num = number | null;
function judged(state: TComplianceState, reason: string, count: Num = null, total: Num = null): Judged {
  return { state, reason, count, total };
}
const SEVERITY: Record<TComplianceState, number> = { off: 0, kept: 1, at_risk: 2, broken: 3 };
const OFF = judged('off', 'This rule is not applied to this selection.');

const reached = (c: ComplianceCandidacy): TReachedStage =>
  c.stage === 'withdrawn' ? (c.withdrawnAfter ?? 'applied') : c.stage;
const madeLonglist = (c: ComplianceCandidacy) =>
  REACHED_STAGES.indexOf(reached(c)) >= REACHED_STAGES.indexOf('longlisted');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** How each group is named in reasons; `where` completes "No one …" when it is empty. */
const GROUPS = {
  applicants: { one: 'applicant', many: 'applicants', where: 'has applied' },
  longlisted: { one: 'longlisted', many: 'longlisted', where: 'is on the longlist' },
  shortlisted: { one: 'shortlisted', many: 'shortlisted', where: 'is on the shortlist' },
} as const;

interface Share {
  members: readonly ComplianceCandidacy[];
  group: keyof typeof GROUPS;
  decided: boolean;
  flag: (c: ComplianceCandidacy) => boolean | null;
  meets: (count: number, total: number) => boolean;
  has: string;
  hasNot: string;
  /** What the rule asks for, e.g. "the rule needs 50%". */
  need: string;
}

function shareVerdict(s: Share, input: ComplianceInput): Judged {
  const { members } = s;
  const { one, many, where } = GROUPS[s.group];
  const total = members.length;
  const count = members.filter((c) => s.flag(c) === true).length;
  const state = s.meets(count, total) ? 'kept' : s.decided ? 'broken' : 'at_risk';
  const soFar = s.decided ? '' : 'so far ';
  if (total === 0) {
    const reason =
      state === 'broken' ? `No one ${where}.` : capitalise(`${soFar}no one ${where}; ${s.need}.`);
    return judged(state, reason, 0, 0);
  }
  const below = input.rules.suppressBelow;
  if (input.audience === 'public' && suppressed(count, total, below)) {
    // Saying which side is small, or how many are not recorded, would narrow the count back down.
    const reason =
      `${soFar}fewer than ${below} ${many} ${s.has}, or fewer than ${below} ${s.hasNot}, ` +
      `so figures are withheld: ${plural(total, one, many)}; ${s.need}.`;
    return judged(state, capitalise(reason), null, total);
  }
  const unknown = members.filter((c) => s.flag(c) === null).length;
  const note = input.audience === 'officer' && unknown > 0 ? ` (${unknown} not recorded)` : '';
  const reason = `${soFar}${count} of ${total} ${many} ${s.has}${note}; ${s.need}.`;
  return judged(state, capitalise(reason), count, total);
}

export function evaluateCompliance(input: ComplianceInput): TCompliance {
  const { candidacies, rules, stage } = input;
  const atOrAfter = (s: TSelectionStage) => stageAtOrAfter(stage, s);
  const inStage = (...stages: TCandidacyStage[]) => candidacies.filter((c) => stages.includes(c.stage));
  const applicants = candidacies.filter((c) => c.stage !== 'withdrawn');
  const drawnLonglist = candidacies.filter(madeLonglist);
  const current = { applicants, longlisted: inStage('longlisted', 'shortlisted', 'selected') };
  const shortlist = inStage('shortlisted', 'selected');

  const percentShare = (p: number, flag: Share['flag'], has: string, hasNot: string): Judged => {
    const decided = atOrAfter('shortlist');
    const pool = atOrAfter('longlist') ? 'longlisted' : 'applicants';
    return shareVerdict(
      {
        members: decided ? shortlist : current[pool],
        group: decided ? 'shortlisted' : pool,
        decided,
        flag,
        // Integer maths so that exactly p% is kept, with no rounding at the threshold.
        meets: (count, total) => p === 0 || (total > 0 && count * 100 >= p * total),
        has,
        hasNot,
        need: `the ${decided ? 'rule' : 'shortlist'} needs ${p}%`,
      },
      input,
    );
  };

  const judge: Record<TRuleKey, () => Judged> = {
    localInput: () => {
      if (!rules.localInput) return OFF;
      if (!input.imposed) return judged('kept', 'Nothing has been imposed from outside.');
      const source = input.imposedSource ? ` (source: ${input.imposedSource})` : '';
      return judged('broken', `The shortlist or candidate was imposed without local input${source}.`);
    },
    longlistSize: () => {
      const n = rules.longlistSize;
      if (!atOrAfter('longlist')) {
        const count = applicants.length;
        const reason = `So far ${plural(count, 'applicant')}; the longlist needs at least ${n}.`;
        return judged(count >= n ? 'kept' : 'at_risk', reason, count);
      }
      const count = drawnLonglist.length;
      const drawn =
        count === 0 ? 'No longlist was drawn' : count === 1 ? 'A long list of one' : `A longlist of ${count}`;
      return judged(count >= n ? 'kept' : 'broken', `${drawn}; the rule needs at least ${n}.`, count);
    },
    localShare: () => percentShare(rules.localShare, (c) => c.livesLocally, 'live locally', 'do not'),
    workingClassShare: () =>
      percentShare(rules.workingClassShare, (c) => c.workingClass, 'are working class', 'are not'),
    membersBallot: () => {
      if (!rules.membersBallot) return OFF;
      if (input.ballotHeld) return judged('kept', "A members' ballot was held.");
      if (atOrAfter('selected')) return judged('broken', "Selected without a members' ballot.");
      return input.ballotPlanned
        ? judged('kept', "A members' ballot is planned.")
        : judged('at_risk', "No members' ballot is planned.");
    },
    womenOnLonglist: () => {
      if (!rules.womenOnLonglist) return OFF;
      const decided = atOrAfter('longlist');
      return shareVerdict(
        {
          members: decided ? drawnLonglist : applicants,
          group: decided ? 'longlisted' : 'applicants',
          decided,
          flag: (c) => (c.gender === null ? null : c.gender === 'woman'),
          meets: (count, total) => total > 0 && count * 2 >= total,
          has: 'are women',
          hasNot: 'are not',
          need: `the ${decided ? 'rule' : 'longlist'} needs at least half`,
        },
        input,
      );
    },
    unionNomineesLonglisted: () => {
      if (!rules.unionNomineesLonglisted) return OFF;
      if (!atOrAfter('longlist')) {
        const total = applicants.filter((c) => c.unionNominated).length;
        return judged('kept', `${plural(total, 'union-nominated applicant')} so far.`, null, total);
      }
      // Someone who withdrew before the longlist was drawn could not have been left off it.
      const nominees = candidacies.filter(
        (c) => c.unionNominated && !(c.stage === 'withdrawn' && reached(c) === 'applied'),
      );
      const total = nominees.length;
      const count = nominees.filter(madeLonglist).length;
      const missed = total - count;
      if (total === 0) return judged('kept', 'No applicant had a union nomination.', 0, 0);
      if (missed === 0) {
        const all =
          total === 1 ? 'The union-nominated applicant was' : `All ${total} union-nominated applicants were`;
        return judged('kept', `${all} longlisted.`, count, total);
      }
      const were = `${missed} of ${total} union-nominated applicants ${missed === 1 ? 'was' : 'were'}`;
      return judged('broken', `${were} not longlisted.`, count, total);
    },
  };

  const rulesOut = RULE_KEYS.map((rule) => ({
    rule,
    ...judge[rule](),
    // Only the reason: callers may pass stored overrides, which carry their value too.
    override: input.overrides[rule] ? { reason: input.overrides[rule].reason } : null,
  }));
  const overall = rulesOut.reduce<TComplianceState>(
    (worst, v) => (SEVERITY[v.state] > SEVERITY[worst] ? v.state : worst),
    'off',
  );
  return { overall, rules: rulesOut };
}
