// Lists of selections (the member's tracker, the officer's CLP list) and the iCalendar feed of their
// public stage dates. Compliance is worked out per selection from its candidacies, so the compliance
// filter applies after the query; a country holds hundreds of selections, not millions.
import type { TSelectionListQuery, TSelectionListResponse } from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../access/policy.ts';
import { selectionsCalendar, type FeedStage } from './ical-feed.ts';
import { nationalRules } from './selection-rules.ts';
import { selectionInclude, summariesOf } from './selection-view.ts';

function whereOf(q: {
  clp?: number | undefined;
  region?: string | undefined;
  stage?: string | undefined;
}): Prisma.SelectionWhereInput {
  return {
    ...(q.clp ? { clpId: q.clp } : {}),
    ...(q.region ? { clp: { constituency: { regionCode: q.region } } } : {}),
    ...(q.stage ? { stage: q.stage as never } : {}),
  };
}

export async function listSelections(
  prisma: PrismaClient,
  principal: Principal | undefined,
  query: TSelectionListQuery,
): Promise<TSelectionListResponse> {
  const rows = await prisma.selection.findMany({
    where: whereOf(query),
    include: selectionInclude,
    orderBy: [{ clp: { name: 'asc' } }, { id: 'asc' }],
  });
  const national = await nationalRules(prisma);
  const all = summariesOf(rows, national, principal).filter(
    (s) => !query.compliance || s.compliance.overall === query.compliance,
  );
  return {
    items: all.slice(query.offset, query.offset + query.limit),
    total: all.length,
    offset: query.offset,
    limit: query.limit,
  };
}

/** The calendar of a CLP's, a region's or every public stage date (actual where known, else planned). */
export async function selectionsFeed(
  prisma: PrismaClient,
  scope: { clp?: number | undefined; region?: string | undefined },
  baseUrl: string,
): Promise<string> {
  let name = 'Selections: every CLP';
  if (scope.clp) {
    const clp = await prisma.clp.findUnique({ where: { id: scope.clp }, select: { name: true } });
    if (!clp) throw AppError.notFound(`CLP ${scope.clp}`);
    name = `Selections: ${clp.name}`;
  } else if (scope.region) {
    const region = await prisma.region.findUnique({ where: { code: scope.region }, select: { name: true } });
    if (!region) throw AppError.notFound(`Region ${scope.region}`);
    name = `Selections: ${region.name}`;
  }
  const rows = await prisma.selection.findMany({
    where: whereOf(scope),
    orderBy: { id: 'asc' },
    select: {
      id: true,
      electionType: true,
      wardName: true,
      updatedAt: true,
      clp: { select: { name: true, constituency: { select: { name: true } } } },
      stages: { orderBy: { stage: 'asc' } },
    },
  });
  const stages: FeedStage[] = rows.flatMap((r) =>
    r.stages
      .filter((s) => s.actualOn || s.plannedOn)
      .map((s) => ({
        selectionId: r.id,
        area: r.wardName ?? r.clp.constituency.name,
        clpName: r.clp.name,
        electionType: r.electionType,
        stage: s.stage,
        on: (s.actualOn ?? s.plannedOn)!.toISOString().slice(0, 10),
        actual: s.actualOn != null,
        url: `${baseUrl}/selections/${r.id}`,
      })),
  );
  // Stamped with the latest change rather than the time of the request, so an unchanged feed is the same
  // bytes (and ETag) each time and a calendar app's conditional fetch gets 304.
  const stamp = rows.reduce((t, r) => (r.updatedAt > t ? r.updatedAt : t), new Date(0));
  return selectionsCalendar(name, stages, stamp);
}
