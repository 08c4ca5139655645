// The regional goal for pilots (the report's "three in every region"), changeable by admins. Kept in the
// `setting` table; every change is in the history (entity 'setting').
import { PILOT_GOAL_DEFAULT } from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { recordChange } from '../history/audit.ts';

export const PILOT_GOAL_KEY = 'pilots.goalPerRegion';

export async function pilotGoal(prisma: PrismaClient | Prisma.TransactionClient): Promise<number> {
  const row = await prisma.setting.findUnique({ where: { key: PILOT_GOAL_KEY } });
  return typeof row?.value === 'number' ? row.value : PILOT_GOAL_DEFAULT;
}

/** Sets the goal; a save that changes nothing writes nothing. */
export async function setPilotGoal(
  prisma: PrismaClient,
  perRegion: number,
  actor: { id: number; requestId?: string },
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.setting.findUnique({ where: { key: PILOT_GOAL_KEY } });
    const before = typeof existing?.value === 'number' ? existing.value : PILOT_GOAL_DEFAULT;
    if (existing && before === perRegion) return perRegion;
    await tx.setting.upsert({
      where: { key: PILOT_GOAL_KEY },
      create: { key: PILOT_GOAL_KEY, value: perRegion, updatedById: actor.id },
      update: { value: perRegion, updatedById: actor.id, updatedAt: new Date() },
    });
    await recordChange(tx, {
      actorId: actor.id,
      entityType: 'setting',
      entityId: PILOT_GOAL_KEY,
      action: existing ? 'update' : 'create',
      changes: [{ field: 'value', before: existing ? before : null, after: perRegion }],
      requestId: actor.requestId,
    });
    return perRegion;
  });
}
