import {
  SELECTION_STAGES,
  type TComplianceState,
  type TSelectionStage,
  type TSelectionSummary,
} from '@groundwork/server/contracts';
import type { Grant } from '../auth/api.ts';

export type StageState = 'done' | 'current' | 'coming';

export interface TimelineStage {
  stage: TSelectionStage;
  plannedOn: string | null;
  actualOn: string | null;
  state: StageState;
}

/** The stages this selection goes through (a trigger ballot only with a sitting member), with dates. */
export function timeline(s: Pick<TSelectionSummary, 'stage' | 'stages' | 'sittingMember'>): TimelineStage[] {
  const current = SELECTION_STAGES.indexOf(s.stage);
  return SELECTION_STAGES.filter(
    (stage) => stage !== 'trigger_ballot' || s.sittingMember || s.stage === stage,
  ).map((stage) => {
    const dates = s.stages.find((d) => d.stage === stage);
    const at = SELECTION_STAGES.indexOf(stage);
    return {
      stage,
      plannedOn: dates?.plannedOn ?? null,
      actualOn: dates?.actualOn ?? null,
      state: at < current ? 'done' : at === current ? 'current' : 'coming',
    };
  });
}

export const STAGE_STATE_WORDS: Record<StageState, string> = {
  done: 'Done',
  current: 'Current stage',
  coming: 'To come',
};

/** The shape beside each state's words, so colour is never the only signal. */
export const COMPLIANCE_ICONS: Record<TComplianceState, string> = {
  kept: '✓',
  at_risk: '!',
  broken: '✕',
  off: '–',
};

/** The CLPs where the user runs selections (their selection_officer grants). */
export function officerClps(grants: readonly Grant[]): { id: number; name: string }[] {
  const out = new Map<number, string>();
  for (const g of grants) {
    if (g.role === 'selection_officer' && g.clpId !== null) {
      out.set(g.clpId, g.clp?.name ?? `CLP ${g.clpId}`);
    }
  }
  return [...out].map(([id, name]) => ({ id, name }));
}

/** Every CLP the user has a grant in, for the tracker's default and its "where" choice. */
export function grantClps(grants: readonly Grant[]): { id: number; name: string }[] {
  const out = new Map<number, string>();
  for (const g of grants) if (g.clpId !== null) out.set(g.clpId, g.clp?.name ?? `CLP ${g.clpId}`);
  return [...out].map(([id, name]) => ({ id, name }));
}

/** A yes/no/not-recorded answer as a select's value and back. */
export type FlagValue = '' | 'yes' | 'no';
export const flagValue = (b: boolean | null | undefined): FlagValue =>
  b === true ? 'yes' : b === false ? 'no' : '';
export const flagOf = (v: FlagValue): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
export const flagWords = (b: boolean | null | undefined): string =>
  b === true ? 'Yes' : b === false ? 'No' : 'Not recorded';

/**
 * A count members may see, or the words for a withheld one: the server shows a count only when it and the
 * rest of its total are both at least the threshold; saying which side is short would give it away.
 */
export function countWords(n: number | null, below: number): string {
  return n === null ? `withheld (shown only with at least ${below} on each side)` : String(n);
}

/** A whole number typed in a box: undefined when empty, NaN when not a whole number. */
export function wholeNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** A rule's setting in words: switches as On/Off, shares as percentages, sizes as counts. */
export function ruleValueWords(rule: string, value: boolean | number | undefined): string {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (value === undefined) return 'not set';
  return rule === 'localShare' || rule === 'workingClassShare' ? `${value}%` : String(value);
}
