/**
 * Which database failures are worth a retry rather than a 500, in one place:
 * - `unavailable`: the server cannot be reached or the connection was lost (stopped, restarting, failing
 *   over, network cut). Answered 503 DATABASE_UNAVAILABLE; the public seat picture is served stale.
 * - `busy`: the server is up but had no connection or transaction slot for this request in time. Answered
 *   503 DATABASE_BUSY.
 * The same failure reaches us in several shapes: a Prisma error code, a driver-adapter error in its `meta`
 * (its `cause` names a kind and the PostgreSQL or socket code), a `pg` error (SQLSTATE or errno in `code`),
 * or a bare `pg` Error whose message is all there is ("Connection terminated unexpectedly").
 */
export type DatabaseFailure = 'unavailable' | 'busy';

/** Prisma: can't reach (P1001), timed out connecting (P1002), operation timed out (P1008), closed (P1017). */
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
/** Prisma: no pooled connection in time (P2024), transaction could not start in time (P2028), too many connections (P2037). */
const BUSY_PRISMA = new Set(['P2024', 'P2028', 'P2037']);
/** Driver-adapter error kinds (@prisma/driver-adapter-utils) for the same. */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
const BUSY_KINDS = new Set(['TooManyConnections']);
/** Socket errors while connecting or talking to the server. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * SQLSTATE: class 08 (connection exception), admin shutdown (57P01), crash shutdown (57P02), cannot
 * connect now (57P03: starting up, shutting down, recovery).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
/** SQLSTATE too_many_connections: the server is up but full. */
const BUSY_SQLSTATE = new Set(['53300']);
/**
 * Messages `pg` and pg-pool throw without a code: a connection ended under a query, a new connection that
 * did not open within connectionTimeoutMillis, a client that already failed.
 */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|timeout expired$)/;
/** pg-pool: every connection was checked out and none came free within connectionTimeoutMillis. */
const BUSY_MESSAGE = /^timeout exceeded when trying to connect$/;

function classifyOne(error: object): DatabaseFailure | undefined {
  const { code, kind, originalCode, message } = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
  };
  for (const c of [code, originalCode]) {
    if (typeof c !== 'string') continue;
    if (UNAVAILABLE_PRISMA.has(c) || UNAVAILABLE_ERRNO.has(c) || UNAVAILABLE_SQLSTATE.test(c)) {
      return 'unavailable';
    }
    if (BUSY_PRISMA.has(c) || BUSY_SQLSTATE.has(c)) return 'busy';
  }
  if (typeof kind === 'string') {
    if (UNAVAILABLE_KINDS.has(kind)) return 'unavailable';
    if (BUSY_KINDS.has(kind)) return 'busy';
  }
  if (typeof message === 'string') {
    if (UNAVAILABLE_MESSAGE.test(message)) return 'unavailable';
    if (BUSY_MESSAGE.test(message)) return 'busy';
  }
  return undefined;
}

/** What went wrong, looking through causes, Prisma's driver-adapter error and aggregate errors. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  const seen = new Set<object>();
  const queue: unknown[] = [error];
  let busy = false;
  while (queue.length && seen.size < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const found = classifyOne(next);
    // A lost connection explains a timeout around it, not the other way round.
    if (found === 'unavailable') return found;
    if (found === 'busy') busy = true;
    const { cause, meta, errors } = next as {
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
      errors?: unknown;
    };
    queue.push(cause, meta?.driverAdapterError);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return busy ? 'busy' : undefined;
}
