// The vocabulary of the authorization matrix (authorization-matrix.int.test.ts): the kinds of caller, what
// each should get, and one row per route. Feature modules keep their rows beside their routes
// (`<feature>.matrix.ts`) and the matrix test spreads them in; a route without a row still fails it.
import type { useTestApp } from '../../test/test-app.ts';

export const CALLERS = [
  'signed out',
  'member',
  'organiser',
  'selection officer',
  'regional staff',
  'regional staff, other region',
  'admin',
  'admin, grant ended',
] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * Filled in before the rows run: one CLP (E14001107, Blyth and Ashington, in the North East, E12000001)
 * whose member, organiser and selection officer the CLP callers are; regional staff hold E12000001, the
 * other region's staff E12000007 (London).
 */
export interface MatrixCtx {
  clpId: number;
  userIds: Record<Exclude<Caller, 'signed out'>, number>;
}

export type Expect = (caller: Caller) => number;
export const everyone =
  (status: number): Expect =>
  () =>
    status;
export const signedIn =
  (status: number): Expect =>
  (c) =>
    c === 'signed out' ? 401 : status;
export const adminOnly =
  (status: number): Expect =>
  (c) =>
    c === 'signed out' ? 401 : c === 'admin' ? status : 403;

export interface Case {
  expect: Expect;
  /** The request to make: URL, and a JSON body for state-changing routes (may prepare data first). */
  request: () => Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

/** What a feature's rows may use: the app under test (its Prisma client) and the callers' ids. */
export interface MatrixEnv {
  t: ReturnType<typeof useTestApp>;
  ctx: MatrixCtx;
}
