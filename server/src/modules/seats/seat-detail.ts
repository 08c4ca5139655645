import type { PrismaClient } from '../../generated/prisma/client.ts';
import {
  DEFAULT_ELECTION,
  type TBoundarySet,
  type TElectionCode,
  type TSeatDetail,
} from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import { round2, sharePct } from './derived.ts';
import { findSeat } from './seat-read-model.ts';
import { layerAccess, redWallFor, toSummary, type SeatView } from './seats.service.ts';

/**
 * One seat with every election, votes per party, its links to the other boundary set, and its layers;
 * `views` holds what the caller sees on each boundary set, so a related seat shows the flag in force too.
 */
export async function seatDetail(
  prisma: PrismaClient,
  views: Record<TBoundarySet, SeatView>,
  boundarySet: TBoundarySet,
  code: string,
): Promise<TSeatDetail> {
  const view = views[boundarySet];
  const row = await prisma.constituency.findUnique({
    where: { boundarySetCode_code: { boundarySetCode: boundarySet, code } },
    select: {
      nameWelsh: true,
      constituencyType: true,
      deprivationScore: true,
      hexQ: true,
      hexR: true,
      results: {
        select: {
          electionCode: true,
          electorate: true,
          validVotes: true,
          invalidVotes: true,
          election: { select: { name: true, polledOn: true, notional: true } },
          votes: {
            select: { votes: true, party: { select: { code: true, name: true, colour: true } } },
            orderBy: { votes: 'desc' },
          },
        },
        orderBy: { election: { polledOn: 'desc' } },
      },
      predecessors: {
        select: {
          popShare: true,
          areaShare: true,
          population: true,
          from: { select: { code: true, name: true, boundarySetCode: true, redWall: true } },
        },
        orderBy: { population: 'desc' },
      },
      successors: {
        select: {
          popShare: true,
          areaShare: true,
          population: true,
          to: { select: { code: true, name: true, boundarySetCode: true, redWall: true } },
        },
        orderBy: { popShare: 'desc' },
      },
    },
  });
  const seat = findSeat(view.snapshot, boundarySet, code);
  if (!row || !seat) throw AppError.notFound(`Seat ${code} on the ${boundarySet} boundaries`);

  const related = (
    links: {
      popShare: unknown;
      areaShare: unknown;
      other: { code: string; name: string; boundarySetCode: string; redWall: boolean };
    }[],
  ) =>
    links.map((l) => ({
      code: l.other.code,
      name: l.other.name,
      boundarySet: l.other.boundarySetCode as TBoundarySet,
      popShare: Number(l.popShare),
      areaShare: Number(l.areaShare),
      redWall: redWallFor(views[l.other.boundarySetCode as TBoundarySet], l.other.code, l.other.redWall),
    }));

  return {
    ...toSummary(seat, DEFAULT_ELECTION[boundarySet], view),
    layers: layerAccess(view),
    nameWelsh: row.nameWelsh,
    constituencyType: row.constituencyType,
    deprivationScore: row.deprivationScore === null ? null : Number(row.deprivationScore),
    hex: { q: row.hexQ, r: row.hexR },
    results: row.results.flatMap((r) => {
      const figures = seat.results.get(r.electionCode as TElectionCode)?.figures;
      if (!figures) return [];
      return [
        {
          ...toSummary(seat, figures.election).result!,
          electionName: r.election.name,
          polledOn: r.election.polledOn.toISOString().slice(0, 10),
          notional: r.election.notional,
          electorate: r.electorate,
          validVotes: r.validVotes,
          invalidVotes: r.invalidVotes,
          votes: r.votes.map((v) => ({
            party: v.party.code,
            name: v.party.name,
            colour: v.party.colour,
            votes: v.votes,
            sharePct: round2(sharePct(v.votes, r.validVotes)),
          })),
        },
      ];
    }),
    predecessors: related(row.predecessors.map((p) => ({ ...p, other: p.from }))),
    successors: related(row.successors.map((s) => ({ ...s, other: s.to }))),
  };
}
