// The pilot layer of the seat list: how many pilots a seat's CLP has, how many are running, and how much
// organising activity it logged in the last 90 days. Counts only (no names, no personal data), for anyone
// signed in (access/policy.ts, 'pilots:layer').
import { PILOT_RUNNING_STATUSES, type TPilotLayerLevel } from '../../contracts/index.ts';
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import { can } from '../access/policy.ts';
import { defineSeatLayer } from '../seats/seat-layer.ts';

interface PilotRow {
  pilots: number;
  running: number;
  activities90: number;
}

const NO_PILOTS: PilotRow = { pilots: 0, running: 0, activities90: 0 };
/** Today and the 89 days before it, by the database's date (the read model re-reads when that changes). */
export const ACTIVITY_WINDOW_DAYS = 90;

export const pilotLayer = defineSeatLayer<Map<number, PilotRow>, PilotRow, TPilotLayerLevel>({
  id: 'pilot',
  noun: 'pilot',
  boundarySets: ['2024'],
  levels: ['counts'],

  // Runs on every seat-data version: two grouped queries, one row per seat that has something.
  // The 90-day window moves with the database's date, which is part of the seat-data version.
  async load(prisma: PrismaClient) {
    const running = Prisma.join(PILOT_RUNNING_STATUSES.map((s) => Prisma.sql`${s}::pilot_status`));
    const [pilots, activities] = await Promise.all([
      prisma.$queryRaw<{ seat_id: number; pilots: number; running: number }[]>(Prisma.sql`
        SELECT clp.constituency_id AS seat_id, count(*)::int AS pilots,
               (count(*) FILTER (WHERE p.status IN (${running})))::int AS running
        FROM pilot p JOIN clp ON clp.id = p.clp_id
        GROUP BY clp.constituency_id`),
      prisma.$queryRaw<{ seat_id: number; n: number }[]>(Prisma.sql`
        SELECT clp.constituency_id AS seat_id, count(*)::int AS n
        FROM pilot_activity a JOIN pilot p ON p.id = a.pilot_id JOIN clp ON clp.id = p.clp_id
        WHERE a.deleted_at IS NULL AND a.occurred_on > current_date - ${ACTIVITY_WINDOW_DAYS}::int
        GROUP BY clp.constituency_id`),
    ]);
    const bySeat = new Map<number, PilotRow>();
    for (const r of pilots) bySeat.set(r.seat_id, { pilots: r.pilots, running: r.running, activities90: 0 });
    for (const r of activities) {
      const row = bySeat.get(r.seat_id);
      if (row) row.activities90 = r.n;
    }
    return bySeat;
  },

  level: (principal) => (can(principal, 'pilots:layer') ? 'counts' : undefined),

  row: (data, seatId) => data.get(seatId) ?? NO_PILOTS,

  fields: (p) => ({ pilots: p.pilots, running: p.running, activities90: p.activities90 }),

  filters: {
    pilots: (p, value: 'any' | 'none' | 'running') =>
      value === 'any' ? p.pilots > 0 : value === 'none' ? p.pilots === 0 : p.running > 0,
  },

  sorts: {
    pilots: (p) => p.pilots,
    activity: (p) => p.activities90,
  },

  csv: [
    { header: 'pilots', level: 'counts', value: (p) => p.pilots },
    { header: 'pilots_running', level: 'counts', value: (p) => p.running },
    { header: 'activities_90_days', level: 'counts', value: (p) => p.activities90 },
  ],
});
