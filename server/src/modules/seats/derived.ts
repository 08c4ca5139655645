// Every derived electoral figure is computed here and nowhere else, so the map, the table, the target
// list and the CSV export can never disagree. Shares are percentages of valid votes, in points.
import type { TElectionCode, TSeatFigures } from '../../contracts/index.ts';

export interface VoteCount {
  party: string;
  votes: number;
}

export interface ResultInput {
  election: TElectionCode;
  electorate: number;
  validVotes: number;
  majority: number;
  winner: string;
  second: string;
  resultText: string | null;
  votes: readonly VoteCount[];
}

/** The election whose winner a result is compared with to say whether the seat changed hands. */
export const PREVIOUS_ELECTION: Partial<Record<TElectionCode, TElectionCode>> = {
  GE2019: 'GE2017',
  GE2024: 'GE2019N',
};

/** ONS codes: North East, North West, Yorkshire and The Humber, East Midlands, West Midlands; Wales. */
export const RED_WALL_REGIONS: ReadonlySet<string> = new Set([
  'E12000001',
  'E12000002',
  'E12000003',
  'E12000004',
  'E12000005',
  'W92000004',
]);

export function sharePct(votes: number, validVotes: number): number {
  return validVotes > 0 ? (votes / validVotes) * 100 : 0;
}

export function votesFor(result: Pick<ResultInput, 'votes'>, party: string): number {
  let total = 0;
  for (const v of result.votes) if (v.party === party) total += v.votes;
  return total;
}

/**
 * Swing (points) that would make `party` the winner, or, when it already won, the swing that would lose
 * it the seat: half the gap between the two shares, the uniform-swing convention of target lists.
 */
export function swingNeeded(result: ResultInput, party: string): { swing: number; kind: 'gain' | 'lose' } {
  const partyShare = sharePct(votesFor(result, party), result.validVotes);
  if (result.winner === party) {
    const secondShare = sharePct(votesFor(result, result.second), result.validVotes);
    return { swing: (partyShare - secondShare) / 2, kind: 'lose' };
  }
  const winnerShare = sharePct(votesFor(result, result.winner), result.validVotes);
  return { swing: (winnerShare - partyShare) / 2, kind: 'gain' };
}

/**
 * Whether the seat changed hands: the official result text says so ("Con gain from Lab") where there is
 * one; otherwise the winner is compared with the previous election on the same boundaries.
 */
export function changedHands(result: ResultInput, previousWinner: string | null | undefined): boolean {
  if (result.resultText) return /\bgain from\b/i.test(result.resultText);
  return previousWinner != null && previousWinner !== result.winner;
}

export function deriveFigures(result: ResultInput, previousWinner?: string | null): TSeatFigures {
  const { swing, kind } = swingNeeded(result, 'Lab');
  return {
    election: result.election,
    winner: result.winner,
    second: result.second,
    majority: result.majority,
    majorityPct: sharePct(result.majority, result.validVotes),
    turnoutPct: result.electorate > 0 ? (result.validVotes / result.electorate) * 100 : null,
    winnerSharePct: sharePct(votesFor(result, result.winner), result.validVotes),
    labSharePct: sharePct(votesFor(result, 'Lab'), result.validVotes),
    swingNeeded: swing,
    swingKind: kind,
    changedHands: changedHands(result, previousWinner),
    resultText: result.resultText,
  };
}

/**
 * The default red-wall flag on the 2010 boundaries: a seat in the North of England, the Midlands or
 * Wales that Labour won in 2017 and the Conservatives took in 2019.
 */
export function isRedWall2010(
  regionCode: string,
  winner2017: string | null | undefined,
  winner2019: string | null | undefined,
): boolean {
  return RED_WALL_REGIONS.has(regionCode) && winner2017 === 'Lab' && winner2019 === 'Con';
}

/** On the 2024 boundaries a seat inherits the flag of the 2010 seat that contributed most people. */
export function isRedWall2024(
  predecessors: readonly { population: number; redWall: boolean; code: string }[],
): boolean {
  let best: (typeof predecessors)[number] | undefined;
  for (const p of predecessors) {
    if (!best || p.population > best.population || (p.population === best.population && p.code < best.code)) {
      best = p;
    }
  }
  return best?.redWall ?? false;
}

/** Rounds a figure for display and transport (two decimal places). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
