import { Prisma } from '../generated/prisma/client.ts';
import type { TestDatabase } from './test-database.ts';

/** What an outage test drives: a TCP proxy on a server (tcp-proxy.ts), or this simulation on PGlite. */
export interface Outage {
  readonly isCut: boolean;
  cut(): void;
  /** Cuts in the middle of the next transaction that writes an audit entry (before that write). */
  cutDuringAuditWrite(): void;
  restore(): void;
}

/** The error Prisma gives when the server cannot be reached (seen through a cut proxy). */
function unreachable(): Error {
  return new Prisma.PrismaClientKnownRequestError("Can't reach database server", {
    code: 'P1001',
    clientVersion: Prisma.prismaVersion.client,
    meta: {
      driverAdapterError: Object.assign(new Error('DatabaseNotReachable'), {
        name: 'DriverAdapterError',
        cause: { kind: 'DatabaseNotReachable' },
      }),
    },
  });
}

/**
 * PGlite runs inside this process and has no connection to lose, so on PGlite the outage test cuts the
 * Prisma client instead: while cut, every query, raw query, transaction and plain-SQL call fails the way
 * Prisma reports an unreachable server (P1001). A cut during a transaction throws inside it, so PGlite
 * rolls it back, as PostgreSQL does when the connection of an open transaction drops. This tests the app's
 * handling (503, stale responses, health, logs, recovery), not the driver's.
 */
export function simulateOutage(db: TestDatabase): { db: TestDatabase; outage: Outage } {
  let isCut = false;
  let cutOnAudit = false;
  const fail = () => Promise.reject(unreachable());

  const wrap = <T extends object>(client: T, inTransaction: boolean): T =>
    new Proxy(client, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop);
        if (typeof prop !== 'string') return value;
        if (prop === '$transaction') {
          const run = value as (arg: unknown, options?: unknown) => Promise<unknown>;
          return (arg: unknown, options?: unknown) => {
            if (isCut) return fail();
            return typeof arg === 'function'
              ? run.call(target, (tx: object) => (arg as (tx: object) => unknown)(wrap(tx, true)), options)
              : run.call(target, arg, options);
          };
        }
        if (typeof value === 'function') {
          const fn = value as (...args: unknown[]) => unknown;
          return prop.startsWith('$query') || prop.startsWith('$execute')
            ? (...args: unknown[]) => (isCut ? fail() : fn.apply(target, args))
            : fn.bind(target);
        }
        if (prop.startsWith('$') || typeof value !== 'object' || value === null) return value;
        // A model delegate (prisma.user, tx.auditEntry, …).
        return new Proxy(value, {
          get(delegate, method) {
            const call: unknown = Reflect.get(delegate, method);
            if (typeof call !== 'function') return call;
            return (...args: unknown[]) => {
              if (inTransaction && cutOnAudit && prop === 'auditEntry') {
                isCut = true;
                cutOnAudit = false;
              }
              return isCut ? fail() : (call as (...a: unknown[]) => unknown).apply(delegate, args);
            };
          },
        });
      },
    });

  const cutDb: TestDatabase = {
    ...db,
    prisma: wrap(db.prisma, false),
    withConnection: (fn) =>
      isCut
        ? Promise.reject(
            Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' }),
          )
        : db.withConnection(fn),
  };
  return {
    db: cutDb,
    outage: {
      get isCut() {
        return isCut;
      },
      cut: () => {
        isCut = true;
      },
      cutDuringAuditWrite: () => {
        cutOnAudit = true;
      },
      restore: () => {
        isCut = false;
        cutOnAudit = false;
      },
    },
  };
}
