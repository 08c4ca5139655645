// Turning the policy's per-CLP selection rules into what a request needs: the resource of a selection,
// a candidacy, a candidate or a CLP.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { can, isActive, type Action, type Principal, type Resource } from '../access/policy.ts';

type Db = PrismaClient | Prisma.TransactionClient;
export type SelectionsResource = Extract<Resource, { kind: 'selections' }>;

const clpSelect = { id: true, constituency: { select: { regionCode: true } } } as const;
const resourceOf = (clp: { id: number; constituency: { regionCode: string } }): SelectionsResource => ({
  kind: 'selections',
  clpId: clp.id,
  regionCode: clp.constituency.regionCode,
});

export async function clpSelectionsResource(db: Db, clpId: number): Promise<SelectionsResource> {
  const clp = await db.clp.findUnique({ where: { id: clpId }, select: clpSelect });
  if (!clp) throw AppError.notFound(`CLP ${clpId}`);
  return resourceOf(clp);
}

export async function selectionResource(db: Db, id: number): Promise<SelectionsResource> {
  const row = await db.selection.findUnique({ where: { id }, select: { clp: { select: clpSelect } } });
  if (!row) throw AppError.notFound(`Selection ${id}`);
  return resourceOf(row.clp);
}

export async function candidacyResource(db: Db, id: number): Promise<SelectionsResource> {
  const row = await db.candidacy.findUnique({
    where: { id },
    select: { selection: { select: { clp: { select: clpSelect } } } },
  });
  if (!row) throw AppError.notFound(`Candidacy ${id}`);
  return resourceOf(row.selection.clp);
}

/** The CLPs of every selection the candidate applied in. */
export async function candidateResources(db: Db, candidateId: number): Promise<SelectionsResource[]> {
  const candidate = await db.candidate.findUnique({
    where: { id: candidateId },
    select: { candidacies: { select: { selection: { select: { clp: { select: clpSelect } } } } } },
  });
  if (!candidate) throw AppError.notFound(`Candidate ${candidateId}`);
  return candidate.candidacies.map((c) => resourceOf(c.selection.clp));
}

/**
 * A candidate's record is the officers' of any CLP they applied in; a candidate with no candidacy (all
 * withdrawn and deleted) is the admins'. Returns the first resource that allows `action`, else the first.
 */
export async function candidateResource(
  db: Db,
  candidateId: number,
  principal: Principal | undefined,
  action: Action,
): Promise<Resource> {
  const resources = await candidateResources(db, candidateId);
  return resources.find((r) => can(principal, action, r)) ?? resources[0] ?? { kind: 'national' };
}

/** CLPs where this person is a selection officer now. */
export function officerClps(principal: Principal | undefined): number[] {
  return (principal?.grants ?? [])
    .filter((g) => g.role === 'selection_officer' && g.clpId != null && isActive(g))
    .map((g) => g.clpId!);
}
