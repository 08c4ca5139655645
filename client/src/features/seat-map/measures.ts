// Pure colour scales for the seat map. Every scale says its unit and its classes, so the legend can be
// read without the colours; the same class function feeds the map, the legend counts and the tests.
import type { TParty, TSeatSummary } from '@groundwork/server/contracts';

export const MEASURE_IDS = [
  'winner',
  'majorityPct',
  'swingNeeded',
  'leavePct',
  'turnoutPct',
  'deprivationDecile',
  'target',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export const MEASURE_LABELS: Record<MeasureId, string> = {
  winner: 'Winner',
  majorityPct: 'Majority',
  swingNeeded: 'Swing needed by Labour',
  leavePct: 'Leave share (2016)',
  turnoutPct: 'Turnout',
  deprivationDecile: 'Deprivation decile',
  target: 'Target status',
};

/** Measures that exist only on the 2024 boundaries (seat targets are set on the current seats). */
export const MEASURES_2024_ONLY: readonly MeasureId[] = ['target'];

export type TargetStatusCode = 'WIN' | 'DEFEND' | 'HOLD' | 'NONE';
/** A seat's target, joined onto its row by the page (the seat list does not carry it). */
export interface TargetMark {
  status: TargetStatusCode;
  tier: number | null;
}

export type SeatValues = Pick<TSeatSummary, 'leavePct' | 'deprivationDecile' | 'result'> & {
  /** Set (possibly to null: no target) only when targets are visible and loaded. */
  target?: TargetMark | null | undefined;
};

export interface LegendClass {
  key: string;
  label: string;
  colour: string;
}

export interface LegendGroup {
  heading?: string;
  classes: LegendClass[];
}

export interface ColourScale {
  measure: MeasureId;
  /** Legend title, naming the unit. */
  title: string;
  groups: LegendGroup[];
  /** The class a seat falls in, or null when the seat has no value for this measure. */
  classOf(seat: SeatValues): LegendClass | null;
}

export const NO_DATA_COLOUR = '#e4e6ea';
export const OTHER_PARTY_COLOUR = '#9aa0a6';

/** Index of the class a value falls in: breaks are lower bounds, so 5 is in "5–10", not "0–5". */
export function binIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= (breaks[i] as number)) i += 1;
  return i;
}

/** Labels for the classes made by `breaks`: "Under 5" or "0–5", "5–10", …, "30+". */
export function binLabels(breaks: readonly number[], floor?: number): string[] {
  const labels: string[] = [];
  labels.push(floor === undefined ? `Under ${breaks[0]}` : `${floor}–${breaks[0]}`);
  for (let i = 1; i < breaks.length; i += 1) labels.push(`${breaks[i - 1]}–${breaks[i]}`);
  labels.push(`${breaks[breaks.length - 1]}+`);
  return labels;
}

function binned(
  breaks: readonly number[],
  colours: readonly string[],
  floor?: number,
  prefix = '',
): LegendClass[] {
  if (colours.length !== breaks.length + 1) throw new Error('one colour per class');
  return binLabels(breaks, floor).map((label, i) => ({
    key: `${prefix}${i}`,
    label,
    colour: colours[i] as string,
  }));
}

function numericScale(
  measure: MeasureId,
  title: string,
  classes: LegendClass[],
  breaks: readonly number[],
  value: (s: SeatValues) => number | null | undefined,
): ColourScale {
  return {
    measure,
    title,
    groups: [{ classes }],
    classOf: (seat) => {
      const v = value(seat);
      return v === null || v === undefined ? null : (classes[binIndex(v, breaks)] ?? null);
    },
  };
}

// Marginal seats are the darkest: they are the ones a campaign looks for.
const MAJORITY_BREAKS = [5, 10, 15, 20, 30];
const MAJORITY_COLOURS = ['#253494', '#2c7fb8', '#41b6c4', '#7fcdbb', '#c7e9b4', '#ffffcc'];
const LEAVE_BREAKS = [40, 45, 50, 55, 60, 65];
const LEAVE_COLOURS = ['#1b7837', '#7fbf7b', '#d9f0d3', '#e7d4e8', '#c2a5cf', '#9970ab', '#762a83'];
const TURNOUT_BREAKS = [55, 60, 65, 70, 75];
const TURNOUT_COLOURS = ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'];
const DECILE_COLOURS = [
  '#00204d', '#00336f', '#39486b', '#575c6d', '#707173',
  '#8a8779', '#a69d75', '#c4b56c', '#e4cf5b', '#ffea46',
]; // prettier-ignore
const SWING_BREAKS_LOSE = [2, 5, 10];
const SWING_COLOURS_LOSE = ['#3f007d', '#6a51a3', '#9e9ac8', '#dadaeb'];
const SWING_BREAKS_GAIN = [2, 5, 10, 20];
const SWING_COLOURS_GAIN = ['#7f2704', '#d94801', '#fd8d3c', '#fdd0a2', '#fff5eb'];

