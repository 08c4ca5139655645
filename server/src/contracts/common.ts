import { z } from 'zod';

export const BOUNDARY_SETS = ['2010', '2024'] as const;
export const ZBoundarySet = z.enum(BOUNDARY_SETS);
export type TBoundarySet = z.infer<typeof ZBoundarySet>;

export const ELECTIONS = ['GE2017', 'GE2019', 'GE2019N', 'GE2024'] as const;
export const ZElectionCode = z.enum(ELECTIONS);
export type TElectionCode = z.infer<typeof ZElectionCode>;

/** Which boundaries each election's results are on. */
export const ELECTION_BOUNDARY_SET: Record<TElectionCode, TBoundarySet> = {
  GE2017: '2010',
  GE2019: '2010',
  GE2019N: '2024',
  GE2024: '2024',
};

/** The election a boundary set shows when none is chosen. */
export const DEFAULT_ELECTION: Record<TBoundarySet, TElectionCode> = {
  '2010': 'GE2019',
  '2024': 'GE2024',
};

/** Zod refinement: an election chosen together with a boundary set must be on that set. */
export function electionMatchesBoundarySet(
  q: { boundarySet: TBoundarySet; election?: TElectionCode | undefined },
  ctx: z.RefinementCtx,
): void {
  if (q.election && ELECTION_BOUNDARY_SET[q.election] !== q.boundarySet) {
    ctx.addIssue({
      code: 'custom',
      path: ['election'],
      message: `${q.election} is on the ${ELECTION_BOUNDARY_SET[q.election]} boundaries, not ${q.boundarySet}`,
    });
  }
}

export const ZPartyCode = z.string().regex(/^[A-Za-z]{1,8}$/, 'must be a party code such as Lab or Con');

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** Query-string booleans: only the words people type. */
export const ZQueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** For routes that take no query parameters: an unknown one is a 400, not a new URL to cache. */
export const ZNoQuery = z.object({}).strict();

export const ZRef = z.object({ code: z.string(), name: z.string() });
export type TRef = z.infer<typeof ZRef>;
