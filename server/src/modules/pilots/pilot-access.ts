// Turning the policy's per-CLP pilot rules into what a request needs: the resource of one pilot or CLP, and
// for lists a database filter that matches exactly the pilots `pilots:read` allows (so paging and totals
// count only what the caller may see).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { can, isActive, type Action, type Principal, type Resource } from '../access/policy.ts';

type Db = PrismaClient | Prisma.TransactionClient;
export type PilotsResource = Extract<Resource, { kind: 'pilots' }>;

export async function clpResource(db: Db, clpId: number): Promise<PilotsResource> {
  const clp = await db.clp.findUnique({
    where: { id: clpId },
    select: { id: true, constituency: { select: { regionCode: true } } },
  });
  if (!clp) throw AppError.notFound(`CLP ${clpId}`);
  return { kind: 'pilots', clpId: clp.id, regionCode: clp.constituency.regionCode };
}

export async function pilotResource(db: Db, pilotId: number): Promise<PilotsResource> {
  const pilot = await db.pilot.findUnique({
    where: { id: pilotId },
    select: { clpId: true, clp: { select: { constituency: { select: { regionCode: true } } } } },
  });
  if (!pilot) throw AppError.notFound(`Pilot ${pilotId}`);
  return { kind: 'pilots', clpId: pilot.clpId, regionCode: pilot.clp.constituency.regionCode };
}

export const resourceOf = (clp: { id: number; constituency: { regionCode: string } }): PilotsResource => ({
  kind: 'pilots',
  clpId: clp.id,
  regionCode: clp.constituency.regionCode,
});

export const allows = (principal: Principal | undefined, action: Action, resource: PilotsResource) =>
  can(principal, action, resource);

const CLP_ROLES = new Set(['member', 'organiser', 'selection_officer']);

/** The pilots `pilots:read` lets this person see, as a Prisma filter (undefined: every pilot). */
export function readableWhere(principal: Principal | undefined): Prisma.PilotWhereInput | undefined {
  const grants = (principal?.grants ?? []).filter((g) => isActive(g));
  if (grants.some((g) => g.role === 'admin')) return undefined;
  const regions = grants.filter((g) => g.role === 'regional_staff' && g.regionCode).map((g) => g.regionCode!);
  const clps = grants.filter((g) => CLP_ROLES.has(g.role) && g.clpId != null).map((g) => g.clpId!);
  return {
    OR: [{ clpId: { in: clps } }, { clp: { constituency: { regionCode: { in: regions } } } }],
  };
}

/** CLPs where this person is an organiser now ("my pilots"). */
export function organiserClps(principal: Principal): number[] {
  return principal.grants
    .filter((g) => g.role === 'organiser' && g.clpId != null && isActive(g))
    .map((g) => g.clpId!);
}
