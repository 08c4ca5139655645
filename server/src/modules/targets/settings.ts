import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { TTargetsPublic } from '../../contracts/index.ts';

export const TARGETS_PUBLIC = 'targetsPublic';
export const TARGETS_DETAILS_PUBLIC = 'targetsDetailsPublic';

/**
 * Who outside the signed-in staff sees targets. By default nobody; an admin may show status and tier to
 * everyone, and separately also the rationale, red-wall overrides, sources and staff names.
 */
export async function targetVisibility(
  prisma: PrismaClient | Prisma.TransactionClient,
): Promise<TTargetsPublic> {
  const rows = await prisma.setting.findMany({
    where: { key: { in: [TARGETS_PUBLIC, TARGETS_DETAILS_PUBLIC] } },
  });
  const value = (key: string) => rows.find((r) => r.key === key)?.value === true;
  const isPublic = value(TARGETS_PUBLIC);
  return { public: isPublic, detailsPublic: isPublic && value(TARGETS_DETAILS_PUBLIC) };
}
