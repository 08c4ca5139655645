// Test helpers for the boards, the layer and the vote comparison: pilots and activities written straight
// to the database (the pilot routes are another part's), then the seat-data version moved as a write would.
import { randomUUID } from 'node:crypto';
import type { TPilotStatus } from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';

const date = (day: string) => new Date(`${day}T00:00:00Z`);

/** The CLP of a 2024 seat, by its ONS code. */
export async function clpOf(prisma: PrismaClient, code: string): Promise<{ id: number; seatId: number }> {
  const clp = await prisma.clp.findFirstOrThrow({
    where: { constituency: { code, boundarySetCode: '2024' } },
  });
  return { id: clp.id, seatId: clp.constituencyId };
}

export async function makePilot(
  prisma: PrismaClient,
  seat: string,
  fields: {
    title?: string;
    status?: TPilotStatus;
    startsOn: string;
    endsOn?: string;
    kind?: 'community_organising' | 'political_education' | 'union_recruitment';
    category?: 'housing' | 'transport' | 'jobs_and_pay';
    organiserId?: number;
  },
): Promise<number> {
  const clp = await clpOf(prisma, seat);
  const pilot = await prisma.pilot.create({
    data: {
      clpId: clp.id,
      title: fields.title ?? `Pilot in ${seat}`,
      issue: 'Bus routes cut',
      category: fields.category ?? 'transport',
      kind: fields.kind ?? 'community_organising',
      status: fields.status ?? 'active',
      statusOn: date(fields.startsOn),
      startsOn: date(fields.startsOn),
      endsOn: fields.endsOn ? date(fields.endsOn) : null,
      organiserId: fields.organiserId ?? null,
    },
  });
  await bumpSeatDataVersion(prisma);
  return pilot.id;
}

export async function logActivity(
  prisma: PrismaClient,
  pilotId: number,
  occurredOn: string,
  counts: { participants?: number; conversations?: number; newMembers?: number; petitionSignatures?: number },
  deleted = false,
): Promise<void> {
  await prisma.pilotActivity.create({
    data: {
      pilotId,
      idempotencyKey: randomUUID(),
      occurredOn: date(occurredOn),
      type: 'door_knocking',
      ...counts,
      deletedAt: deleted ? new Date() : null,
    },
  });
  await bumpSeatDataVersion(prisma);
}

/** YYYY-MM-DD, `days` before today (UTC). */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
