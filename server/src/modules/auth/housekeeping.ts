// Deletes what sign-in leaves behind on a schedule, not only when it is next met: sessions past their
// absolute end (a session nobody presents again would otherwise stay for ever) and sign-in attempts too old
// for the throttling to count. Every instance runs it; the deletes are idempotent, so several at once only
// repeat each other's work.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { classifyDatabaseError } from '../../http/database-errors.ts';
import { purgeOldSignInAttempts } from './rate-limit.ts';
import { purgeExpiredSessions } from './sessions.ts';

/** How often the purge runs after the one at start. */
export const HOUSEKEEPING_INTERVAL_MS = 15 * 60_000;

interface Logger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** The app's view of its database (http/database-status.ts): while it is down, the purge is skipped. */
interface Reachability {
  readonly available: boolean;
  unavailable(error: unknown): void;
}

export type HousekeepingRun =
  | { ran: true; sessions: number; signInAttempts: number }
  | { ran: false; reason: 'database-unavailable' | 'already-running' | 'stopped' | 'failed' };

export interface Housekeeping {
  /** One purge now (what the timer calls). Never rejects: a failure is logged and the next run tries again. */
  run(): Promise<HousekeepingRun>;
  /** Stops the timer and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

export interface HousekeepingOptions {
  prisma: PrismaClient;
  logger: Logger;
  status?: Reachability;
  intervalMs?: number;
}

/** Runs the purge at once and then every `intervalMs`; the timer does not keep the process alive. */
export function startHousekeeping(options: HousekeepingOptions): Housekeeping {
  const { prisma, logger, status } = options;
  let running: Promise<HousekeepingRun> | undefined;
  let stopped = false;
  // A failure is logged once; the runs after it stay quiet until one succeeds, which is logged too.
  let failing = false;

  async function purge(): Promise<HousekeepingRun> {
    try {
      const now = new Date();
      const sessions = await purgeExpiredSessions(prisma, now);
      // The throttling's own rule for what it still needs (its default window): nothing it counts goes.
      const signInAttempts = await purgeOldSignInAttempts(prisma);
      if (failing) logger.info({}, 'housekeeping: working again');
      failing = false;
      if (sessions || signInAttempts) {
        logger.debug({ sessions, signInAttempts }, 'housekeeping: purged expired sessions and old attempts');
      }
      return { ran: true, sessions, signInAttempts };
    } catch (error) {
      // An unreachable database is the app's news, told once by its status; anything else is ours.
      if (status && classifyDatabaseError(error) === 'unavailable') status.unavailable(error);
      else if (!failing) {
        const cause = (error instanceof Error ? error.message : String(error)).trim().slice(-300);
        logger.warn({ cause }, 'housekeeping: purge failed; it will be tried again');
      }
      failing = true;
      return { ran: false, reason: 'failed' };
    }
  }

  function run(): Promise<HousekeepingRun> {
    if (stopped) return Promise.resolve({ ran: false, reason: 'stopped' });
    if (running) return Promise.resolve({ ran: false, reason: 'already-running' });
    if (status && !status.available) return Promise.resolve({ ran: false, reason: 'database-unavailable' });
    running = purge().finally(() => {
      running = undefined;
    });
    return running;
  }

  void run();
  const timer = setInterval(() => void run(), options.intervalMs ?? HOUSEKEEPING_INTERVAL_MS);
  timer.unref();

  return {
    run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
