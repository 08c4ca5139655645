import { describe, expect, it } from 'vitest';
import { compareVote, majorityBand, VOTE_CAVEATS, type VoteSeat } from './vote-comparison.ts';

const NE = { code: 'E12000001', name: 'North East' };
const NW = { code: 'E12000002', name: 'North West' };
const ELECTION = { code: 'GE2029T', name: 'Test 2029', polledOn: '2029-05-03' };
const PREVIOUS = { code: 'GE2024', name: 'General election 2024' };

let id = 0;
function seat(
  region: VoteSeat['region'],
  majorityPctBefore: number,
  change: number,
  pilotStartedOn: string | null,
): VoteSeat {
  return { id: ++id, region, pilotStartedOn, shareBefore: 40, shareAfter: 40 + change, majorityPctBefore };
}
const run = (seats: VoteSeat[]) =>
  compareVote([{ election: ELECTION, previous: PREVIOUS, seats }]).elections[0]!;

describe('the vote comparison', () => {
  it('puts majorities under 10 %, 10–20 % and 20 % or more in their bands', () => {
    expect([0, 9.99, 10, 19.99, 20, 55].map(majorityBand)).toEqual([
      'under10',
      'under10',
      '10to20',
      '10to20',
      '20plus',
      '20plus',
    ]);
  });

  it('compares seats with and without pilots within each region and band', () => {
    const result = run([
      seat(NE, 5, 4, '2026-01-01'),
      seat(NE, 6, 2, '2027-06-01'),
      seat(NE, 8, 1, null),
      seat(NE, 25, -3, null),
      seat(NW, 15, 3, '2028-01-01'),
      seat(NW, 12, 1, null),
      seat(NW, 11, -1, null),
    ]);
    expect(result.strata.map((s) => [s.region.code, s.band])).toEqual([
      ['E12000001', 'under10'],
      ['E12000001', '20plus'],
      ['E12000002', '10to20'],
    ]);
    const [neClose, neSafe, nw] = result.strata;
    expect(neClose).toMatchObject({
      withPilots: { n: 2, meanChange: 3, sd: 1.41 },
      without: { n: 1, meanChange: 1, sd: null },
      difference: 2,
    });
    // A stratum with seats in one group only is shown but left out of the overall figure.
    expect(neSafe).toMatchObject({ withPilots: { n: 0, meanChange: null }, difference: null });
    expect(nw).toMatchObject({
      withPilots: { n: 1, meanChange: 3 },
      without: { n: 2, meanChange: 0, sd: 1.41 },
    });
    // Weights: the smaller group's n, 1 and 1: (2 + 3) / 2.
    expect(result.overall).toMatchObject({
      withPilots: 3,
      without: 3,
      difference: 2.5,
      strataUsed: 2,
      strataLeftOut: 1,
    });
    // Pooled variance 2 (two groups of two, each variance 2); SE = sqrt(1·(2/2+2/1) + 1·(2/1+2/2)) / 2.
    expect(result.overall.spread).toBeCloseTo(Math.sqrt(6) / 2, 2);
  });

  it('weights each stratum by its smaller group', () => {
    const result = run([
      // Stratum A: 3 with (+5 each), 2 without (+1 each): difference 4, weight 2.
      ...[1, 2, 3].map(() => seat(NE, 5, 5, '2026-01-01')),
      ...[1, 2].map(() => seat(NE, 5, 1, null)),
      // Stratum B: 1 with (+0), 4 without (+1): difference −1, weight 1.
      seat(NW, 30, 0, '2026-01-01'),
      ...[1, 2, 3, 4].map(() => seat(NW, 30, 1, null)),
    ]);
    expect(result.overall.difference).toBeCloseTo((2 * 4 + 1 * -1) / 3, 2);
    // Every group has no spread inside it: the difference is certain as far as these seats go.
    expect(result.overall.spread).toBe(0);
  });

  it('counts a pilot only when it started before polling day', () => {
    const result = run([seat(NE, 5, 4, '2029-05-03'), seat(NE, 5, 1, '2029-05-02')]);
    expect(result.strata[0]).toMatchObject({ withPilots: { n: 1, meanChange: 1 }, without: { n: 1 } });
  });

  it('says there is nothing to compare when no stratum has both groups', () => {
    const result = run([seat(NE, 5, 4, '2026-01-01'), seat(NW, 5, 1, null)]);
    expect(result.overall).toEqual({
      withPilots: 0,
      without: 0,
      difference: null,
      spread: null,
      strataUsed: 0,
      strataLeftOut: 2,
    });
  });

  it('answers with no elections and the caveats when none followed a pilot', () => {
    expect(compareVote([])).toEqual({ elections: [], caveats: VOTE_CAVEATS });
    expect(VOTE_CAVEATS.join(' ')).toMatch(/not assigned at random/);
  });
});
