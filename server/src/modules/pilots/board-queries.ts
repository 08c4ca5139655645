// The SQL behind the pilot boards: two queries per board, each computing its figures in the database
// (grouped, no row per activity leaves it). Exported as Prisma.Sql so bench/pilots.ts times exactly these
// statements with a plain pg client beside the route (`.text` and `.values`).
import { PILOT_GOAL_STATUSES, PILOT_RUNNING_STATUSES, type TBoardQuery } from '../../contracts/index.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { PILOT_GOAL_KEY } from './pilot-goal.ts';

const statuses = (list: readonly string[]) => Prisma.join(list.map((s) => Prisma.sql`${s}::pilot_status`));

/** The filters on pilots (alias p): status, kind, category, and running at some time in [from, to]. */
function pilotFilter(q: TBoardQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (q.status) parts.push(Prisma.sql`p.status = ${q.status}::pilot_status`);
  if (q.kind) parts.push(Prisma.sql`p.kind = ${q.kind}::pilot_kind`);
  if (q.category) parts.push(Prisma.sql`p.category = ${q.category}::pilot_category`);
  if (q.to) parts.push(Prisma.sql`p.starts_on <= ${q.to}::date`);
  if (q.from) parts.push(Prisma.sql`(p.ends_on IS NULL OR p.ends_on >= ${q.from}::date)`);
  return Prisma.join(parts, ' AND ');
}

/** Activities (alias a) not deleted, within [from, to]. */
function activityFilter(q: TBoardQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a.deleted_at IS NULL`];
  if (q.from) parts.push(Prisma.sql`a.occurred_on >= ${q.from}::date`);
  if (q.to) parts.push(Prisma.sql`a.occurred_on <= ${q.to}::date`);
  return Prisma.join(parts, ' AND ');
}

// Sums as float8: a bigint would come back as a JS BigInt, and an int could overflow on signatures.
const TOTALS = Prisma.sql`count(*)::int AS activities,
  coalesce(sum(a.participants), 0)::float8 AS participants,
  coalesce(sum(a.conversations), 0)::float8 AS conversations,
  coalesce(sum(a.new_members), 0)::float8 AS new_members,
  coalesce(sum(a.new_union_members), 0)::float8 AS new_union_members,
  coalesce(sum(a.new_leaders), 0)::float8 AS new_leaders,
  coalesce(sum(a.petition_signatures), 0)::float8 AS petition_signatures`;

export interface TotalsRow {
  activities: number;
  participants: number;
  conversations: number;
  new_members: number;
  new_union_members: number;
  new_leaders: number;
  petition_signatures: number;
}

export interface RegionRow {
  code: string;
  name: string;
  goal: unknown;
  pilots: number;
  running: number;
  red_wall: number;
  target: number;
}
export type RegionMonthRow = TotalsRow & { region_code: string; month: string };

/** A seat counts as red wall by the flag in force (a staff override, else the computed flag). */
const RED_WALL = Prisma.sql`coalesce(t.red_wall_override, c.red_wall)`;
const TARGET = Prisma.sql`t.status IN ('WIN'::target_status, 'DEFEND'::target_status)`;

/**
 * National board, 1 of 2: per region, the pilots the filters keep, and, whatever the filters, those
 * counting towards the goal and the seats with no pilot at all (the goal is about the region, not the view).
 */
export function nationalRegionsSql(q: TBoardQuery): Prisma.Sql {
  return Prisma.sql`
    WITH ap AS (
      SELECT p.status, clp.constituency_id AS seat_id, c.region_code, (${pilotFilter(q)}) AS kept
      FROM pilot p JOIN clp ON clp.id = p.clp_id JOIN constituency c ON c.id = clp.constituency_id
    ), counts AS (
      SELECT region_code, (count(*) FILTER (WHERE kept))::int AS pilots,
             (count(*) FILTER (WHERE status IN (${statuses(PILOT_GOAL_STATUSES)})))::int AS running
      FROM ap GROUP BY region_code
    ), bare AS (
      SELECT c.region_code, (count(*) FILTER (WHERE ${RED_WALL}))::int AS red_wall,
             (count(*) FILTER (WHERE ${TARGET}))::int AS target
      FROM constituency c LEFT JOIN seat_target t ON t.constituency_id = c.id
      WHERE c.boundary_set_code = '2024' AND NOT EXISTS (SELECT 1 FROM ap WHERE ap.seat_id = c.id)
      GROUP BY c.region_code
    )
    SELECT r.code, r.name, (SELECT value FROM setting WHERE key = ${PILOT_GOAL_KEY}) AS goal,
           coalesce(counts.pilots, 0) AS pilots, coalesce(counts.running, 0) AS running,
           coalesce(bare.red_wall, 0) AS red_wall, coalesce(bare.target, 0) AS target
    FROM region r LEFT JOIN counts ON counts.region_code = r.code LEFT JOIN bare ON bare.region_code = r.code
    WHERE EXISTS (SELECT 1 FROM constituency c WHERE c.region_code = r.code AND c.boundary_set_code = '2024')
    ORDER BY r.name`;
}

/** National board, 2 of 2: activity totals per region and month (the region totals are their sums). */
export function nationalMonthsSql(q: TBoardQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT c.region_code, to_char(a.occurred_on, 'YYYY-MM') AS month, ${TOTALS}
    FROM pilot_activity a JOIN pilot p ON p.id = a.pilot_id JOIN clp ON clp.id = p.clp_id
         JOIN constituency c ON c.id = clp.constituency_id
    WHERE ${activityFilter(q)} AND ${pilotFilter(q)}
    GROUP BY c.region_code, month`;
}

