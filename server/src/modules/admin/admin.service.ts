import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { isActive } from '../access/policy.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import type {
  TAdminUser,
  TCreateGrantRequest,
  TCreateUserRequest,
  TAdminGrant,
  TDisableUserRequest,
  TEnableUserRequest,
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
export const LAST_LASTING_ADMIN_MESSAGE =
  "Groundwork needs at least one admin whose role has no end date: the other admins' roles end. Make someone an admin without an end date first";

/**
 * Refuses (409) a change that would take away the last admin in force: revoking the grant `losing.grantId`,
 * or disabling the account `losing.userId`. Call it inside the change's transaction, before the change: it
 * locks every admin grant in force (of an account that is not disabled), and those accounts, until the
 * transaction ends, so changes that take admins away run one after the other and each counts what the one
 * before it left. Two admins revoking (or disabling) each other at once: one succeeds, one gets 409.
 * Any later change that can remove an admin (an end date moved earlier) goes through it.
 */
async function keepAnAdmin(
  tx: Prisma.TransactionClient,
  losing: { grantId: number } | { userId: number },
  now: Date,
): Promise<void> {
  // Locked in id order, so two of these never wait on each other in a cycle. Under READ COMMITTED a row
  // that another transaction changed while this one waited is re-checked and left out when it no longer
  // qualifies: a grant revoked, or (because the account rows are locked too) an account disabled.
  const admins = await tx.$queryRaw<{ id: number; userId: number; endsAt: Date | null }[]>`
    SELECT g.id, g.user_id AS "userId", g.ends_at AS "endsAt" FROM role_grant g JOIN app_user u ON u.id = g.user_id
    WHERE g.role = 'admin' AND g.revoked_at IS NULL AND u.disabled_at IS NULL
      AND g.starts_at <= ${now} AND (g.ends_at IS NULL OR g.ends_at > ${now})
    ORDER BY g.id
    FOR UPDATE OF g, u`;
  const goes = (a: { id: number; userId: number }) =>
    'grantId' in losing ? a.id === losing.grantId : a.userId === losing.userId;
  if (admins.some(goes) && admins.every(goes)) throw new AppError('CONFLICT', LAST_ADMIN_MESSAGE);
  // An admin whose grant ends keeps the app only until then: the last admin without an end date may not
  // go while the others' grants run out (a probe left the app with no admin 30 s after such a change).
  const lasting = admins.filter((a) => a.endsAt === null);
  if (lasting.some(goes) && lasting.every(goes)) {
    throw new AppError('CONFLICT', LAST_LASTING_ADMIN_MESSAGE);
  }
}

export const SELF_DISABLE_MESSAGE = 'You cannot disable your own account: ask another admin to do it';

/** Thrown inside a user write's transaction when its version is not the one read: rolled back, then a 409. */
const STALE = new Error('stale user version');

const userInclude = { grants: { include: grantInclude, orderBy: { id: 'asc' } } } as const;

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
        include: userInclude,
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
      if (grant.role === 'admin') await keepAnAdmin(tx, { grantId: grant.id }, now);
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

  /**
   * Disables an account if nobody changed it since `input.version` was read: in one transaction its
   * sessions end (its next request is signed out), its unused set-password links stop working (a link
   * handed out before would otherwise set a password that works again the moment the account is
   * re-enabled), and the change is recorded with the reason. Refused (409) for one's own account, for the
   * last admin in force, and for a stale version. Disabling a disabled account changes nothing.
   */
  async disableUser(
    userId: number,
    input: TDisableUserRequest,
    actor: { id: number; requestId?: string },
  ): Promise<TAdminUser> {
    if (userId === actor.id) throw new AppError('CONFLICT', SELF_DISABLE_MESSAGE);
    return this.setDisabled(userId, input.version, true, input.reason, actor);
  }

  /** Lets a disabled account sign in again; the sessions it had stay ended. Versioned like disableUser. */
  async enableUser(
    userId: number,
    input: TEnableUserRequest,
    actor: { id: number; requestId?: string },
  ): Promise<TAdminUser> {
    return this.setDisabled(userId, input.version, false, input.reason || null, actor);
  }

  private async setDisabled(
    userId: number,
    version: number,
    disable: boolean,
    reason: string | null,
    actor: { id: number; requestId?: string | undefined },
  ): Promise<TAdminUser> {
    try {
      await this.prisma.$transaction(async (tx) => {
        const now = new Date();
        const before = await tx.user.findUnique({
          where: { id: userId },
          select: { id: true, version: true, disabledAt: true },
        });
        if (!before) throw AppError.notFound(`User ${userId}`);
        if (before.version !== version) throw STALE;
        if ((before.disabledAt !== null) === disable) return;
        if (disable) await keepAnAdmin(tx, { userId }, now);
        const disabledAt = disable ? now : null;
        const updated = await tx.user.updateMany({
          where: { id: userId, version },
          data: { disabledAt, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw STALE;
        if (disable) {
          // Every session at once, in the change's transaction (resolveSession would also refuse them).
          await revokeUserSessions(tx, userId);
          await tx.passwordToken.deleteMany({ where: { userId, usedAt: null } });
        }
        await recordChange(tx, {
          actorId: actor.id,
          entityType: 'user',
          entityId: userId,
          action: 'update',
          changes: changedFields(before, { disabledAt }, ['disabledAt']),
          reason,
          requestId: actor.requestId,
        });
      });
    } catch (error) {
      if (error === STALE) {
        // Built after the transaction: PGlite has one connection, which the transaction held.
        const current = await this.user(userId);
        throw new AppError(
          'CONFLICT',
          `Someone else changed this account (now version ${current.version}); review it and try again`,
          { current },
        );
      }
      throw error;
    }
    return this.user(userId);
  }

  async user(userId: number): Promise<TAdminUser> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, include: userInclude });
    if (!user) throw AppError.notFound(`User ${userId}`);
    return this.toUser(user);
  }

  private toUser(u: {
    id: number;
    email: string;
    name: string;
    passwordHash: string | null;
    disabledAt: Date | null;
    createdAt: Date;
    version: number;
    grants: GrantRow[];
  }): TAdminUser {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      hasPassword: u.passwordHash !== null,
      disabled: u.disabledAt !== null,
      disabledAt: u.disabledAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
      version: u.version,
      grants: u.grants.map((g) => toGrant(g)),
    };
  }
}
