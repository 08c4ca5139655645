// Field-level history: every create, update and delete of a domain record writes one entry, in the same
// transaction as the change, naming each changed field with its value before and after.
import type { Prisma } from '../../generated/prisma/client.ts';

export type EntityType =
  | 'seat-target'
  | 'user'
  | 'role-grant'
  | 'setting'
  | 'pilot'
  | 'pilot-activity'
  | 'pilot-comment'
  | 'partner'
  | 'selection'
  | 'candidacy'
  | 'candidate'
  | 'candidate-consent';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields whose values differ, in the order given; dates compare by instant. */
export function changedFields<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);
  return fields.flatMap((field) => {
    const b = norm(before?.[field]);
    const a = norm(after?.[field]);
    return JSON.stringify(b) === JSON.stringify(a) ? [] : [{ field, before: b, after: a }];
  });
}

export async function recordChange(
  tx: Prisma.TransactionClient,
  entry: {
    actorId: number | null;
    entityType: EntityType;
    entityId: string | number;
    action: 'create' | 'update' | 'delete';
    changes: FieldChange[];
    source?: string | null | undefined;
    reason?: string | null | undefined;
    requestId?: string | null | undefined;
  },
): Promise<void> {
  if (entry.action === 'update' && entry.changes.length === 0) return;
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      action: entry.action,
      changes: entry.changes as unknown as Prisma.InputJsonValue,
      source: entry.source ?? null,
      reason: entry.reason ?? null,
      requestId: entry.requestId ?? null,
    },
  });
}
