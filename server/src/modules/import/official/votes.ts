// Result files give the main parties a column each and lump everyone else into one "other" column. When
// the winner or the runner-up is one of those others (an independent, the Speaker, a small party), their
// votes are split out of "other" under their own code: otherwise the winner's share, the majority and the
// swing needed would all be computed from the wrong number.
import type { DatasetVote } from '../dataset.ts';
import { OTHERS } from '../reference.ts';

export interface VoteAllocationInput {
  /** Party code → votes from the file's party columns, "other" included under Oth. */
  columns: ReadonlyMap<string, number>;
  winner: string;
  second: string;
  majority: number;
  /** The winner's votes when it has no column of its own (HoC "Of which other winner"; notional MaxOthv). */
  uncolumnedWinnerVotes: number;
}

export interface VoteAllocation {
  votes: DatasetVote[];
  problems: { field: 'winner' | 'second' | 'majority'; message: string }[];
}

export function allocateVotes(input: VoteAllocationInput): VoteAllocation {
  const { columns, winner, second, majority } = input;
  const votes = new Map(columns);
  const problems: VoteAllocation['problems'] = [];
  let others = votes.get(OTHERS) ?? 0;
  const moveFromOthers = (party: string, count: number) => {
    others -= count;
    votes.set(OTHERS, others);
    votes.set(party, (votes.get(party) ?? 0) + count);
  };

  let winnerVotes = columns.get(winner) ?? 0;
  if (winner === OTHERS) {
    problems.push({
      field: 'winner',
      message: 'the winner must be a party or "Ind", not all other candidates',
    });
  } else if (!columns.has(winner)) {
    winnerVotes = input.uncolumnedWinnerVotes;
    if (winnerVotes <= 0) {
      problems.push({ field: 'winner', message: `${winner} has no vote column and no "other winner" votes` });
    } else if (winnerVotes > others) {
      problems.push({
        field: 'winner',
        message: `${winner}'s ${winnerVotes} votes exceed the other candidates' ${others}`,
      });
    } else {
      moveFromOthers(winner, winnerVotes);
    }
  }

  if (columns.has(second) && second !== OTHERS) {
    const lead = winnerVotes - (columns.get(second) ?? 0);
    if (lead !== majority) {
      problems.push({ field: 'majority', message: `is ${majority} but ${winner} − ${second} = ${lead}` });
    }
  } else {
    // The runner-up's votes are not in the file on their own; the official majority pins them down.
    const secondVotes = winnerVotes - majority;
    if (secondVotes <= 0) {
      problems.push({ field: 'majority', message: `${majority} leaves ${second} with ${secondVotes} votes` });
    } else if (secondVotes > others) {
      problems.push({
        field: 'second',
        message: `${second} would need ${secondVotes} votes but the other candidates have ${others}`,
      });
    } else if (second !== winner && second !== OTHERS) {
      // Two candidates under one code (say two independents) cannot both be stored; the runner-up stays in Oth.
      moveFromOthers(second, secondVotes);
    }
  }

  const list = [...votes]
    .filter(([, n]) => n > 0)
    .map(([party, n]) => ({ party, votes: n }))
    .sort((a, b) => b.votes - a.votes || (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
  return { votes: list, problems };
}
