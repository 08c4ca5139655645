// Reading pilots: one pilot with its partners, status changes and weekly
// timeline, and activity totals. Totals and the timeline are SQL aggregates over non-deleted activities.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { TActivityTotals, TPilot, TPilotSummary } from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../access/policy.ts';
import { allows, resourceOf } from './pilot-access.ts';
import { partnerSelect, toPartner } from './partners.service.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export const day = (d: Date) => d.toISOString().slice(0, 10);
export const dateOf = (s: string) => new Date(`${s}T00:00:00Z`);
const person = { select: { id: true, name: true } } as const;

export const summarySelect = {
  id: true,
  title: true,
  category: true,
  kind: true,
  status: true,
  statusOn: true,
  startsOn: true,
  endsOn: true,
  latitude: true,
  longitude: true,
  version: true,
  clp: {
    select: {
      id: true,
      name: true,
      constituency: {
        select: { code: true, name: true, regionCode: true, region: { select: { code: true, name: true } } },
      },
    },
  },
  organiser: person,
} as const satisfies Prisma.PilotSelect;
export type SummaryRow = Prisma.PilotGetPayload<{ select: typeof summarySelect }>;

// A linked pilot's CLP, with what deciding whether the caller may read it needs.
const linkedClp = {
  select: { id: true, name: true, constituency: { select: { regionCode: true } } },
} as const;

const detailSelect = {
  ...summarySelect,
  issue: true,
  goals: true,
  outcome: true,
  evidenceLinks: true,
  lessons: true,
  updatedAt: true,
  origin: { select: { id: true, title: true, clp: linkedClp } },
  copies: { select: { id: true, title: true, clp: linkedClp }, orderBy: { id: 'asc' } },
  partners: { select: { partner: { select: partnerSelect } }, orderBy: { partnerId: 'asc' } },
  statusChanges: {
    select: { status: true, changedOn: true, changedBy: person },
    // In the order they were made (a back-dated status is still the latest change).
    orderBy: { id: 'asc' },
  },
} as const satisfies Prisma.PilotSelect;

export const ZERO_TOTALS: TActivityTotals = {
  activities: 0,
  participants: 0,
  conversations: 0,
  newMembers: 0,
  newUnionMembers: 0,
  newLeaders: 0,
  petitionSignatures: 0,
};

/** Totals and the last activity date per pilot: one grouped query for the whole page. */
export async function totalsOf(
  db: Db,
  pilotIds: number[],
): Promise<Map<number, { totals: TActivityTotals; lastActivityOn: string | null }>> {
  if (pilotIds.length === 0) return new Map();
  const rows = await db.pilotActivity.groupBy({
    by: ['pilotId'],
    where: { pilotId: { in: pilotIds }, deletedAt: null },
    _count: { _all: true },
    _sum: {
      participants: true,
      conversations: true,
      newMembers: true,
      newUnionMembers: true,
      newLeaders: true,
      petitionSignatures: true,
    },
    _max: { occurredOn: true },
  });
  return new Map(
    rows.map((r) => [
      r.pilotId,
      {
        totals: {
          activities: r._count._all,
          participants: r._sum.participants ?? 0,
          conversations: r._sum.conversations ?? 0,
          newMembers: r._sum.newMembers ?? 0,
          newUnionMembers: r._sum.newUnionMembers ?? 0,
          newLeaders: r._sum.newLeaders ?? 0,
          petitionSignatures: r._sum.petitionSignatures ?? 0,
        },
        lastActivityOn: r._max.occurredOn ? day(r._max.occurredOn) : null,
      },
    ]),
  );
}

