import { isIPv4, isIPv6 } from 'node:net';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';

/**
 * Sign-in throttling (docs/decisions/0007-sign-in-throttling.md). Three rules, all counted in login_attempt
 * so they hold across server instances; none of them lets failures made from elsewhere stop the owner:
 * - per address: failures from one address, whatever the email, in the window;
 * - per account and address: failures on one email from one address since that pair's last success;
 * - per account, slowing: once an email has many failures in the window from anywhere, an address that has
 *   itself failed on it must wait a delay, growing with the email's failures, after its own last failure.
 */
export interface RateLimitOptions {
  windowMs: number;
  /** Failed sign-ins on one email from one address in a window (since that pair's last success). */
  perEmailAndIp: number;
  /** Failed sign-ins from one address in a window, whatever the email. */
  perIp: number;
  /** Failures on one email in a window, from any address, after which addresses that failed on it slow down. */
  slowAfter: number;
  /** The delay at `slowAfter` failures; it doubles with each further failure on the email... */
  slowDelayMs: number;
  /** ...up to this. */
  slowMaxDelayMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  windowMs: 15 * 60_000,
  perEmailAndIp: 5,
  perIp: 20,
  slowAfter: 10,
  slowDelayMs: 1_000,
  slowMaxDelayMs: 5 * 60_000,
};

export function rateLimits(overrides: Partial<RateLimitOptions> = {}): RateLimitOptions {
  return { ...DEFAULT_RATE_LIMITS, ...overrides };
}

/**
 * The key an address is counted under. An IPv4 address as itself (also when it arrives IPv4-mapped,
 * ::ffff:192.0.2.1); an IPv6 address by its /64 network, since one subscriber is usually handed a whole /64
 * and could otherwise take a fresh address for every attempt. Anything else (no address) as given.
 */
