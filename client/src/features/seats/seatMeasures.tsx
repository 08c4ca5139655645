// The built-in measures: what every seat has on both boundary sets (results, Leave, deprivation), with
// their filters and table columns. Nothing here depends on who is signed in.
import { BOUNDARY_SETS } from '@groundwork/server/contracts';
import type { Measure, MeasureFilter } from '../seat-map/measure.ts';
import {
  deprivationLegend,
  leaveLegend,
  majorityLegend,
  swingLegend,
  turnoutLegend,
  winnerLegend,
} from '../seat-map/measures.ts';
import { describeSeat } from '../seat-map/measureText.ts';
import { RedWallFilter, SwingFilter, WinnerFilter } from './components/SeatFilters.tsx';
import { fmtInt, fmtPct } from './format.ts';

const PARTY = /^[A-Za-z]{1,8}$/;

const winnerFilter: MeasureFilter = {
  keys: ['winner'],
  read: (url) => {
    const v = url.get('winner') ?? '';
    return PARTY.test(v) ? { winner: v } : {};
  },
  Control: WinnerFilter,
};

const redWallFilter: MeasureFilter = {
  keys: ['redWall'],
  read: (url) => {
    const v = url.get('redWall');
    return v === 'true' || v === 'false' ? { redWall: v } : {};
  },
  Control: RedWallFilter,
};

function swingBound(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

const swingFilter: MeasureFilter = {
  keys: ['minSwing', 'maxSwing'],
  read: (url) => {
    let min = swingBound(url.get('minSwing'));
    let max = swingBound(url.get('maxSwing'));
    if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
    return {
      ...(min === undefined ? {} : { minSwing: String(min) }),
      ...(max === undefined ? {} : { maxSwing: String(max) }),
    };
  },
  Control: SwingFilter,
};

const everywhere = BOUNDARY_SETS;

export const winnerMeasure: Measure = {
  id: 'winner',
  label: 'Winner',
  boundarySets: everywhere,
  legend: ({ parties, seats }) => winnerLegend(parties, seats),
  describe: describeSeat.winner,
  // Red wall is about who won: held by Labour before 2019 and lost in 2019.
  filters: [winnerFilter, redWallFilter],
  columns: [
    { id: 'winner', header: 'Winner', sort: 'winner', cell: (s, p) => (s.result ? p(s.result.winner) : '–') },
  ],
};

export const majorityMeasure: Measure = {
  id: 'majorityPct',
  label: 'Majority',
  boundarySets: everywhere,
  legend: majorityLegend,
  describe: describeSeat.majorityPct,
  columns: [
    {
      id: 'majority',
      header: 'Majority',
      sort: 'majorityPct',
      numeric: true,
      cell: (s) => (s.result ? `${fmtInt(s.result.majority)} (${fmtPct(s.result.majorityPct)})` : '–'),
    },
  ],
};

export const swingMeasure: Measure = {
  id: 'swingNeeded',
  label: 'Swing needed by Labour',
  boundarySets: everywhere,
  legend: swingLegend,
  describe: describeSeat.swingNeeded,
  filters: [swingFilter],
  columns: [
    {
      id: 'swing',
      header: 'Swing needed',
      sort: 'swingNeeded',
      numeric: true,
      cell: ({ result: r }) => (r ? `${r.swingNeeded.toFixed(1)} to ${r.swingKind}` : '–'),
    },
  ],
};

export const leaveMeasure: Measure = {
  id: 'leavePct',
  label: 'Leave share (2016)',
  boundarySets: everywhere,
  legend: leaveLegend,
  describe: describeSeat.leavePct,
  columns: [
    { id: 'leave', header: 'Leave', sort: 'leavePct', numeric: true, cell: (s) => fmtPct(s.leavePct) },
  ],
};

export const turnoutMeasure: Measure = {
  id: 'turnoutPct',
  label: 'Turnout',
  boundarySets: everywhere,
  legend: turnoutLegend,
  describe: describeSeat.turnoutPct,
  columns: [
    {
      id: 'turnout',
      header: 'Turnout',
      sort: 'turnoutPct',
      numeric: true,
      cell: (s) => fmtPct(s.result?.turnoutPct),
    },
  ],
};

export const deprivationMeasure: Measure = {
  id: 'deprivationDecile',
  label: 'Deprivation decile',
  boundarySets: everywhere,
  legend: deprivationLegend,
  describe: describeSeat.deprivationDecile,
  columns: [
    {
      id: 'deprivation',
      header: 'Deprivation',
      sort: 'deprivationDecile',
      numeric: true,
      cell: (s) => s.deprivationDecile ?? '–',
    },
  ],
};

/** The built-in measures, in menu order; the first is the default. */
export const SEAT_MEASURES: readonly Measure[] = [
  winnerMeasure,
  majorityMeasure,
  swingMeasure,
  leaveMeasure,
  turnoutMeasure,
  deprivationMeasure,
];
