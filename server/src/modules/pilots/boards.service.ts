// The pilot boards: the figures come from board-queries.ts (two statements per board); this file only
// shapes the rows into the contract and the CSV.
import {
  PILOT_GOAL_DEFAULT,
  type TActivityTotals,
  type TBoardMonth,
  type TBoardQuery,
  type TNationalBoard,
  type TPilotSummary,
  type TRegionBoard,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { toCsv } from '../../http/csv.ts';
import { BoardCache } from './board-cache.ts';
import {
  nationalMonthsSql,
  nationalRegionsSql,
  regionExtrasSql,
  regionPilotsSql,
  type PilotRow,
  type RegionExtrasRow,
  type RegionMonthRow,
  type RegionRow,
  type TotalsRow,
} from './board-queries.ts';

const goalOf = (value: unknown) => (typeof value === 'number' ? value : PILOT_GOAL_DEFAULT);

function totalsOf(r: TotalsRow): TActivityTotals {
  return {
    activities: Number(r.activities),
    participants: Number(r.participants),
    conversations: Number(r.conversations),
    newMembers: Number(r.new_members),
    newUnionMembers: Number(r.new_union_members),
    newLeaders: Number(r.new_leaders),
    petitionSignatures: Number(r.petition_signatures),
  };
}

const ZERO: TActivityTotals = totalsOf({
  activities: 0,
  participants: 0,
  conversations: 0,
  new_members: 0,
  new_union_members: 0,
  new_leaders: 0,
  petition_signatures: 0,
});

function add(a: TActivityTotals, b: TActivityTotals): TActivityTotals {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof TActivityTotals)[]) sum[key] += b[key];
  return sum;
}

export function pilotSummary(r: PilotRow, seePersonal: boolean): TPilotSummary {
  return {
    id: r.id,
    title: r.title,
    category: r.category as TPilotSummary['category'],
    kind: r.kind as TPilotSummary['kind'],
    status: r.status as TPilotSummary['status'],
    statusOn: r.status_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    clp: { id: r.clp_id, name: r.clp_name },
    seat: { code: r.seat_code, name: r.seat_name },
    region: { code: r.region_code, name: r.region_name },
    location: r.latitude === null || r.longitude === null ? null : { lat: r.latitude, lng: r.longitude },
    totals: totalsOf(r),
    lastActivityOn: r.last_activity_on,
    ...(seePersonal
      ? { organiser: r.organiser_id === null ? null : { id: r.organiser_id, name: r.organiser_name! } }
      : {}),
    version: r.version,
  };
}

export class BoardsService {
  private readonly cache: BoardCache;

  constructor(private readonly prisma: PrismaClient) {
    this.cache = new BoardCache(prisma);
  }

  national(q: TBoardQuery): Promise<TNationalBoard> {
    return this.cache.get(`national|${filterKey(q)}`, () => this.computeNational(q));
  }

  /** `seePersonal` is asked per pilot (its CLP): the organiser is left out where it says no. */
  async region(
    region: string,
    q: TBoardQuery,
    seePersonal: (clpId: number) => boolean,
  ): Promise<TRegionBoard> {
    const board = await this.cache.get(`region|${region}|${filterKey(q)}`, () =>
      this.computeRegion(region, q),
    );
    return {
      ...board,
      pilots: board.pilots.map((p) => {
        if (seePersonal(p.clp.id)) return p;
        const { organiser: _organiser, ...rest } = p;
        return rest;
      }),
    };
  }