export function addressKey(ip: string): string {
  const address = ip.trim().replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return ip.slice(0, 100);
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const tail = text.match(/^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (tail) {
    const [a, b, c, d] = tail.slice(2).map(Number) as [number, number, number, number];
    text = `${tail[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const before = head ? head.split(':') : [];
  const after = rest ? rest.split(':') : [];
  const middle = rest === undefined ? [] : Array<string>(8 - before.length - after.length).fill('0');
  return [...before, ...middle, ...after].map((g) => parseInt(g, 16));
}

type Block = { until: Date; message: string };

/**
 * Throws RATE_LIMITED (with `retryAfterSeconds` in details) when this email from this address may not be
 * tried now. Refused attempts are not recorded, so a refusal lifts exactly when Retry-After says.
 */
export async function checkSignInRateLimit(
  prisma: PrismaClient,
  key: { email: string; ip: string },
  options: Partial<RateLimitOptions> = {},
  now: Date = new Date(),
  /** The caller's own reserved attempt (reserveSignInAttempt), which must not count against itself. */
  excludeId?: number,
): Promise<void> {
  const limits = rateLimits(options);
  const ip = addressKey(key.ip);
  const windowStart = new Date(now.getTime() - limits.windowMs);
  const notMine = excludeId === undefined ? {} : { id: { not: excludeId } };
  const [byIp, pair] = await Promise.all([
    // Only the newest `perIp` failures matter: once the oldest of those leaves the window, one more try is
    // allowed.
    prisma.loginAttempt.findMany({
      where: { ip, succeeded: false, at: { gt: windowStart }, ...notMine },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: limits.perIp,
      select: { at: true },
    }),
    // This pair's newest attempts: the failures before the first success among them are the ones that count.
    prisma.loginAttempt.findMany({
      where: { email: key.email, ip, at: { gt: windowStart }, ...notMine },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: limits.perEmailAndIp,
      select: { at: true, succeeded: true },
    }),
  ]);
  const blocks: Block[] = [];
  if (byIp.length === limits.perIp) {
    blocks.push({
      until: new Date(byIp[byIp.length - 1]!.at.getTime() + limits.windowMs),
      message: 'Too many wrong passwords from your network',
    });
  }
  const pairFailures = pair.slice(0, indexOrLength(pair.findIndex((a) => a.succeeded)));
  if (pairFailures.length === limits.perEmailAndIp) {
    blocks.push({
      until: new Date(pairFailures[pairFailures.length - 1]!.at.getTime() + limits.windowMs),
      message: 'Too many wrong passwords for this account from your network',
    });
  }
  // The slowdown only concerns an address that has itself failed on this email: an attack from elsewhere
  // never delays the owner's first try from their own address.
  const lastOwnFailure = pairFailures[0];
  if (lastOwnFailure) {
    const delayMs = await slowdownMs(prisma, key.email, windowStart, limits, excludeId);
    if (delayMs > 0) {
      blocks.push({
        until: new Date(lastOwnFailure.at.getTime() + delayMs),
        message:
          'This account has had many wrong passwords from several places, so after a wrong one there is a wait',
      });
    }
  }
  const block = blocks
    .filter((b) => b.until.getTime() > now.getTime())
    .sort((a, b) => b.until.getTime() - a.until.getTime())[0];
  if (!block) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((block.until.getTime() - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    // The time is for the client (details.retryAt, the Retry-After header); the words are for people.
    `${block.message}; try again in ${describeWait(retryAfterSeconds)}. Until then the right password is refused too.`,
    { retryAfterSeconds, retryAt: block.until.toISOString() },
  );
}

function indexOrLength(index: number): number {
  return index === -1 ? Number.POSITIVE_INFINITY : index;
}

/** The delay the email's failures in the window ask of an address that failed on it; 0 below the threshold. */
async function slowdownMs(
  prisma: PrismaClient,
  email: string,
  windowStart: Date,
  limits: RateLimitOptions,
  excludeId: number | undefined,
): Promise<number> {
  // Past the step where the delay reaches its cap, more failures change nothing: read no further.
  const steps = Math.max(0, Math.ceil(Math.log2(limits.slowMaxDelayMs / limits.slowDelayMs)));
  const failures = (
    await prisma.loginAttempt.findMany({
      where: {
        email,
        succeeded: false,
        at: { gt: windowStart },
        ...(excludeId === undefined ? {} : { id: { not: excludeId } }),
      },
      take: limits.slowAfter + steps,
      select: { id: true },
    })
  ).length;
  if (failures < limits.slowAfter) return 0;
  return Math.min(limits.slowMaxDelayMs, limits.slowDelayMs * 2 ** (failures - limits.slowAfter));
}

/**
 * Reserves a sign-in attempt before the password is checked, and checks the limits with it in place. The
 * attempt is written first, as a failure, so attempts still in flight count against each other: checking
 * the counts and recording the result afterwards let sixty guesses sent at once from one address all reach
 * the password check. Of requests racing, at most the limit pass (each one that passes saw the rows of all
 * that passed before it); a refused one deletes its row, so refusals still lift when Retry-After says.
 * The caller marks the attempt succeeded when the password was right (markSignInSucceeded).
 */
export async function reserveSignInAttempt(
  prisma: PrismaClient,
  key: { email: string; ip: string },
  options: Partial<RateLimitOptions> = {},
  now: Date = new Date(),
): Promise<{ id: number }> {
  const { id } = await prisma.loginAttempt.create({
    data: { email: key.email.slice(0, 320), ip: addressKey(key.ip), succeeded: false, at: now },
    select: { id: true },
  });
  try {
    await checkSignInRateLimit(prisma, key, options, now, id);
  } catch (error) {
    await prisma.loginAttempt.deleteMany({ where: { id } });
    throw error;
  }
  return { id };
}

/** The reserved attempt's password was right. */
export async function markSignInSucceeded(prisma: PrismaClient, attempt: { id: number }): Promise<void> {
  await prisma.loginAttempt.updateMany({ where: { id: attempt.id }, data: { succeeded: true } });
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
