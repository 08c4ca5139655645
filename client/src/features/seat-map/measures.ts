// Colour scales for the seat map, and the legends of the built-in measures. Every scale says its unit and
// its classes, so the legend can be read without the colours; the same class function feeds the map, the
// legend counts and the tests.
import type { TParty } from '@groundwork/server/contracts';
import type { ColourScale, LegendClass, MeasureLegend, SeatValues } from './measure.ts';

export type { ColourScale, LegendClass, LegendGroup, SeatValues } from './measure.ts';

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

/** One class per bin, each with its colour. */
export function binned(
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

/** A legend of binned values, e.g. majority in percent. */
export function numericLegend(
  title: string,
  classes: LegendClass[],
  breaks: readonly number[],
  value: (s: SeatValues) => number | null | undefined,
): MeasureLegend {
  return {
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

/** Winner in party colours; the legend lists the parties that won a seat here, most seats first. */
export function winnerLegend(
  parties: ReadonlyMap<string, TParty>,
  seats: readonly SeatValues[],
): MeasureLegend {
  const counts = new Map<string, number>();
  for (const s of seats) if (s.result) counts.set(s.result.winner, (counts.get(s.result.winner) ?? 0) + 1);
  const classFor = (code: string): LegendClass => {
    const party = parties.get(code);
    return { key: code, label: party?.name ?? code, colour: party?.colour ?? OTHER_PARTY_COLOUR };
  };
  // Party codes are ASCII: compared as strings, not with localeCompare, whose first call loads the
  // collation tables (~30 ms) while the map is drawing.
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const classes = new Map(order.map(([code]) => [code, classFor(code)]));
  return {
    title: 'Winning party',
    groups: [{ classes: [...classes.values()] }],
    classOf: ({ result }) => (result ? (classes.get(result.winner) ?? classFor(result.winner)) : null),
  };
}

export function majorityLegend(): MeasureLegend {
  return numericLegend(
    'Majority (% of valid votes)',
    binned(MAJORITY_BREAKS, MAJORITY_COLOURS, 0),
    MAJORITY_BREAKS,
    (s) => s.result?.majorityPct,
  );
}

export function swingLegend(): MeasureLegend {
  const lose = binned(SWING_BREAKS_LOSE, SWING_COLOURS_LOSE, 0, 'lose');
  const gain = binned(SWING_BREAKS_GAIN, SWING_COLOURS_GAIN, 0, 'gain');
  return {
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

export function leaveLegend(): MeasureLegend {
  return numericLegend(
    'Estimated Leave vote, 2016 referendum (%)',
    binned(LEAVE_BREAKS, LEAVE_COLOURS),
    LEAVE_BREAKS,
    (s) => s.leavePct,
  );
}

export function turnoutLegend(): MeasureLegend {
  return numericLegend(
    'Turnout (% of electorate)',
    binned(TURNOUT_BREAKS, TURNOUT_COLOURS),
    TURNOUT_BREAKS,
    (s) => s.result?.turnoutPct,
  );
}

export function deprivationLegend(): MeasureLegend {
  const classes = DECILE_COLOURS.map((colour, i) => ({
    key: String(i + 1),
    label: i === 0 ? '1 (most deprived)' : i === 9 ? '10 (least deprived)' : String(i + 1),
    colour,
  }));
  return {
    title: 'Deprivation decile (1 = most deprived tenth of seats)',
    groups: [{ classes }],
    classOf: ({ deprivationDecile: d }) => (d === null ? null : (classes[d - 1] ?? null)),
  };
}

/** Counts per class key (and 'none' for no data), for the legend. */
export function classCounts(
  scale: Pick<ColourScale, 'classOf'>,
  seats: readonly SeatValues[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of seats) {
    const key = scale.classOf(s)?.key ?? 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
