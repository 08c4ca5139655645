import type { SeatValues } from './measure.ts';

type Describe = (seat: SeatValues, partyName: (code: string) => string) => string;

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? 'no data' : `${v.toFixed(1)}%`;

/** One line per built-in measure saying a seat's value in words (map tooltips). */
export const describeSeat = {
  winner: (seat, partyName) => (seat.result ? `Won by ${partyName(seat.result.winner)}` : 'No result'),
  majorityPct: ({ result: r }) =>
    r ? `Majority ${r.majority.toLocaleString('en-GB')} (${pct(r.majorityPct)})` : 'No result',
  swingNeeded: ({ result: r }) =>
    r ? `Labour needs ${r.swingNeeded.toFixed(1)} pts swing to ${r.swingKind}` : 'No result',
  leavePct: (seat) => `Leave ${pct(seat.leavePct)}`,
  turnoutPct: (seat) => `Turnout ${pct(seat.result?.turnoutPct)}`,
  deprivationDecile: ({ deprivationDecile: d }) =>
    d === null ? 'Deprivation: no data' : `Deprivation decile ${d}`,
} satisfies Record<string, Describe>;
