// Pilot lists: the filters as a database condition within what the caller may read, and the paged list
// (running pilots first, then newest start).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { PILOT_RUNNING_STATUSES, type TPilotFilters, type TPilotSummary } from '../../contracts/index.ts';
import type { Principal } from '../access/policy.ts';
import { allows, organiserClps, readableWhere, resourceOf } from './pilot-access.ts';
import { likeEscaped } from './partners.service.ts';
import { summarySelect, toSummary, totalsOf, type SummaryRow } from './pilot-reads.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/** The filters as a Prisma condition, within what the caller may read. */
export function filterWhere(f: TPilotFilters, principal: Principal | undefined): Prisma.PilotWhereInput {
  const and: Prisma.PilotWhereInput[] = [];
  const readable = readableWhere(principal);
  if (readable) and.push(readable);
  if (f.clp) and.push({ clpId: f.clp });
  if (f.seat) and.push({ clp: { constituency: { code: f.seat } } });
  if (f.region) and.push({ clp: { constituency: { regionCode: f.region } } });
  if (f.status) and.push({ status: f.status });
  if (f.kind) and.push({ kind: f.kind });
  if (f.category) and.push({ category: f.category });
  if (f.mine && principal) {
    and.push({ OR: [{ clpId: { in: organiserClps(principal) } }, { organiserId: principal.userId }] });
  }
  if (f.q) {
    const contains = { contains: likeEscaped(f.q), mode: 'insensitive' as const };
    and.push({ OR: [{ title: contains }, { issue: contains }] });
  }
  return { AND: and };
}

const running = { status: { in: [...PILOT_RUNNING_STATUSES] } };
const newestFirst: Prisma.PilotOrderByWithRelationInput[] = [{ startsOn: 'desc' }, { id: 'desc' }];

/**
 * Running pilots first, then the rest, each newest start first: two ordered segments paged as one list
 * (the order cannot be said in Prisma's orderBy, and a raw query would duplicate the filters).
 */
export async function listPilots(
  db: Db,
  principal: Principal | undefined,
  f: TPilotFilters,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: TPilotSummary[] }> {
  const where = filterWhere(f, principal);
  const first = { AND: [where, running] };
  const rest = { AND: [where, { NOT: running }] };
  const [runningCount, restCount] = await Promise.all([
    db.pilot.count({ where: first }),
    db.pilot.count({ where: rest }),
  ]);
  const rows: SummaryRow[] = [];
  if (page.offset < runningCount) {
    rows.push(
      ...(await db.pilot.findMany({
        where: first,
        select: summarySelect,
        orderBy: newestFirst,
        skip: page.offset,
        take: page.limit,
      })),
    );
  }
  if (rows.length < page.limit && page.offset + rows.length < runningCount + restCount) {
    rows.push(
      ...(await db.pilot.findMany({
        where: rest,
        select: summarySelect,
        orderBy: newestFirst,
        skip: Math.max(0, page.offset - runningCount),
        take: page.limit - rows.length,
      })),
    );
  }
  const aggs = await totalsOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) =>
    toSummary(r, aggs.get(r.id), allows(principal, 'pilots:read-personal', resourceOf(r.clp))),
  );
  return { total: runningCount + restCount, items };
}
