import type { PrismaClient } from '../../generated/prisma/client.ts';
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

  async revokeGrant(grantId: number, actorId: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const grant = await tx.roleGrant.findUnique({ where: { id: grantId } });
      if (!grant) throw AppError.notFound(`Grant ${grantId}`);
      if (grant.revokedAt) return;
      const revoked = await tx.roleGrant.update({ where: { id: grantId }, data: { revokedAt: new Date() } });
      await recordChange(tx, {
        actorId,
        entityType: 'role-grant',
        entityId: grantId,
        action: 'update',
        changes: changedFields(grant, revoked, ['revokedAt']),
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
