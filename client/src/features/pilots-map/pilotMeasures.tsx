// The pilot layer as two map measures: "Pilots" (how many pilots a seat's CLP has, and whether any is
// running) and "Organising activity" (activities logged in the last 90 days). The seat list carries each
// 2024 seat's counts for signed-in callers (its `layers.pilot` says so); nothing is joined in the browser.
// Filter, columns and card section belong to the first measure only: the explorer shows every usable
// measure's columns and filters, and both measures are usable together.
import {
  PILOT_LAYER_SORTS,
  type TPilotLayer,
  type TSeatLayerAccess,
  type TSeatSummary,
} from '@groundwork/server/contracts';
import type {
  LegendClass,
  Measure,
  MeasureFilter,
  MeasureLegend,
  SeatValues,
  Unavailable,
} from '../seat-map/measure.ts';
import { SelectFilter } from '../seat-map/SelectFilter.tsx';
import type { FilterControlProps } from '../seat-map/measure.ts';
import { PilotsSection } from './PilotsSection.tsx';

export const PILOTS_MEASURE_ID = 'pilots';
export const ACTIVITY_MEASURE_ID = 'pilot-activity';
/** The measures that show pilot markers on the map. */
export const PILOT_MEASURE_IDS: readonly string[] = [PILOTS_MEASURE_ID, ACTIVITY_MEASURE_ID];

/** The pilot counts of a seat row; the seat rows the map passes are full summaries. */
export function pilotOf(seat: SeatValues): TPilotLayer | undefined {
  return (seat as Pick<TSeatSummary, 'pilot'>).pilot;
}

function denied(layers: TSeatLayerAccess): Unavailable | undefined {
  return layers.pilot ? undefined : { tag: 'sign in', reason: 'Sign in to see pilots.' };
}

// Not 'none': the legend counts seats without any class (no data) under that key.
const NONE: LegendClass = { key: 'no-pilot', label: 'No pilot', colour: '#f6f1e1' };
// Running pilots in a strong hue, the rest in a pale one, darker for more pilots; labels say it all.
const PILOT_CLASSES: LegendClass[] = [
  { key: 'running-1', label: '1 pilot, running', colour: '#fd8d3c' },
  { key: 'running-2', label: '2 or more pilots, one or more running', colour: '#a63603' },
  { key: 'idle-1', label: '1 pilot, none running', colour: '#9ecae1' },
  { key: 'idle-2', label: '2 or more pilots, none running', colour: '#3182bd' },
];
const byKey = new Map([NONE, ...PILOT_CLASSES].map((c) => [c.key, c]));

export function pilotsLegend(): MeasureLegend {
  return {
    title: 'Pilots in the seat’s CLP (running: active or paused)',
    groups: [
      { heading: 'Running', classes: PILOT_CLASSES.slice(0, 2) },
      { heading: 'None running', classes: PILOT_CLASSES.slice(2) },
      { classes: [NONE] },
    ],
    // The measure is only used when the list carries the layer, so a row without it has no pilot.
    classOf: (seat) => {
      const p = pilotOf(seat);
      if (!p || p.pilots === 0) return NONE;
      const key = `${p.running > 0 ? 'running' : 'idle'}-${p.pilots > 1 ? 2 : 1}`;
      return byKey.get(key) ?? NONE;
    },
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function describePilots(seat: SeatValues): string {
  const p = pilotOf(seat);
  if (!p || p.pilots === 0) return 'No pilot';
  return `${plural(p.pilots, 'pilot', 'pilots')}, ${p.running.toLocaleString('en-GB')} running`;
}

const ACTIVITY_CLASSES: LegendClass[] = [
  { key: 'a0', label: 'None', colour: '#f6f1e1' },
  { key: 'a1', label: '1–4', colour: '#c7e9c0' },
  { key: 'a5', label: '5–19', colour: '#74c476' },
  { key: 'a20', label: '20 or more', colour: '#238b45' },
];

export function activityClass(n: number): LegendClass {
  const i = n >= 20 ? 3 : n >= 5 ? 2 : n >= 1 ? 1 : 0;
  return ACTIVITY_CLASSES[i] as LegendClass;
}

export function activityLegend(): MeasureLegend {
  return {
    title: 'Organising activities in the last 90 days',
    groups: [{ classes: ACTIVITY_CLASSES }],
    classOf: (seat) => activityClass(pilotOf(seat)?.activities90 ?? 0),
  };
}

export function describeActivity(seat: SeatValues): string {
  const n = pilotOf(seat)?.activities90 ?? 0;
  return n === 0 ? 'No activity in the last 90 days' : `${plural(n, 'activity', 'activities')} in 90 days`;
}

const PILOT_FILTER_OPTIONS = [
  { value: '', label: 'Any seat' },
  { value: 'any', label: 'With a pilot' },
  { value: 'running', label: 'With a running pilot' },
  { value: 'none', label: 'Without a pilot' },
];
const PILOT_FILTER_VALUES = ['any', 'none', 'running'];

export function PilotsFilter(props: FilterControlProps) {
  return <SelectFilter {...props} param="pilots" label="Pilots" options={PILOT_FILTER_OPTIONS} />;
}

const pilotsFilter: MeasureFilter = {
  keys: ['pilots'],
  read: (url) => {
    const v = url.get('pilots');
    return v !== null && PILOT_FILTER_VALUES.includes(v) ? { pilots: v } : {};
  },
  Control: PilotsFilter,
};

const count = (n: number | undefined) => (n === undefined ? '–' : n.toLocaleString('en-GB'));

export const pilotsMeasure: Measure = {
  id: PILOTS_MEASURE_ID,
  label: 'Pilots',
  boundarySets: ['2024'],
  denied,
  legend: pilotsLegend,
  describe: describePilots,
  filters: [pilotsFilter],
  columns: [
    { id: 'pilots', header: 'Pilots', sort: 'pilots', numeric: true, cell: (s) => count(s.pilot?.pilots) },
    { id: 'pilots-running', header: 'Running', numeric: true, cell: (s) => count(s.pilot?.running) },
    {
      id: 'pilot-activity',
      header: 'Activities, 90 days',
      sort: 'activity',
      numeric: true,
      cell: (s) => count(s.pilot?.activities90),
    },
  ],
  sorts: PILOT_LAYER_SORTS,
  CardSection: PilotsSection,
};

export const activityMeasure: Measure = {
  id: ACTIVITY_MEASURE_ID,
  label: 'Organising activity',
  boundarySets: ['2024'],
  denied,
  legend: activityLegend,
  describe: describeActivity,
  sorts: PILOT_LAYER_SORTS,
};

export const PILOT_MEASURES: readonly Measure[] = [pilotsMeasure, activityMeasure];
