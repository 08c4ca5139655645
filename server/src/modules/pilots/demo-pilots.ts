// Fictional pilots, partners and activities for trying the app (npm run demo:pilots): a few North East CLPs,
// Blyth and Ashington (the demo users' CLP) among them, with every status, partners shared between pilots,
// a "run this pilot here" copy and months of activity. Everything is plainly marked as made up.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type {
  TActivityType,
  TPilotCategory,
  TPilotKind,
  TPilotStatus,
  TPartnerKind,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { partnerDedupeKey } from './partners.service.ts';

/** Every demo record says so: titles start with it, partners' names end with it. */
export const DEMO_MARK = '(fictional demo)';
const DEMO_REASON = 'fictional demo data (npm run demo:pilots)';

const PARTNERS: { name: string; kind: TPartnerKind; unionName?: string; contactRole: string }[] = [
  {
    name: `Unite Blyth Community Branch ${DEMO_MARK}`,
    kind: 'union_branch',
    unionName: 'Unite',
    contactRole: 'Branch secretary',
  },
  {
    name: `UNISON Northumberland Health Branch ${DEMO_MARK}`,
    kind: 'union_branch',
    unionName: 'UNISON',
    contactRole: 'Branch chair',
  },
  {
    name: `GMB Care Workers Branch ${DEMO_MARK}`,
    kind: 'union_branch',
    unionName: 'GMB',
    contactRole: 'Organiser',
  },
  { name: `Cowpen Tenants' Association ${DEMO_MARK}`, kind: 'community_group', contactRole: 'Chair' },
  { name: `Riverside Food Bank ${DEMO_MARK}`, kind: 'community_group', contactRole: 'Volunteer coordinator' },
  { name: `Parents for Local Schools ${DEMO_MARK}`, kind: 'community_group', contactRole: 'Secretary' },
];

interface DemoPilot {
  seat: string;
  title: string;
  issue: string;
  category: TPilotCategory;
  kind: TPilotKind;
  status: TPilotStatus;
  /** Days before today it started, and (for ended pilots) ended. */
  startedDaysAgo: number;
  endedDaysAgo?: number;
  goals: string;
  partners: number[];
  outcome?: string;
  lessons?: string;
  activities: number;
}

const PILOTS: DemoPilot[] = [
  {
    seat: 'E14001107',
    title: 'Keep the 308 bus running',
    category: 'transport',
    kind: 'community_organising',
    status: 'active',
    startedDaysAgo: 120,
    activities: 18,
    partners: [0, 3],
    issue: 'The evening 308 bus is being cut, leaving shift workers at the port with no way home.',
    goals: 'A petition of 2,000 names; a meeting with the bus operator; the evening service kept.',
  },
  {
    seat: 'E14001107',
    title: 'Repairs at Cowpen estate',
    category: 'housing',
    kind: 'community_organising',
    status: 'won',
    startedDaysAgo: 330,
    endedDaysAgo: 60,
    activities: 22,
    partners: [3],
    issue: 'Damp and mould reported for two years with no repairs from the housing association.',
    goals: 'Every reported repair surveyed and a timetable for the work.',
    outcome: 'The housing association agreed a survey of all 140 homes and a repair timetable.',
    lessons: 'Tenants who spoke at the public meeting became the campaign’s leaders; start with one-to-ones.',
  },
  {
    seat: 'E14001107',
    title: 'Union drive at the care homes',
    category: 'health_and_care',
    kind: 'union_recruitment',
    status: 'planned',
    startedDaysAgo: -14,
    activities: 0,
    partners: [2],
    issue: 'Care workers on minimum wage with no sick pay at three local homes.',
    goals: 'A recognised union at one home; 40 new members.',
  },
  {
    seat: 'E14001183',
    title: 'Save the library',
    category: 'local_services',
    kind: 'community_organising',
    status: 'partly_won',
    startedDaysAgo: 400,
    endedDaysAgo: 100,
    activities: 15,
    partners: [4, 5],
    issue: 'The council plans to close the branch library and move it into the leisure centre.',
    goals: 'The library kept open with its current hours.',
    outcome: 'Kept open, but on three days a week instead of six.',
    lessons: 'Involve the staff union earlier.',
  },
  {
    seat: 'E14001183',
    title: 'Political education evenings',
    category: 'other',
    kind: 'political_education',
    status: 'paused',
    startedDaysAgo: 200,
    activities: 6,
    partners: [0],
    issue: 'New members want to understand how the council and the party work.',
    goals: 'Six evenings; ten new members taking on a role.',
  },
  {
    seat: 'E14001492',
    title: 'Fair pay at the call centre',
    category: 'jobs_and_pay',
    kind: 'union_recruitment',
    status: 'lost',
    startedDaysAgo: 500,
    endedDaysAgo: 200,
    activities: 12,
    partners: [0],
    issue: 'Call-centre staff moved onto zero-hours contracts.',
    goals: 'Contracts with guaranteed hours.',
    outcome: 'The employer moved the work elsewhere; the branch kept 30 new members.',
    lessons: 'Build the branch before going public.',
  },
  {
    seat: 'E14001272',
    title: 'Bring cleaning back in-house',
    category: 'outsourcing',
    kind: 'community_organising',
    status: 'closed',
    startedDaysAgo: 600,
    endedDaysAgo: 300,
    activities: 8,
    partners: [1],
    issue: 'Hospital cleaning contracted out, with worse pay and missed shifts.',
    goals: 'The contract not renewed.',
    outcome: 'Closed when the trust announced a review.',
    lessons: 'Hard to keep going without a date to aim at.',
  },
  {
    seat: 'E14001272',
    title: 'Keep the 308 bus running — here too',
    category: 'transport',
    kind: 'community_organising',
    status: 'active',
    startedDaysAgo: 45,
    activities: 7,
    partners: [0, 3],
    issue: 'The same evening cuts hit our villages.',
    goals: 'Join the petition; a meeting with the operator.',
  },
];

