import { describe, expect, it } from 'vitest';
import { ballotProblems, ballotWinner, type BallotRoundInput } from './ballot.ts';

const ON_BALLOT = [11, 12, 13];

/** A round from [candidacyId, votes] pairs. */
const round = (n: number, exhausted: number, ...votes: [number, number][]): BallotRoundInput => ({
  round: n,
  exhausted,
  votes: votes.map(([candidacyId, v]) => ({ candidacyId, votes: v })),
});

// 100 ballots: 13 is eliminated and their 20 transfer 12 to 11, 5 to 12 and 3 exhaust; then 12 is
// eliminated and their 35 transfer 20 to 11 with 15 exhausting.
const CLEAN = [
  round(1, 0, [11, 50], [12, 30], [13, 20]),
  round(2, 3, [11, 62], [12, 35]),
  round(3, 18, [11, 82]),
];

const fields = (rounds: BallotRoundInput[]) => ballotProblems(rounds, ON_BALLOT).map((p) => p.field);

describe("the members' ballot checks", () => {
  it('find nothing wrong with a clean three-round transfer, or with no rounds', () => {
    expect(ballotProblems(CLEAN, ON_BALLOT)).toEqual([]);
    expect(ballotProblems([], ON_BALLOT)).toEqual([]);
    expect(ballotProblems([round(1, 0, [11, 40])], [11])).toEqual([]);
  });

  it('need the rounds numbered 1 to n in order', () => {
    const [r1, r2, r3] = CLEAN;
    const problems = ballotProblems([r1!, r3!, r2!], ON_BALLOT).filter((p) => p.field.endsWith('.round'));
    expect(problems.map((p) => p.field)).toEqual(['rounds.1.round', 'rounds.2.round']);
    expect(problems[0]!.message).toBe('Round 2 in order is numbered 3; number the rounds 1, 2, 3…');
  });

  it('need each candidate once per round, and only those on the ballot', () => {
    const problems = ballotProblems([round(1, 0, [11, 50], [11, 30], [99, 20])], ON_BALLOT);
    expect(problems).toEqual([
      {
        field: 'rounds.0.votes.1.candidacyId',
        message: 'This candidate is listed more than once in round 1.',
      },
      {
        field: 'rounds.0.votes.2.candidacyId',
        message: 'This candidate is not on the ballot: only the shortlist can be.',
      },
    ]);
  });

  it('need no exhausted ballots and at least one candidate in round 1', () => {
    expect(fields([round(1, 4, [11, 50], [12, 30])])).toEqual(['rounds.0.exhausted']);
    expect(ballotProblems([round(1, 0)], ON_BALLOT)).toEqual([
      { field: 'rounds.0.votes', message: 'Round 1 has no candidates; a round needs at least one.' },
    ]);
  });

  it('need later rounds to drop someone and bring no one back', () => {
    const same = [CLEAN[0]!, round(2, 0, [11, 50], [12, 30], [13, 20])];
    expect(ballotProblems(same, ON_BALLOT)).toEqual([
      {
        field: 'rounds.1.votes',
        message: 'Round 2 must have fewer candidates than round 1: each round eliminates someone.',
      },
    ]);
    const back = [...CLEAN.slice(0, 2), round(3, 18, [13, 82])];
    expect(ballotProblems(back, ON_BALLOT)).toEqual([
      {
        field: 'rounds.2.votes.0.candidacyId',
        message: 'This candidate was not in round 2; an eliminated candidate cannot come back.',
      },
    ]);
  });

  it('need a continuing candidate’s votes never to fall', () => {
    const rounds = [CLEAN[0]!, round(2, 5, [11, 48], [12, 47])];
    expect(ballotProblems(rounds, ON_BALLOT)).toEqual([
      {
        field: 'rounds.1.votes.0.votes',
        message: 'This candidate has 48 votes, down from 50 in round 1: a transfer only adds votes.',
      },
    ]);
  });

  it('need exhausted ballots never to fall', () => {
    const rounds = [...CLEAN.slice(0, 2), round(3, 2, [11, 98])];
    expect(ballotProblems(rounds, ON_BALLOT)).toEqual([
      {
        field: 'rounds.2.exhausted',
        message:
          'Round 3 has 2 ballots exhausted, down from 3 in round 2: an exhausted ballot stays exhausted.',
      },
    ]);
  });

  it('need every ballot from round 1 accounted for, no more and no fewer', () => {
    const more = [CLEAN[0]!, round(2, 3, [11, 65], [12, 35])];
    expect(ballotProblems(more, ON_BALLOT)).toEqual([
      {
        field: 'rounds.1.votes',
        message:
          'Round 2 has 3 more votes than ballots cast in round 1 (100): a transfer cannot create votes.',
      },
    ]);
    const fewer = [CLEAN[0]!, round(2, 0, [11, 62], [12, 37])];
    expect(ballotProblems(fewer, ON_BALLOT)).toEqual([
      {
        field: 'rounds.1.exhausted',
        message:
          'Round 2 has 1 ballot unaccounted for against the 100 cast in round 1: count them as exhausted.',
      },
    ]);
  });

  it('report every problem in a round, not just the first', () => {
    const rounds = [CLEAN[0]!, round(3, 0, [11, 40], [12, 30], [13, 20])];
    expect(fields(rounds)).toEqual([
      'rounds.1.round',
      'rounds.1.votes.0.votes',
      'rounds.1.votes',
      'rounds.1.exhausted',
    ]);
  });
});

describe("the members' ballot winner", () => {
  it('is whoever has most votes in the last round', () => {
    expect(ballotWinner(CLEAN)).toBe(11);
    expect(ballotWinner(CLEAN.slice(0, 2))).toBe(11);
    expect(ballotWinner([round(1, 0, [11, 20], [12, 30])])).toBe(12);
  });

  it('is no one on a tie at the top or with no rounds', () => {
    expect(ballotWinner([round(1, 0, [11, 30], [12, 30], [13, 10])])).toBeNull();
    expect(ballotWinner([round(1, 0, [11, 10], [12, 30], [13, 10])])).toBe(12);
    expect(ballotWinner([])).toBeNull();
    expect(ballotWinner([round(1, 0)])).toBeNull();
  });
});
