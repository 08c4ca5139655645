// Applying a checked import file: every row in one transaction, each with a key derived from the file's key
// and its line, so applying the same file again (a retry after a lost answer, a double click, three tabs at
// once) meets the rows it made before and adds nothing.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { changedFields } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import type { ImportRow } from './activities.import.ts';
import { AUDITED, audited, columns } from './activities.rows.ts';
import type { Actor } from './activities.service.ts';

/**
 * The idempotency key of a file's row: a UUID (version 8, "custom") from sha256 of the file's key and the
 * row's line. The same file and key always give the same keys; different lines or files never collide.
 */
export function importRowKey(fileKey: string, line: number): string {
  const hash = createHash('sha256').update(`${fileKey.toLowerCase()}:${line}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x80;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface ImportOutcome {
  created: number;
  /** Rows whose key an earlier apply of this file already used: skipped. */
  alreadyImported: number;
}

/**
 * Writes the rows not written before, each with its history entry, in one transaction. Rows whose key
 * exists are skipped by the insert itself (ON CONFLICT DO NOTHING): a concurrent apply of the same file
 * waits for the first to commit, then finds every row there.
 */
export async function applyImport(
  prisma: PrismaClient,
  pilotId: number,
  fileKey: string,
  rows: readonly ImportRow[],
  actor: Actor,
): Promise<ImportOutcome> {
  if (rows.length === 0) return { created: 0, alreadyImported: 0 };
  const keys = rows.map((r) => importRowKey(fileKey, r.line));
  const created = await prisma.$transaction(
    async (tx) => {
      const made = await tx.pilotActivity.createManyAndReturn({
        data: rows.map((r, i) => ({
          pilotId,
          idempotencyKey: keys[i]!,
          ...columns(r),
          recordedById: actor.id,
        })),
        skipDuplicates: true,
      });
      if (made.length < rows.length) {
        // A key reused for another pilot's file is a client's mistake, not a retry: nothing is written.
        const elsewhere = await tx.pilotActivity.count({
          where: { idempotencyKey: { in: keys }, pilotId: { not: pilotId } },
        });
        if (elsewhere > 0) {
          throw new AppError(
            'CONFLICT',
            "This import key was already used for another pilot's file; choose the file again",
          );
        }
      }
      if (made.length === 0) return 0;
      // One entry per activity, as recordChange writes it, in one statement (a file may hold 5,000).
      await tx.auditEntry.createMany({
        data: made.map((m) => ({
          actorId: actor.id,
          entityType: 'pilot-activity',
          entityId: String(m.id),
          action: 'create',
          changes: changedFields(null, audited(m), AUDITED) as never,
          source: 'CSV import',
          requestId: actor.requestId ?? null,
        })),
      });
      await bumpSeatDataVersion(tx);
      return made.length;
    },
    { timeout: 60_000 },
  );
  return { created, alreadyImported: rows.length - created };
}
