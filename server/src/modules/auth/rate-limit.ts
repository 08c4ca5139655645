import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';

export interface RateLimitOptions {
  windowMs: number;
  /** Failed sign-ins per email address in a window (since its last success). */
  perEmail: number;
  /** Failed sign-ins per client address in a window, whatever the email. */
  perIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = { windowMs: 15 * 60_000, perEmail: 5, perIp: 20 };

export function rateLimits(overrides: Partial<RateLimitOptions> = {}): RateLimitOptions {
  return { ...DEFAULT_RATE_LIMITS, ...overrides };
}

/** When the earliest of the failures that keep a key over its limit leaves the window; null if under. */
async function blockedUntil(
  prisma: PrismaClient,
  where: { email: string } | { ip: string },
  since: Date,
  limit: number,
  windowMs: number,
): Promise<Date | null> {
  // Only the newest `limit` failures matter: once the oldest of those leaves the window, one more try is allowed.
  const recent = await prisma.loginAttempt.findMany({
    where: { ...where, succeeded: false, at: { gt: since } },
    orderBy: { at: 'desc' },
    take: limit,
    select: { at: true },
  });
  if (recent.length < limit) return null;
  return new Date(recent[recent.length - 1]!.at.getTime() + windowMs);
}

/**
 * Throws RATE_LIMITED (with `retryAfterSeconds` in details) when the email or the address has used up
 * its failed attempts in the window. Works across server instances: the counts are in login_attempt.
 * Refused attempts are not recorded, so the lock lifts exactly when Retry-After says.
 */
export async function checkSignInRateLimit(
  prisma: PrismaClient,
  key: { email: string; ip: string },
  options: Partial<RateLimitOptions> = {},
  now: Date = new Date(),
): Promise<void> {
  const { windowMs, perEmail, perIp } = rateLimits(options);
  const windowStart = new Date(now.getTime() - windowMs);
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { email: key.email, succeeded: true, at: { gt: windowStart } },
    orderBy: { at: 'desc' },
    select: { at: true },
  });
  const [byEmail, byIp] = await Promise.all([
    blockedUntil(prisma, { email: key.email }, lastSuccess?.at ?? windowStart, perEmail, windowMs),
    blockedUntil(prisma, { ip: key.ip }, windowStart, perIp, windowMs),
  ]);
  const until = [byEmail, byIp]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (!until) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    `Too many failed sign-in attempts; try again in ${describeWait(retryAfterSeconds)} (after ${until.toISOString()})`,
    { retryAfterSeconds, retryAt: until.toISOString() },
  );
}

export async function recordSignInAttempt(
  prisma: PrismaClient,
  attempt: { email: string; ip: string; succeeded: boolean },
  now: Date = new Date(),
): Promise<void> {
  await prisma.loginAttempt.create({
    data: {
      email: attempt.email.slice(0, 320),
      ip: attempt.ip.slice(0, 100),
      succeeded: attempt.succeeded,
      at: now,
    },
  });
}

/** Housekeeping: attempts older than the window no longer count. */
export async function purgeOldSignInAttempts(
  prisma: PrismaClient,
  options: Partial<RateLimitOptions> = {},
  now: Date = new Date(),
): Promise<number> {
  const { count } = await prisma.loginAttempt.deleteMany({
    where: { at: { lt: new Date(now.getTime() - rateLimits(options).windowMs) } },
  });
  return count;
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