const ACTIVITY_TYPES: TActivityType[] = [
  'door_knocking',
  'one_to_one',
  'public_meeting',
  'stall',
  'petition',
  'social',
];

/** A small deterministic generator, so the demo is the same every time. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function day(today: Date, daysAgo: number): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - daysAgo);
  return d;
}

/** A point inside the seat: the middle of its bounding box if inside, else the first grid point inside. */
export function pointInside(geometry: Geometry): { lat: number; lng: number } | null {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return null;
  const shape = geometry as Polygon | MultiPolygon;
  const rings = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const xs = rings.flat(2).map((p) => p[0]!);
  const ys = rings.flat(2).map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let n = 1; n <= 16; n *= 2) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const lng = minX + ((i + 0.5) / n) * (maxX - minX);
        const lat = minY + ((j + 0.5) / n) * (maxY - minY);
        if (booleanPointInPolygon([lng, lat], shape)) return { lat, lng };
      }
    }
  }
  return null;
}

export interface DemoSummary {
  created: boolean;
  pilots: number;
  partners: number;
  activities: number;
}

/**
 * Makes the demo pilots unless they are there already; with `reset`, deletes the demo ones (and only them)
 * first. Returns what exists afterwards.
 */
export async function createDemoPilots(
  prisma: PrismaClient,
  options: { reset?: boolean; today?: Date } = {},
): Promise<DemoSummary> {
  const today = options.today ?? new Date();
  const isDemoPilot = { title: { endsWith: DEMO_MARK } };
  const existing = await prisma.pilot.count({ where: isDemoPilot });
  if (existing > 0 && !options.reset) return { created: false, ...(await count(prisma)) };

  const seats = await prisma.constituency.findMany({
    where: { boundarySetCode: '2024', code: { in: [...new Set(PILOTS.map((p) => p.seat))] } },
    select: { code: true, geometry: true, clp: { select: { id: true } } },
  });
  const bySeat = new Map(seats.map((s) => [s.code, s]));
  const missing = [...new Set(PILOTS.map((p) => p.seat))].filter((c) => !bySeat.get(c)?.clp);
  if (missing.length > 0)
    throw new Error(
      `The seat data is not loaded (no CLP for ${missing.join(', ')}): start the app once first.`,
    );
  const organiser = await prisma.user.findUnique({
    where: { email: 'organiser@demo.groundwork.test' },
    select: { id: true },
  });
  const rnd = random(20261202);

  await prisma.$transaction(
    async (tx) => {
      if (options.reset) {
        await tx.pilot.deleteMany({ where: isDemoPilot });
        await tx.partner.deleteMany({ where: { name: { endsWith: DEMO_MARK } } });
      }
      const partnerIds: number[] = [];
      for (const p of PARTNERS) {
        const dedupeKey = partnerDedupeKey(p);
        // Left from an earlier run whose pilots were deleted by hand: reused, as the unique key requires.
        const kept = await tx.partner.findUnique({ where: { dedupeKey }, select: { id: true } });
        if (kept) {
          partnerIds.push(kept.id);
          continue;
        }
        const partner = await tx.partner.create({
          data: {
            name: p.name,
            kind: p.kind,
            unionName: p.unionName ?? null,
            contactRole: p.contactRole,
            dedupeKey,
          },
        });
        partnerIds.push(partner.id);
        await recordChange(tx, {
          actorId: null,
          entityType: 'partner',
          entityId: partner.id,
          action: 'create',
          changes: [{ field: 'name', before: null, after: p.name }],
          reason: DEMO_REASON,
        });
      }
      let original: number | undefined;
      for (const p of PILOTS) {
        const seat = bySeat.get(p.seat)!;
        const startsOn = day(today, p.startedDaysAgo);
        const endsOn = p.endedDaysAgo === undefined ? null : day(today, p.endedDaysAgo);
        const location = pointInside(seat.geometry as unknown as Geometry);
        const statusOn = endsOn ?? (p.status === 'planned' ? day(today, 0) : startsOn);
        const pilot = await tx.pilot.create({
          data: {
            clpId: seat.clp!.id,
            title: `${p.title} ${DEMO_MARK}`,
            issue: p.issue,
            category: p.category,
            kind: p.kind,
            status: p.status,
            statusOn,
            startsOn,
            endsOn,
            goals: p.goals,
            organiserId: p.seat === 'E14001107' ? (organiser?.id ?? null) : null,
            latitude: location?.lat ?? null,
            longitude: location?.lng ?? null,
            outcome: p.outcome ?? '',
            lessons: p.lessons ?? '',
            evidenceLinks: p.outcome ? ['https://example.org/fictional-demo-evidence'] : [],
            originId: p.title.endsWith('here too') ? (original ?? null) : null,
            partners: { create: p.partners.map((i) => ({ partnerId: partnerIds[i]! })) },
            statusChanges: {
              create: [
                ...(p.status === 'planned' ? [] : [{ status: 'active' as const, changedOn: startsOn }]),
                ...(p.status === 'active' ? [] : [{ status: p.status, changedOn: statusOn }]),
              ],
            },
          },
        });
        if (p.title === 'Keep the 308 bus running') original = pilot.id;
        await recordChange(tx, {
          actorId: null,
          entityType: 'pilot',
          entityId: pilot.id,
          action: 'create',
          changes: [
            { field: 'title', before: null, after: pilot.title },
            { field: 'status', before: null, after: pilot.status },
          ],
          reason: DEMO_REASON,
        });
        const lastDay = p.endedDaysAgo ?? 0;
        const span = Math.max(1, p.startedDaysAgo - lastDay);
        await tx.pilotActivity.createMany({
          data: Array.from({ length: p.activities }, (_, i) => {
            const type = ACTIVITY_TYPES[Math.floor(rnd() * ACTIVITY_TYPES.length)]!;
            const people = 3 + Math.floor(rnd() * 20);
            return {
              pilotId: pilot.id,
              idempotencyKey: crypto.randomUUID(),
              occurredOn: day(today, lastDay + Math.floor(((i + rnd()) / p.activities) * span)),
              type,
              participants: people,
              conversations:
                type === 'door_knocking' || type === 'stall' ? people * 4 + Math.floor(rnd() * 30) : people,
              newMembers: Math.floor(rnd() * 4),
              newUnionMembers: p.partners.some((x) => PARTNERS[x]!.kind === 'union_branch')
                ? Math.floor(rnd() * 5)
                : 0,
              newLeaders: rnd() < 0.3 ? 1 : 0,
              petitionSignatures: type === 'petition' || type === 'stall' ? Math.floor(rnd() * 300) : null,
              notes: `Fictional demo session ${i + 1}.`,
              recordedById: p.seat === 'E14001107' ? (organiser?.id ?? null) : null,
            };
          }),
        });
      }
      await bumpSeatDataVersion(tx);
    },
    { timeout: 60_000 },
  );
  return { created: true, ...(await count(prisma)) };
}

async function count(prisma: PrismaClient): Promise<Omit<DemoSummary, 'created'>> {
  const [pilots, partners, activities] = await Promise.all([
    prisma.pilot.count({ where: { title: { endsWith: DEMO_MARK } } }),
    prisma.partner.count({ where: { name: { endsWith: DEMO_MARK } } }),
    prisma.pilotActivity.count({ where: { pilot: { title: { endsWith: DEMO_MARK } } } }),
  ]);
  return { pilots, partners, activities };
}
