import type { Prisma } from '../../generated/prisma/client.ts';

/**
 * Call inside the transaction of every write that changes what a seat row shows (a seat layer's data, a
 * setting its access rule reads, a data load). The new version becomes visible exactly when the write
 * commits, and every cache and server instance keys on it (seat-read-model.ts).
 */
export async function bumpSeatDataVersion(tx: Prisma.TransactionClient): Promise<void> {
  await tx.seatDataVersion.update({
    where: { id: 1 },
    data: { version: { increment: 1 }, updatedAt: new Date() },
  });
}
