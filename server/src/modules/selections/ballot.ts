// Checks that a members' ballot, entered round by round, could have come from a real transferable count:
// each round drops at least one candidate, transfers only ever add votes, and every ballot cast in round 1
// is still either with a candidate or exhausted. The schema has already made every figure a whole,
// non-negative number; these are the checks that need more than one figure at a time.

export interface BallotRoundInput {
  round: number;
  exhausted: number;
  votes: readonly { candidacyId: number; votes: number }[];
}

/** `field` is an index path into the rounds as given, e.g. 'rounds.1.votes.0.votes'. */
export interface Problem {
  field: string;
  message: string;
}

const sum = (votes: BallotRoundInput['votes']) => votes.reduce((s, v) => s + v.votes, 0);
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** Each candidacy's first entry in a round; duplicates are reported separately. */
function byCandidacy(round: BallotRoundInput): Map<number, number> {
  const votes = new Map<number, number>();
  for (const v of round.votes) if (!votes.has(v.candidacyId)) votes.set(v.candidacyId, v.votes);
  return votes;
}

export function ballotProblems(rounds: readonly BallotRoundInput[], onBallot: readonly number[]): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const eligible = new Set(onBallot);
  const first = rounds[0];
  const cast = first ? sum(first.votes) : 0;

  rounds.forEach((round, i) => {
    const at = `rounds.${i}`;
    const n = i + 1;
    if (round.round !== n)
      add(`${at}.round`, `Round ${n} in order is numbered ${round.round}; number the rounds 1, 2, 3…`);
    if (round.votes.length === 0)
      add(`${at}.votes`, `Round ${n} has no candidates; a round needs at least one.`);

    const seen = new Set<number>();
    round.votes.forEach((v, j) => {
      if (seen.has(v.candidacyId))
        add(`${at}.votes.${j}.candidacyId`, `This candidate is listed more than once in round ${n}.`);
      else if (!eligible.has(v.candidacyId))
        add(
          `${at}.votes.${j}.candidacyId`,
          'This candidate is not on the ballot: only the shortlist can be.',
        );
      seen.add(v.candidacyId);
    });

    const previous = rounds[i - 1];
    if (!previous) {
      if (round.exhausted !== 0)
        add(`${at}.exhausted`, 'No ballot can be exhausted in round 1: nothing has been transferred yet.');
      return;
    }

    const before = byCandidacy(previous);
    round.votes.forEach((v, j) => {
      const had = before.get(v.candidacyId);
      if (had === undefined)
        add(
          `${at}.votes.${j}.candidacyId`,
          `This candidate was not in round ${n - 1}; an eliminated candidate cannot come back.`,
        );
      else if (v.votes < had)
        add(
          `${at}.votes.${j}.votes`,
          `This candidate has ${plural(v.votes, 'vote')}, down from ${had} in round ${n - 1}: a transfer only adds votes.`,
        );
    });
    if (seen.size >= before.size)
      add(
        `${at}.votes`,
        `Round ${n} must have fewer candidates than round ${n - 1}: each round eliminates someone.`,
      );
    if (round.exhausted < previous.exhausted)
      add(
        `${at}.exhausted`,
        `Round ${n} has ${plural(round.exhausted, 'ballot')} exhausted, down from ${previous.exhausted} in round ${n - 1}: ` +
          'an exhausted ballot stays exhausted.',
      );

    const accounted = sum(round.votes) + round.exhausted;
    if (accounted > cast)
      add(
        `${at}.votes`,
        `Round ${n} has ${plural(accounted - cast, 'more vote')} than ballots cast in round 1 (${cast}): ` +
          'a transfer cannot create votes.',
      );
    else if (accounted < cast)
      add(
        `${at}.exhausted`,
        `Round ${n} has ${plural(cast - accounted, 'ballot')} unaccounted for against the ${cast} cast in round 1: ` +
          'count them as exhausted.',
      );
  });
  return problems;
}

/** The candidacy with the most votes in the last round; null with no rounds or a tie at the top. */
export function ballotWinner(rounds: readonly BallotRoundInput[]): number | null {
  const last = rounds.at(-1);
  if (!last) return null;
  let winner: number | null = null;
  let best = -1;
  let tied = false;
  for (const v of last.votes) {
    if (v.votes > best) [winner, best, tied] = [v.candidacyId, v.votes, false];
    else if (v.votes === best && v.candidacyId !== winner) tied = true;
  }
  return tied ? null : winner;
}
