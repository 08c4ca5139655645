// Reads what the vote comparison needs (vote-comparison.ts computes it): the elections on the current
// boundaries polled after the first pilot started, each with the one before it, Labour's share and the
// majority in every seat at both, and when each seat's first pilot started.
import type { TVoteEffect } from '../../contracts/index.ts';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { compareVote, type VoteElection, type VoteSeat } from './vote-comparison.ts';

const LABOUR = 'Lab';
const day = (d: Date) => d.toISOString().slice(0, 10);

export async function voteEffect(prisma: PrismaClient): Promise<TVoteEffect> {
  // A planned pilot has not started; any other status means it did, on its start date, or on the day it
  // was recorded if that is later: a start date typed in after an election cannot move that election's
  // comparison (a pilot back-dated to 2000 would otherwise count as "with a pilot" at 2024).
  const starts = await prisma.$queryRaw<{ seat_id: number; started_on: string }[]>`
    SELECT clp.constituency_id AS seat_id,
           to_char(min(greatest(p.starts_on, (p.created_at AT TIME ZONE 'UTC')::date)), 'YYYY-MM-DD') AS started_on
    FROM pilot p JOIN clp ON clp.id = p.clp_id
    WHERE p.status <> 'planned'::pilot_status
    GROUP BY clp.constituency_id`;
  if (starts.length === 0) return compareVote([]);
  const firstStart = starts.reduce((min, s) => (s.started_on < min ? s.started_on : min), '9999');
  const startedOn = new Map(starts.map((s) => [s.seat_id, s.started_on]));

  const elections = await prisma.election.findMany({
    where: { boundarySetCode: '2024' },
    orderBy: { polledOn: 'asc' },
    select: { code: true, name: true, polledOn: true },
  });
  const pairs = elections.flatMap((e, i) =>
    i > 0 && day(e.polledOn) > firstStart ? [{ after: e, before: elections[i - 1]! }] : [],
  );
  if (pairs.length === 0) return compareVote([]);

  const codes = [...new Set(pairs.flatMap((p) => [p.after.code, p.before.code]))];
  const rows = await prisma.$queryRaw<
    {
      seat_id: number;
      region_code: string;
      region_name: string;
      election_code: string;
      valid_votes: number;
      majority: number;
      lab: number | null;
    }[]
  >`
    SELECT c.id AS seat_id, c.region_code, r.name AS region_name, rs.election_code, rs.valid_votes,
           rs.majority, v.votes AS lab
    FROM result rs JOIN constituency c ON c.id = rs.constituency_id JOIN region r ON r.code = c.region_code
         LEFT JOIN result_vote v ON v.result_id = rs.id AND v.party_code = ${LABOUR}
    WHERE c.boundary_set_code = '2024' AND rs.election_code IN (${Prisma.join(codes)})`;
  const byElection = new Map<string, Map<number, (typeof rows)[number]>>();
  for (const row of rows) {
    const seats = byElection.get(row.election_code) ?? new Map();
    byElection.set(row.election_code, seats.set(row.seat_id, row));
  }

  const inputs: VoteElection[] = pairs.map(({ after, before }) => {
    const seatsAfter = byElection.get(after.code) ?? new Map();
    const seatsBefore = byElection.get(before.code) ?? new Map();
    const seats: VoteSeat[] = [];
    for (const [id, a] of seatsAfter) {
      const b = seatsBefore.get(id);
      // Labour must have stood both times for a change in its share to mean anything.
      if (!b || a.lab === null || b.lab === null || !a.valid_votes || !b.valid_votes) continue;
      seats.push({
        id,
        region: { code: a.region_code, name: a.region_name },
        pilotStartedOn: startedOn.get(id) ?? null,
        shareBefore: (100 * b.lab) / b.valid_votes,
        shareAfter: (100 * a.lab) / a.valid_votes,
        majorityPctBefore: (100 * b.majority) / b.valid_votes,
      });
    }
    return {
      election: { code: after.code, name: after.name, polledOn: day(after.polledOn) },
      previous: { code: before.code, name: before.name },
      seats,
    };
  });
  return compareVote(inputs);
}
