// Writing pilots: create, edit (versioned), replicate. Each write is one transaction with its history entry
// and a new seat-data version (the pilots seat layer counts pilots and their status).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { TCreatePilotRequest, TPilot, TUpdatePilotRequest } from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../access/policy.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { assertInClpSeat } from './pilot-location.ts';
import { AUDITED, assertStatusOn, auditView, today } from './pilot-audit.ts';
import { dateOf, getPilot } from './pilot-reads.ts';
import { isClpOfficer } from './pilot-people.ts';
import { updatePilot } from './pilot-update.ts';

export type Actor = { principal: Principal; requestId?: string };

export class PilotsService {
  constructor(private readonly prisma: PrismaClient) {}

  get(id: number, principal: Principal | undefined): Promise<TPilot> {
    return getPilot(this.prisma, id, principal);
  }

  update(id: number, input: TUpdatePilotRequest, actor: Actor): Promise<TPilot> {
    return updatePilot(this.prisma, id, input, actor, {
      check: (clpId, organiserId, partnerIds) => this.checkPeopleAndPartners(clpId, organiserId, partnerIds),
    });
  }

  /** 422 naming the field for an organiser without a role in the CLP, or a partner missing or merged. */
  private async checkPeopleAndPartners(
    clpId: number,
    organiserId: number | null | undefined,
    partnerIds: number[],
  ): Promise<void> {
    if (organiserId != null && !(await isClpOfficer(this.prisma, organiserId, clpId))) {
      throw new AppError('UNPROCESSABLE', 'The organiser must hold a role in this CLP', [
        { field: 'organiserId', message: 'must be someone with a current role in this CLP' },
      ]);
    }
    const unique = [...new Set(partnerIds)];
    const found = await this.prisma.partner.findMany({
      where: { id: { in: unique }, mergedIntoId: null },
      select: { id: true },
    });
    if (found.length !== unique.length) {
      const missing = unique.filter((id) => !found.some((f) => f.id === id));
      throw new AppError('UNPROCESSABLE', 'Some partners do not exist or were merged', [
        { field: 'partnerIds', message: `partners ${missing.join(', ')} do not exist or were merged` },
      ]);
    }
  }

  async create(input: TCreatePilotRequest, actor: Actor): Promise<TPilot> {
    const userId = actor.principal.userId;
    const organiserId =
      input.organiserId !== undefined
        ? input.organiserId
        : (await isClpOfficer(this.prisma, userId, input.clpId))
          ? userId
          : null;
    await this.checkPeopleAndPartners(input.clpId, organiserId, input.partnerIds);
    if (input.location) await assertInClpSeat(this.prisma, input.clpId, input.location);
    const statusOn = input.statusOn ?? today();
    assertStatusOn(input.status, statusOn, input.startsOn);
    const id = await this.prisma.$transaction(async (tx) => {
      const data = {
        clpId: input.clpId,
        title: input.title,
        issue: input.issue,
        category: input.category,
        kind: input.kind,
        status: input.status,
        statusOn: dateOf(statusOn),
        startsOn: dateOf(input.startsOn),
        endsOn: input.endsOn ? dateOf(input.endsOn) : null,
        goals: input.goals,
        organiserId,
        latitude: input.location?.lat ?? null,
        longitude: input.location?.lng ?? null,
      };
      return this.insert(tx, data, [...new Set(input.partnerIds)], null, actor);
    });
    return this.get(id, actor.principal);
  }

  /** "Run this pilot here": a planned pilot in another CLP with the original's aims, linked to it. */
  async replicate(
    originId: number,
    input: { clpId: number; startsOn: string; title?: string | undefined },
    actor: Actor,
  ): Promise<TPilot> {
    const origin = await this.prisma.pilot.findUnique({ where: { id: originId } });
    if (!origin) throw AppError.notFound(`Pilot ${originId}`);
    const userId = actor.principal.userId;
    const organiserId = (await isClpOfficer(this.prisma, userId, input.clpId)) ? userId : null;
    const id = await this.prisma.$transaction(async (tx) => {
      const data = {
        title: input.title ?? origin.title,
        issue: origin.issue,
        category: origin.category,
        kind: origin.kind,
        status: 'planned' as const,
        statusOn: dateOf(today()),
        startsOn: dateOf(input.startsOn),
        endsOn: null,
        goals: origin.goals,
        organiserId,
        latitude: null,
        longitude: null,
      };
      return this.insert(tx, { ...data, clpId: input.clpId }, [], originId, actor);
    });
    return this.get(id, actor.principal);
  }

  private async insert(
    tx: Prisma.TransactionClient,
    data: Prisma.PilotUncheckedCreateInput,
    partnerIds: number[],
    originId: number | null,
    actor: Actor,
  ): Promise<number> {
    const userId = actor.principal.userId;
    const created = await tx.pilot.create({
      data: { ...data, originId, updatedById: userId },
    });
    await tx.pilotStatusChange.create({
      data: { pilotId: created.id, status: created.status, changedOn: created.statusOn, changedById: userId },
    });
    if (partnerIds.length > 0) {
      await tx.pilotPartner.createMany({
        data: partnerIds.map((partnerId) => ({ pilotId: created.id, partnerId })),
      });
    }
    await recordChange(tx, {
      actorId: userId,
      entityType: 'pilot',
      entityId: created.id,
      action: 'create',
      changes: [
        { field: 'clpId', before: null, after: created.clpId },
        ...(originId ? [{ field: 'originId', before: null, after: originId }] : []),
        ...changedFields(null, auditView({ ...created, partnerIds }), AUDITED),
      ],
      requestId: actor.requestId,
    });
    await bumpSeatDataVersion(tx);
    return created.id;
  }
}
