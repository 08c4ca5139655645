import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { TGrant, TUser } from '../../contracts/index.ts';
import { looksLikeToken, randomToken, sha256Hex } from './tokens.ts';

export interface SessionLimits {
  /** A session unused for longer than this ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however active. */
  absoluteMs: number;
  /** lastSeenAt is written at most this often (one write per minute per session, not per request). */
  touchIntervalMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  idleMs: 60 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  touchIntervalMs: 60_000,
};

export function sessionLimits(overrides: Partial<SessionLimits> = {}): SessionLimits {
  return { ...DEFAULT_SESSION_LIMITS, ...overrides };
}

export interface NewSession {
  id: number;
  /** Goes in the cookie only; the database keeps its SHA-256. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  prisma: PrismaClient,
  userId: number,
  meta: { ip?: string | undefined; userAgent?: string | undefined },
  limits: Partial<SessionLimits> = {},
  now: Date = new Date(),
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + sessionLimits(limits).absoluteMs);
  const session = await prisma.session.create({
    data: {
      tokenHash: sha256Hex(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip?.slice(0, 100) ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
  return { id: session.id, token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  session: { id: number; csrfToken: string; expiresAt: Date; lastSeenAt: Date };
  user: TUser;
  grants: TGrant[];
}

/** Grants in force at `now`: not revoked, started, and not ended. */
export function activeGrantsWhere(now: Date) {
  return {
    revokedAt: null,
    startsAt: { lte: now },
    OR: [{ endsAt: null }, { endsAt: { gt: now } }],
  };
}

export function toGrant(g: {
  id: number;
  role: TGrant['role'];
  clpId: number | null;
  regionCode: string | null;
  startsAt: Date;
  endsAt: Date | null;
  clp?: { id: number; name: string } | null;
}): TGrant {
  return {
    id: g.id,
    role: g.role,
    clpId: g.clpId,
    regionCode: g.regionCode,
    clp: g.clp ? { id: g.clp.id, name: g.clp.name } : null,
    startsAt: g.startsAt.toISOString(),
    endsAt: g.endsAt?.toISOString() ?? null,
  };
}

/**
 * The live session a cookie token names, with its user and the user's grants in force; null when the
 * token is unknown, the session passed its absolute end or sat idle too long, or the user is disabled.
 * A dead session's row is deleted on the way.
 */
export async function resolveSession(
  prisma: PrismaClient,
  token: string | undefined,
  now: Date = new Date(),
  limits: Partial<SessionLimits> = {},
): Promise<ResolvedSession | null> {
  if (!looksLikeToken(token)) return null;
  const { idleMs, touchIntervalMs } = sessionLimits(limits);
  const row = await prisma.session.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          disabledAt: true,
          grants: {
            where: activeGrantsWhere(now),
            orderBy: { id: 'asc' },
            include: { clp: { select: { id: true, name: true } } },
          },
        },
      },
    },
  });
  if (!row) return null;
  const expired = row.expiresAt.getTime() <= now.getTime();
  const idle = now.getTime() - row.lastSeenAt.getTime() > idleMs;
  if (expired || idle || row.user.disabledAt) {
    await prisma.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() >= touchIntervalMs) {
    await prisma.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
    lastSeenAt = now;
  }
  return {
    session: { id: row.id, csrfToken: row.csrfToken, expiresAt: row.expiresAt, lastSeenAt },
    user: { id: row.user.id, email: row.user.email, name: row.user.name },
    grants: row.user.grants.map(toGrant),
  };
}

export async function revokeSession(prisma: PrismaClient, sessionId: number): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user (but the one in use, when given); returns how many ended. */
export async function revokeUserSessions(
  prisma: Pick<PrismaClient, 'session'>, // a transaction client too
  userId: number,
  exceptSessionId?: number,
): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: { userId, ...(exceptSessionId === undefined ? {} : { id: { not: exceptSessionId } }) },
  });
  return count;
}

/** Housekeeping: deletes sessions past their absolute end (idle ones go when next presented). */
export async function purgeExpiredSessions(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