  private async computeNational(q: TBoardQuery): Promise<TNationalBoard> {
    const [regions, cells] = await Promise.all([
      this.prisma.$queryRaw<RegionRow[]>(nationalRegionsSql(q)),
      this.prisma.$queryRaw<RegionMonthRow[]>(nationalMonthsSql(q)),
    ]);
    const goal = goalOf(regions[0]?.goal);
    const byRegion = new Map<string, TActivityTotals>();
    const byMonth = new Map<string, TActivityTotals>();
    for (const cell of cells) {
      const totals = totalsOf(cell);
      byRegion.set(cell.region_code, add(byRegion.get(cell.region_code) ?? ZERO, totals));
      byMonth.set(cell.month, add(byMonth.get(cell.month) ?? ZERO, totals));
    }
    return {
      goal,
      regions: regions.map((r) => ({
        region: { code: r.code, name: r.name },
        pilots: r.pilots,
        running: r.running,
        goal,
        met: r.running >= goal,
        seatsWithoutPilot: { redWall: r.red_wall, target: r.target },
        totals: byRegion.get(r.code) ?? ZERO,
      })),
      months: [...byMonth.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, totals]) => ({ month, ...totals })),
    };
  }

  /** With every organiser; region() leaves out those the caller may not see. */
  private async computeRegion(region: string, q: TBoardQuery): Promise<TRegionBoard> {
    const [pilots, [extras]] = await Promise.all([
      this.prisma.$queryRaw<PilotRow[]>(regionPilotsSql(region, q)),
      this.prisma.$queryRaw<RegionExtrasRow[]>(regionExtrasSql(region, q)),
    ]);
    if (!extras?.region) throw AppError.notFound(`Region ${region}`);
    const goal = goalOf(extras.goal);
    const items = pilots.map((p) => pilotSummary(p, true));
    const running = Number(extras.running);
    return {
      region: extras.region,
      goal,
      pilots: items,
      counts: { pilots: items.length, running, met: running >= goal },
      seatsWithoutPilot: extras.seats,
      months: extras.months.map((m): TBoardMonth => ({ month: m.month, ...totalsOf(m) })),
    };
  }
}

/** The filters in a fixed order, so the same board has one key however the query was written. */
const filterKey = (q: TBoardQuery) =>
  [q.status, q.kind, q.category, q.from, q.to].map((v) => v ?? '').join('|');

const TOTAL_HEADERS = [
  'activities',
  'participants',
  'conversations',
  'new_members',
  'new_union_members',
  'new_leaders',
  'petition_signatures',
];
const totalCells = (t: TActivityTotals) => [
  t.activities,
  t.participants,
  t.conversations,
  t.newMembers,
  t.newUnionMembers,
  t.newLeaders,
  t.petitionSignatures,
];

/** One row per region: pilots against the goal, seats without a pilot, activity totals. */
export function nationalCsv(board: TNationalBoard): string {
  return toCsv(
    [
      'region_code',
      'region',
      'pilots',
      'running',
      'goal',
      'met',
      'red_wall_seats_without_pilot',
      'target_seats_without_pilot',
      ...TOTAL_HEADERS,
    ],
    board.regions.map((r) => [
      r.region.code,
      r.region.name,
      r.pilots,
      r.running,
      r.goal,
      r.met,
      r.seatsWithoutPilot.redWall,
      r.seatsWithoutPilot.target,
      ...totalCells(r.totals),
    ]),
  );
}

/** One row per pilot of the region (the organiser column only when the caller sees organisers). */
export function regionCsv(board: TRegionBoard): string {
  const seePersonal = board.pilots.every((p) => p.organiser !== undefined);
  return toCsv(
    [
      'pilot_id',
      'title',
      'clp',
      'ons_code',
      'seat',
      'status',
      'kind',
      'category',
      'starts_on',
      'ends_on',
      ...(seePersonal ? ['organiser'] : []),
      ...TOTAL_HEADERS,
      'last_activity_on',
    ],
    board.pilots.map((p) => [
      p.id,
      p.title,
      p.clp.name,
      p.seat.code,
      p.seat.name,
      p.status,
      p.kind,
      p.category,
      p.startsOn,
      p.endsOn,
      ...(seePersonal ? [p.organiser?.name ?? ''] : []),
      ...totalCells(p.totals),
      p.lastActivityOn,
    ]),
  );
}
