// An activity row as the API shows it and as the history records it, and a request's fields as the database
// takes them.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { ACTIVITY_COUNTS, beforeStartMessage, type TActivity } from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import type { ImportedActivity } from './activities.import.ts';

export const recordedBy = { select: { id: true, name: true } } as const;
export type Row = NonNullable<Awaited<ReturnType<PrismaClient['pilotActivity']['findFirst']>>> & {
  recordedBy?: { id: number; name: string } | null;
};

export const day = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (s: string) => new Date(`${s}T00:00:00Z`);

/** The fields the history records, as an editor sees them (the date as YYYY-MM-DD). */
export const AUDITED = ['occurredOn', 'type', ...ACTIVITY_COUNTS, 'notes'] as const;
type Audited = Record<(typeof AUDITED)[number], unknown>;
export const audited = (r: Row | ImportedActivity): Audited => {
  const out = {} as Audited;
  for (const f of AUDITED) out[f] = r[f];
  if (r.occurredOn instanceof Date) out.occurredOn = day(r.occurredOn);
  return out;
};

export function toActivity(row: Row, personal: boolean): TActivity {
  return {
    id: row.id,
    pilotId: row.pilotId,
    idempotencyKey: row.idempotencyKey,
    occurredOn: day(row.occurredOn),
    type: row.type,
    participants: row.participants,
    conversations: row.conversations,
    newMembers: row.newMembers,
    newUnionMembers: row.newUnionMembers,
    newLeaders: row.newLeaders,
    petitionSignatures: row.petitionSignatures,
    ...(personal ? { notes: row.notes, recordedBy: row.recordedBy ?? null } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Date, type, counts (an empty one stored as null) and notes as the database takes them. */
export function columns(input: Omit<ImportedActivity, 'notes'> & { notes?: string | undefined }) {
  const out: Record<string, unknown> = { occurredOn: asDate(input.occurredOn), type: input.type };
  for (const c of ACTIVITY_COUNTS) out[c] = input[c] ?? null;
  if (input.notes !== undefined) out.notes = input.notes;
  return out as { occurredOn: Date; type: ImportedActivity['type'] } & Record<string, number | null> & {
      notes?: string;
    };
}

/**
 * An activity dated before its pilot started is refused (422 naming occurredOn): the pilot's weekly timeline
 * runs from its earliest activity, so one slip (2000 for 2026) would fill it with decades of empty weeks.
 */
export async function refuseBeforeStart(
  tx: Prisma.TransactionClient,
  pilotId: number,
  occurredOn: string,
): Promise<void> {
  const pilot = await tx.pilot.findUnique({ where: { id: pilotId }, select: { startsOn: true } });
  if (!pilot) throw AppError.notFound(`Pilot ${pilotId}`);
  const startsOn = day(pilot.startsOn);
  if (occurredOn >= startsOn) return;
  const message = beforeStartMessage(startsOn);
  throw new AppError('UNPROCESSABLE', `occurredOn ${message}`, [{ field: 'occurredOn', message }]);
}
