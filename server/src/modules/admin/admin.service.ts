import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { isActive } from '../access/policy.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import type {
  TAdminUser,
  TCreateGrantRequest,
  TCreateUserRequest,
  TAdminGrant,
} from '../../contracts/index.ts';

const grantInclude = {
  clp: { select: { id: true, name: true } },
  region: { select: { code: true, name: true } },
} as const;

type GrantRow = {
  id: number;
  role: TAdminGrant['role'];
  clpId: number | null;
  regionCode: string | null;
  startsAt: Date;
  endsAt: Date | null;
  revokedAt: Date | null;
  clp: { id: number; name: string } | null;
  region: { code: string; name: string } | null;
};

export function toGrant(g: GrantRow, now = new Date()): TAdminGrant {
  return {
    id: g.id,
    role: g.role,
    clp: g.clp,
    region: g.region,
    startsAt: g.startsAt.toISOString(),
    endsAt: g.endsAt?.toISOString() ?? null,
    revokedAt: g.revokedAt?.toISOString() ?? null,
    active: isActive(g, now),
  };
}

export const LAST_ADMIN_MESSAGE = 'Groundwork needs at least one admin: make someone else an admin first';

/**
 * Refuses (409) a change that would take away the last admin grant in force, `grantId`. Call it inside the
 * change's transaction, before the change: it locks every admin grant in force (of an account that is not
 * disabled) until the transaction ends, so changes that take admins away run one after the other and each
 * counts what the one before it left. Two admins revoking each other at once: one succeeds, one gets 409.
 * Any later change that can remove an admin (an end date moved earlier, a disabled account) goes through it.
 */
async function keepAnAdmin(tx: Prisma.TransactionClient, grantId: number, now: Date): Promise<void> {
  // Locked in id order, so two of these never wait on each other in a cycle. Under READ COMMITTED a
  // row that another transaction revoked while this one waited is re-checked and left out.
  const admins = await tx.$queryRaw<{ id: number }[]>`
    SELECT g.id FROM role_grant g JOIN app_user u ON u.id = g.user_id
    WHERE g.role = 'admin' AND g.revoked_at IS NULL AND u.disabled_at IS NULL
      AND g.starts_at <= ${now} AND (g.ends_at IS NULL OR g.ends_at > ${now})
    ORDER BY g.id
    FOR UPDATE OF g`;
  const ids = admins.map((a) => a.id);
  if (ids.includes(grantId) && ids.length === 1) throw new AppError('CONFLICT', LAST_ADMIN_MESSAGE);
}

export class AdminService {
  constructor(private readonly prisma: PrismaClient) {}

  async listUsers(query: { q?: string | undefined; limit: number; offset: number }) {
    const where = query.q
      ? {
          OR: [
            { email: { contains: query.q, mode: 'insensitive' as const } },
            { name: { contains: query.q, mode: 'insensitive' as const } },
          ],
        }
      : {};
    const [total, users] = await Promise.all([
      this.prisma.user.count({ where }),
      this.prisma.user.findMany({
        where,
        include: { grants: { include: grantInclude, orderBy: { id: 'asc' } } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: query.limit,
        skip: query.offset,
      }),
    ]);
    return { total, items: users.map((u) => this.toUser(u)) };
  }

  async createUser(input: TCreateUserRequest, actorId: number): Promise<TAdminUser> {
    const existing = await this.prisma.user.findUnique({ where: { email: input.email } });
    if (existing) {
      throw new AppError('CONFLICT', 'A user with this email already exists', [
        { field: 'email', message: 'is already used by another account' },
      ]);
    }
    const user = await this.prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name },
        include: { grants: { include: grantInclude } },
      });
      await recordChange(tx, {
        actorId,
        entityType: 'user',
        entityId: created.id,
        action: 'create',
        changes: changedFields(null, created, ['email', 'name']),
      });
      return created;
    });
    return this.toUser(user);
  }

  async addGrant(userId: number, input: TCreateGrantRequest, grantedById: number): Promise<TAdminGrant> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw AppError.notFound(`User ${userId}`);
    if (input.clpId !== undefined && !(await this.prisma.clp.findUnique({ where: { id: input.clpId } }))) {
      throw new AppError('UNPROCESSABLE', 'No such CLP', [
        { field: 'clpId', message: `CLP ${input.clpId} does not exist` },
      ]);
    }
    if (input.regionCode && !(await this.prisma.region.findUnique({ where: { code: input.regionCode } }))) {
      throw new AppError('UNPROCESSABLE', 'No such region', [
        { field: 'regionCode', message: `region ${input.regionCode} does not exist` },
      ]);
    }
    const grant = await this.prisma.$transaction(async (tx) => {
      const created = await tx.roleGrant.create({
        data: {
          userId,
          role: input.role,
          clpId: input.clpId ?? null,
          regionCode: input.regionCode ?? null,
          endsAt: input.endsAt ? new Date(input.endsAt) : null,
          grantedById,
        },
        include: grantInclude,
      });
      await recordChange(tx, {
        actorId: grantedById,
        entityType: 'role-grant',
        entityId: created.id,
        action: 'create',
        changes: changedFields(null, created, [
          'userId',
          'role',
          'clpId',
          'regionCode',
          'startsAt',
          'endsAt',
        ]),
      });
      return created;
    });
    return toGrant(grant);
  }

  /** Revokes a grant (kept, marked revoked); refused with 409 when it is the last admin grant in force. */
  async revokeGrant(grantId: number, actorId: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const grant = await tx.roleGrant.findUnique({ where: { id: grantId } });
      if (!grant) throw AppError.notFound(`Grant ${grantId}`);
      if (grant.revokedAt) return;
      if (grant.role === 'admin') await keepAnAdmin(tx, grant.id, now);
      // Of two revocations of the same grant at once, only the first changes it and writes history.
      const claimed = await tx.roleGrant.updateMany({
        where: { id: grantId, revokedAt: null },
        data: { revokedAt: now },
      });
      if (claimed.count === 0) return;
      await recordChange(tx, {
        actorId,
        entityType: 'role-grant',
        entityId: grantId,
        action: 'update',
        changes: changedFields(grant, { ...grant, revokedAt: now }, ['revokedAt']),
      });
    });
  }

  private toUser(u: {
    id: number;
    email: string;
    name: string;
    passwordHash: string | null;
    disabledAt: Date | null;
    createdAt: Date;
    grants: GrantRow[];
  }): TAdminUser {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      hasPassword: u.passwordHash !== null,
      disabled: u.disabledAt !== null,
      createdAt: u.createdAt.toISOString(),
      grants: u.grants.map((g) => toGrant(g)),
    };
  }
}
