import type { PrismaClient } from '../../generated/prisma/client.ts';

export const TARGETS_PUBLIC = 'targetsPublic';

/** Whether seat targets are shown to everyone; by default only to signed-in users. */
export async function targetsArePublic(prisma: PrismaClient): Promise<boolean> {
  const row = await prisma.setting.findUnique({ where: { key: TARGETS_PUBLIC } });
  return row?.value === true;
}
