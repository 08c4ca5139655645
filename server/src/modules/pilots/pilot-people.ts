// Who may be a pilot's responsible organiser: someone with a current role in its CLP (member, organiser or
// selection officer) and an account that is not disabled.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

function currentClpGrant(clpId: number, now: Date): Prisma.RoleGrantWhereInput {
  return {
    clpId,
    role: { in: ['member', 'organiser', 'selection_officer'] },
    revokedAt: null,
    startsAt: { lte: now },
    OR: [{ endsAt: null }, { endsAt: { gt: now } }],
  };
}

export async function isClpOfficer(db: Db, userId: number, clpId: number): Promise<boolean> {
  const now = new Date();
  const grant = await db.roleGrant.findFirst({
    where: { userId, ...currentClpGrant(clpId, now), user: { disabledAt: null } },
    select: { id: true },
  });
  return grant !== null;
}

export async function clpOfficers(db: Db, clpId: number): Promise<{ id: number; name: string }[]> {
  return db.user.findMany({
    where: { disabledAt: null, grants: { some: currentClpGrant(clpId, new Date()) } },
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 500,
  });
}