/** Weekly sums (weeks start on Monday, as ISO weeks do), with empty weeks in between as zeros. */
export async function timelineOf(db: Db, pilotId: number): Promise<TPilot['timeline']> {
  // Sums are bigint in PostgreSQL; as float8 they arrive as plain numbers (whole, far below 2^53).
  const rows = await db.$queryRaw<({ week: string } & TActivityTotals)[]>`
    SELECT to_char(date_trunc('week', occurred_on), 'YYYY-MM-DD') AS week,
           count(*)::float8 AS activities,
           coalesce(sum(participants), 0)::float8 AS participants,
           coalesce(sum(conversations), 0)::float8 AS conversations,
           coalesce(sum(new_members), 0)::float8 AS "newMembers",
           coalesce(sum(new_union_members), 0)::float8 AS "newUnionMembers",
           coalesce(sum(new_leaders), 0)::float8 AS "newLeaders",
           coalesce(sum(petition_signatures), 0)::float8 AS "petitionSignatures"
      FROM pilot_activity
     WHERE pilot_id = ${pilotId} AND deleted_at IS NULL
     GROUP BY 1
     ORDER BY 1`;
  const out: TPilot['timeline'] = [];
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  if (rows.length === 0) return out;
  const last = rows[rows.length - 1]!.week;
  for (let d = dateOf(rows[0]!.week); day(d) <= last; d.setUTCDate(d.getUTCDate() + 7)) {
    const r = byWeek.get(day(d));
    const sums = Object.keys(ZERO_TOTALS).map((k) => [k, Number(r?.[k as keyof TActivityTotals] ?? 0)]);
    out.push({ week: day(d), ...(Object.fromEntries(sums) as TActivityTotals) });
  }
  return out;
}

export function toSummary(
  p: SummaryRow,
  agg: { totals: TActivityTotals; lastActivityOn: string | null } | undefined,
  personal: boolean,
): TPilotSummary {
  const seat = p.clp.constituency;
  return {
    id: p.id,
    title: p.title,
    category: p.category,
    kind: p.kind,
    status: p.status,
    statusOn: day(p.statusOn),
    startsOn: day(p.startsOn),
    endsOn: p.endsOn ? day(p.endsOn) : null,
    clp: { id: p.clp.id, name: p.clp.name },
    seat: { code: seat.code, name: seat.name },
    region: seat.region,
    location: p.latitude != null && p.longitude != null ? { lat: p.latitude, lng: p.longitude } : null,
    totals: agg?.totals ?? ZERO_TOTALS,
    lastActivityOn: agg?.lastActivityOn ?? null,
    // Left out entirely (not null) for callers without pilots:read-personal: the key itself is absent.
    ...(personal ? { organiser: p.organiser } : {}),
    version: p.version,
  };
}

export async function getPilot(db: Db, id: number, principal: Principal | undefined): Promise<TPilot> {
  const p = await db.pilot.findUnique({ where: { id }, select: detailSelect });
  if (!p) throw AppError.notFound(`Pilot ${id}`);
  const resource = resourceOf(p.clp);
  const personal = allows(principal, 'pilots:read-personal', resource);
  const [aggs, timeline] = await Promise.all([totalsOf(db, [id]), timelineOf(db, id)]);
  type Linked = {
    id: number;
    title: string;
    clp: { id: number; name: string; constituency: { regionCode: string } };
  };
  // Another CLP's pilot is named only to someone who may read it: a copy or origin elsewhere stays unseen.
  const readable = (x: Linked) => allows(principal, 'pilots:read', resourceOf(x.clp));
  const link = (x: Linked) => ({ id: x.id, title: x.title, clp: x.clp.name });
  return {
    ...toSummary(p, aggs.get(id), personal),
    issue: p.issue,
    goals: p.goals,
    outcome: p.outcome,
    evidenceLinks: p.evidenceLinks,
    lessons: p.lessons,
    origin: p.origin && readable(p.origin) ? link(p.origin) : null,
    copies: p.copies.filter(readable).map(link),
    partners: p.partners.map((l) => toPartner(l.partner)),
    statusChanges: p.statusChanges.map((c) => ({
      status: c.status,
      changedOn: day(c.changedOn),
      ...(personal ? { changedBy: c.changedBy } : {}),
    })),
    timeline,
    updatedAt: p.updatedAt.toISOString(),
    can: {
      edit: allows(principal, 'pilots:write', resource),
      comment: allows(principal, 'pilots:comment', resource),
      seePersonal: personal,
    },
  };
}