function swingScale(): ColourScale {
  const lose = binned(SWING_BREAKS_LOSE, SWING_COLOURS_LOSE, 0, 'lose');
  const gain = binned(SWING_BREAKS_GAIN, SWING_COLOURS_GAIN, 0, 'gain');
  return {
    measure: 'swingNeeded',
    title: 'Swing needed by Labour (percentage points)',
    groups: [
      { heading: 'Not Labour: swing to gain', classes: gain },
      { heading: 'Labour-held: swing to lose', classes: lose },
    ],
    classOf: ({ result }) => {
      if (!result) return null;
      return result.swingKind === 'gain'
        ? (gain[binIndex(result.swingNeeded, SWING_BREAKS_GAIN)] ?? null)
        : (lose[binIndex(result.swingNeeded, SWING_BREAKS_LOSE)] ?? null);
    },
  };
}

/** Winner in party colours; the legend lists the parties that won a seat here, most seats first. */
function winnerScale(parties: ReadonlyMap<string, TParty>, seats: readonly SeatValues[]): ColourScale {
  const counts = new Map<string, number>();
  for (const s of seats) if (s.result) counts.set(s.result.winner, (counts.get(s.result.winner) ?? 0) + 1);
  const classFor = (code: string): LegendClass => {
    const party = parties.get(code);
    return { key: code, label: party?.name ?? code, colour: party?.colour ?? OTHER_PARTY_COLOUR };
  };
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const classes = new Map(order.map(([code]) => [code, classFor(code)]));
  return {
    measure: 'winner',
    title: 'Winning party',
    groups: [{ classes: [...classes.values()] }],
    classOf: ({ result }) => (result ? (classes.get(result.winner) ?? classFor(result.winner)) : null),
  };
}

export const TARGET_STATUS_LABELS: Record<TargetStatusCode, string> = {
  WIN: 'Win (gain)',
  DEFEND: 'Defend',
  HOLD: 'Hold',
  NONE: 'No target',
};
// One hue per status, darkest for tier 1; the labels carry status and tier so colour is never needed.
const TARGET_COLOURS: Record<Exclude<TargetStatusCode, 'NONE'>, readonly string[]> = {
  WIN: ['#a50f15', '#ef3b2c', '#fc9272'],
  DEFEND: ['#08519c', '#4292c6', '#9ecae1'],
  HOLD: ['#006d2c', '#41ab5d', '#a1d99b'],
};
const NO_TARGET_COLOUR = '#f6f1e1';

/** Target status in one hue per status, shaded by tier; seats without a status are "No target". */
function targetScale(): ColourScale {
  const groups: LegendGroup[] = (['WIN', 'DEFEND', 'HOLD'] as const).map((status) => ({
    heading: TARGET_STATUS_LABELS[status],
    classes: TARGET_COLOURS[status].map((colour, i) => ({
      key: `${status}-${i + 1}`,
      label: `${TARGET_STATUS_LABELS[status]}, tier ${i + 1}`,
      colour,
    })),
  }));
  const none: LegendClass = { key: 'NONE', label: TARGET_STATUS_LABELS.NONE, colour: NO_TARGET_COLOUR };
  groups.push({ classes: [none] });
  const byKey = new Map(groups.flatMap((g) => g.classes).map((c) => [c.key, c]));
  return {
    measure: 'target',
    title: 'Target status (2024 boundaries; tier 1 = top priority)',
    groups,
    classOf: ({ target }) => {
      if (target === undefined) return null;
      if (target === null || target.status === 'NONE') return none;
      const { status, tier } = target;
      return (
        byKey.get(`${status}-${tier ?? ''}`) ?? {
          key: `${status}-`,
          label: `${TARGET_STATUS_LABELS[status]}, no tier`,
          colour: TARGET_COLOURS[status][2] as string,
        }
      );
    },
  };
}

export function colourScale(
  measure: MeasureId,
  parties: ReadonlyMap<string, TParty>,
  seats: readonly SeatValues[],
): ColourScale {
  switch (measure) {
    case 'winner':
      return winnerScale(parties, seats);
    case 'majorityPct':
      return numericScale(
        measure,
        'Majority (% of valid votes)',
        binned(MAJORITY_BREAKS, MAJORITY_COLOURS, 0),
        MAJORITY_BREAKS,
        (s) => s.result?.majorityPct,
      );
    case 'swingNeeded':
      return swingScale();
    case 'leavePct':
      return numericScale(
        measure,
        'Estimated Leave vote, 2016 referendum (%)',
        binned(LEAVE_BREAKS, LEAVE_COLOURS),
        LEAVE_BREAKS,
        (s) => s.leavePct,
      );
    case 'turnoutPct':
      return numericScale(
        measure,
        'Turnout (% of electorate)',
        binned(TURNOUT_BREAKS, TURNOUT_COLOURS),
        TURNOUT_BREAKS,
        (s) => s.result?.turnoutPct,
      );
    case 'deprivationDecile': {
      const classes = DECILE_COLOURS.map((colour, i) => ({
        key: String(i + 1),
        label: i === 0 ? '1 (most deprived)' : i === 9 ? '10 (least deprived)' : String(i + 1),
        colour,
      }));
      return {
        measure,
        title: 'Deprivation decile (1 = most deprived tenth of seats)',
        groups: [{ classes }],
        classOf: ({ deprivationDecile: d }) => (d === null ? null : (classes[d - 1] ?? null)),
      };
    }
    case 'target':
      return targetScale();
  }
}

/** Counts per class key (and 'none' for no data), for the legend. */
export function classCounts(scale: ColourScale, seats: readonly SeatValues[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of seats) {
    const key = scale.classOf(s)?.key ?? 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
