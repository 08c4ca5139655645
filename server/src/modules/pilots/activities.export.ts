// The activity CSV: every activity of the pilots the caller may read that match the filters (a filter outside
// their reach just gives fewer rows), with notes and who logged each only where they may see personal data.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { toCsv } from '../../http/csv.ts';
import { can, type Principal } from '../access/policy.ts';
import { readableWhere } from './pilot-access.ts';
import { ACTIVITY_COUNTS, type TActivityCsvQuery } from '../../contracts/index.ts';

const COUNT_COLUMNS = [
  'participants',
  'conversations',
  'new_members',
  'new_union_members',
  'new_leaders',
  'petition_signatures',
];

export async function activityCsv(
  prisma: PrismaClient,
  principal: Principal | undefined,
  query: TActivityCsvQuery,
): Promise<string> {
  // The database narrows to what the caller may read (the filter the pilot list uses); the policy then
  // decides per pilot, so this export can never show more than the pilot pages do.
  const scope = readableWhere(principal);
  const pilots = await prisma.pilot.findMany({
    where: {
      ...(scope ?? {}),
      ...(query.clp ? { clpId: query.clp } : {}),
      ...(query.region ? { clp: { constituency: { regionCode: query.region } } } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.category ? { category: query.category } : {}),
    },
    select: {
      id: true,
      title: true,
      clpId: true,
      clp: { select: { name: true, constituency: { select: { code: true, regionCode: true } } } },
    },
  });
  const readable = new Map<number, { pilot: (typeof pilots)[number]; personal: boolean }>();
  for (const pilot of pilots) {
    const resource = {
      kind: 'pilots' as const,
      clpId: pilot.clpId,
      regionCode: pilot.clp.constituency.regionCode,
    };
    if (!can(principal, 'pilots:read', resource)) continue;
    readable.set(pilot.id, { pilot, personal: can(principal, 'pilots:read-personal', resource) });
  }
  const personalColumns = [...readable.values()].some((r) => r.personal);
  const header = [
    'activity_id',
    'pilot_id',
    'pilot',
    'clp',
    'seat_code',
    'region_code',
    'date',
    'type',
    ...COUNT_COLUMNS,
    ...(personalColumns ? ['notes', 'recorded_by'] : []),
    'updated_at',
  ];
  if (readable.size === 0) return toCsv(header, []);

  const activities = await prisma.pilotActivity.findMany({
    where: {
      pilotId: { in: [...readable.keys()] },
      deletedAt: null,
      ...(query.from || query.to
        ? {
            occurredOn: {
              ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
              ...(query.to ? { lte: new Date(`${query.to}T00:00:00Z`) } : {}),
            },
          }
        : {}),
    },
    orderBy: [{ occurredOn: 'desc' }, { id: 'desc' }],
    include: personalColumns ? { recordedBy: { select: { name: true } } } : undefined,
  });
  const rows = activities.map((a) => {
    const { pilot, personal } = readable.get(a.pilotId)!;
    const by = (a as { recordedBy?: { name: string } | null }).recordedBy;
    return [
      a.id,
      pilot.id,
      pilot.title,
      pilot.clp.name,
      pilot.clp.constituency.code,
      pilot.clp.constituency.regionCode,
      a.occurredOn.toISOString().slice(0, 10),
      a.type,
      ...ACTIVITY_COUNTS.map((c) => a[c]),
      ...(personalColumns ? [personal ? a.notes : '', personal ? (by?.name ?? '') : ''] : []),
      a.updatedAt.toISOString(),
    ];
  });
  return toCsv(header, rows);
}
