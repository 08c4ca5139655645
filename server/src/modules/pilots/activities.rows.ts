// An activity row as the API shows it and as the history records it, and a request's fields as the database
// takes them.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ACTIVITY_COUNTS, type TActivity } from '../../contracts/index.ts';
import type { ImportedActivity } from './activities.import.ts';

export const recordedBy = { select: { id: true, name: true } } as const;
export type Row = NonNullable<Awaited<ReturnType<PrismaClient['pilotActivity']['findFirst']>>> & {
  recordedBy?: { id: number; name: string } | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);
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
