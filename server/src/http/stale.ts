import type { Response } from 'express';

/**
 * Why a response was served from the last data read instead of the database (stale-if-error): the seat
 * list, the target rankings and the map payloads go on being served while the database is unavailable or
 * busy, and say so in this header. A custom header rather than `Warning: 110`, which RFC 9111 made
 * obsolete and browsers ignore; the client can read it, and a stale response is never replayed
 * (response-replay.ts) so it cannot outlive the outage.
 */
export const STALE_HEADER = 'X-Groundwork-Stale';

export type StaleReason = 'database-unavailable' | 'database-busy';

/** Says on the response that it is stale, when it is. */
export function sayIfStale(res: Response, stale: StaleReason | undefined): void {
  if (stale) res.setHeader(STALE_HEADER, stale);
}
