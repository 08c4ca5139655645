// Every pilot matching the filters at once: as CSV (through the app's one writer), and as map markers.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { TPilotFilters, TPilotLocation } from '../../contracts/index.ts';
import { toCsv } from '../../http/csv.ts';
import { isActive, type Principal } from '../access/policy.ts';
import { allows, resourceOf } from './pilot-access.ts';
import { filterWhere } from './pilot-list.ts';
import { day, summarySelect, totalsOf } from './pilot-reads.ts';

const TOTAL_COLUMNS = [
  ['activities', 'activities'],
  ['participants', 'participants'],
  ['conversations', 'conversations'],
  ['newMembers', 'new_members'],
  ['newUnionMembers', 'new_union_members'],
  ['newLeaders', 'new_leaders'],
  ['petitionSignatures', 'petition_signatures'],
] as const;

export async function pilotsCsv(
  prisma: PrismaClient,
  principal: Principal | undefined,
  filters: TPilotFilters,
): Promise<string> {
  const rows = await prisma.pilot.findMany({
    where: filterWhere(filters, principal),
    select: summarySelect,
    orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
  });
  const aggs = await totalsOf(
    prisma,
    rows.map((r) => r.id),
  );
  // The organiser column exists only for someone who may see organisers somewhere (regional staff, a
  // CLP's organisers, admins); in it, only the rows they may see personal data of are filled.
  const withOrganiser = (principal?.grants ?? []).some(
    (g) => isActive(g) && ['admin', 'regional_staff', 'organiser'].includes(g.role),
  );
  const header = [
    'id',
    'title',
    'clp',
    'seat_code',
    'seat',
    'region',
    'category',
    'kind',
    'status',
    'status_on',
    'starts_on',
    'ends_on',
    'latitude',
    'longitude',
    ...TOTAL_COLUMNS.map(([, name]) => name),
    'last_activity_on',
    ...(withOrganiser ? ['organiser'] : []),
  ];
  const records = rows.map((p) => {
    const agg = aggs.get(p.id);
    const personal = withOrganiser && allows(principal, 'pilots:read-personal', resourceOf(p.clp));
    return [
      p.id,
      p.title,
      p.clp.name,
      p.clp.constituency.code,
      p.clp.constituency.name,
      p.clp.constituency.region.name,
      p.category,
      p.kind,
      p.status,
      day(p.statusOn),
      day(p.startsOn),
      p.endsOn ? day(p.endsOn) : '',
      p.latitude,
      p.longitude,
      ...TOTAL_COLUMNS.map(([key]) => agg?.totals[key] ?? 0),
      agg?.lastActivityOn ?? '',
      ...(withOrganiser ? [personal ? (p.organiser?.name ?? '') : ''] : []),
    ];
  });
  return toCsv(header, records);
}

export async function pilotLocations(
  prisma: PrismaClient,
  principal: Principal | undefined,
  filters: TPilotFilters,
): Promise<{ items: TPilotLocation[] }> {
  const rows = await prisma.pilot.findMany({
    where: { AND: [filterWhere(filters, principal), { latitude: { not: null }, longitude: { not: null } }] },
    select: {
      id: true,
      title: true,
      status: true,
      kind: true,
      latitude: true,
      longitude: true,
      clp: { select: { id: true, name: true, constituency: { select: { code: true, name: true } } } },
    },
    orderBy: { id: 'asc' },
  });
  return {
    items: rows.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      kind: p.kind,
      location: { lat: p.latitude!, lng: p.longitude! },
      clp: { id: p.clp.id, name: p.clp.name },
      seat: { code: p.clp.constituency.code, name: p.clp.constituency.name },
    })),
  };
}