export type PilotRow = TotalsRow & {
  id: number;
  title: string;
  category: string;
  kind: string;
  status: string;
  status_on: string;
  starts_on: string;
  ends_on: string | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
  clp_id: number;
  clp_name: string;
  seat_code: string;
  seat_name: string;
  region_code: string;
  region_name: string;
  organiser_id: number | null;
  organiser_name: string | null;
  last_activity_on: string | null;
};

/**
 * Region board, 1 of 2: the region's pilots with their activity totals; running first, newest start. The
 * totals are looked up per pilot on the (pilot_id, occurred_on) index: a region holds a twelfth of the
 * activities, so this reads far fewer rows than aggregating the whole table.
 */
export function regionPilotsSql(region: string, q: TBoardQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id, p.title, p.category::text, p.kind::text, p.status::text,
           to_char(p.status_on, 'YYYY-MM-DD') AS status_on, to_char(p.starts_on, 'YYYY-MM-DD') AS starts_on,
           to_char(p.ends_on, 'YYYY-MM-DD') AS ends_on, p.latitude, p.longitude, p.version,
           p.clp_id, clp.name AS clp_name, c.code AS seat_code, c.name AS seat_name, c.region_code,
           r.name AS region_name, u.id AS organiser_id, u.name AS organiser_name,
           to_char(t.last_on, 'YYYY-MM-DD') AS last_activity_on, t.activities, t.participants,
           t.conversations, t.new_members, t.new_union_members, t.new_leaders, t.petition_signatures
    FROM pilot p JOIN clp ON clp.id = p.clp_id JOIN constituency c ON c.id = clp.constituency_id
         JOIN region r ON r.code = c.region_code LEFT JOIN app_user u ON u.id = p.organiser_id
         CROSS JOIN LATERAL (
           SELECT ${TOTALS}, max(a.occurred_on) AS last_on
           FROM pilot_activity a WHERE a.pilot_id = p.id AND ${activityFilter(q)}) t
    WHERE c.region_code = ${region} AND ${pilotFilter(q)}
    ORDER BY (p.status IN (${statuses(PILOT_RUNNING_STATUSES)})) DESC, p.starts_on DESC, p.id DESC`;
}

export interface RegionExtrasRow {
  region: { code: string; name: string } | null;
  goal: unknown;
  /** The region's pilots counting towards the goal, whatever the filters. */
  running: number;
  seats: { code: string; name: string; redWall: boolean; target: 'WIN' | 'DEFEND' | null }[];
  months: (TotalsRow & { month: string })[];
}

/**
 * Region board, 2 of 2: the region, the goal and the pilots counting towards it, red-wall and target seats
 * with no pilot, totals per month. The filters narrow only the months: the goal count and the seats with
 * no pilot are about the region, whatever is being looked at.
 */
export function regionExtrasSql(region: string, q: TBoardQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT
      (SELECT json_build_object('code', code, 'name', name) FROM region WHERE code = ${region}) AS region,
      (SELECT value FROM setting WHERE key = ${PILOT_GOAL_KEY}) AS goal,
      (SELECT count(*)::int FROM pilot p JOIN clp ON clp.id = p.clp_id
              JOIN constituency c ON c.id = clp.constituency_id
       WHERE c.region_code = ${region} AND p.status IN (${statuses(PILOT_GOAL_STATUSES)})) AS running,
      (SELECT coalesce(json_agg(json_build_object('code', c.code, 'name', c.name, 'redWall', ${RED_WALL},
                'target', CASE WHEN ${TARGET} THEN t.status::text END) ORDER BY c.name), '[]'::json)
       FROM constituency c LEFT JOIN seat_target t ON t.constituency_id = c.id
       WHERE c.boundary_set_code = '2024' AND c.region_code = ${region} AND (${RED_WALL} OR ${TARGET})
         AND NOT EXISTS (SELECT 1 FROM pilot p JOIN clp ON clp.id = p.clp_id
                         WHERE clp.constituency_id = c.id)) AS seats,
      (SELECT coalesce(json_agg(m ORDER BY m.month), '[]'::json) FROM (
         SELECT to_char(a.occurred_on, 'YYYY-MM') AS month, ${TOTALS}
         FROM pilot_activity a JOIN pilot p ON p.id = a.pilot_id JOIN clp ON clp.id = p.clp_id
              JOIN constituency c ON c.id = clp.constituency_id
         WHERE c.region_code = ${region} AND ${activityFilter(q)} AND ${pilotFilter(q)}
         GROUP BY month) m) AS months`;
}
