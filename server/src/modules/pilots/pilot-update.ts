// Editing a pilot: every field as the editor left it, against the version they read. Two editors of one
// version: the first write wins, the second gets 409 with the record as it now is, and nothing is lost.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { TPilot, TUpdatePilotRequest } from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { AUDITED, assertStatusOn, auditView, today } from './pilot-audit.ts';
import { assertInClpSeat } from './pilot-location.ts';
import { dateOf, getPilot } from './pilot-reads.ts';
import type { Actor } from './pilots.service.ts';

const STALE = new Error('stale pilot version');

export async function updatePilot(
  prisma: PrismaClient,
  id: number,
  input: TUpdatePilotRequest,
  actor: Actor,
  deps: { check: (clpId: number, organiserId: number | null, partnerIds: number[]) => Promise<void> },
): Promise<TPilot> {
  const current = await prisma.pilot.findUnique({ where: { id } });
  if (!current) throw AppError.notFound(`Pilot ${id}`);
  const organiserId = input.organiserId === undefined ? current.organiserId : input.organiserId;
  // An organiser whose role has since ended may stay on the pilot; a new one must hold a role now.
  await deps.check(current.clpId, organiserId === current.organiserId ? null : organiserId, input.partnerIds);
  const was =
    current.latitude != null && current.longitude != null
      ? { lat: current.latitude, lng: current.longitude }
      : null;
  // Omitted keeps the point; null removes it. Only a new point is checked against the seat.
  const location = input.location === undefined ? was : input.location;
  if (location && (location.lat !== was?.lat || location.lng !== was?.lng)) {
    await assertInClpSeat(prisma, current.clpId, location);
  }
  const partnerIds = [...new Set(input.partnerIds)];
  const userId = actor.principal.userId;
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.pilot.findUnique({ where: { id }, include: { partners: true } });
      if (!before || before.version !== input.version) throw STALE;
      const statusChanged = input.status !== before.status;
      // A new status takes effect today unless the editor says when; the same status keeps its date
      // unless the editor corrects it.
      const statusOn = input.statusOn ?? (statusChanged ? today() : undefined);
      // A kept date is not re-judged: only a date set now must fit the start.
      if (statusOn) assertStatusOn(input.status, statusOn, input.startsOn);
      const next = {
        title: input.title,
        issue: input.issue,
        category: input.category,
        kind: input.kind,
        status: input.status,
        statusOn: statusOn ? dateOf(statusOn) : before.statusOn,
        startsOn: dateOf(input.startsOn),
        endsOn: input.endsOn ? dateOf(input.endsOn) : null,
        goals: input.goals,
        organiserId,
        latitude: location?.lat ?? null,
        longitude: location?.lng ?? null,
        outcome: input.outcome,
        evidenceLinks: input.evidenceLinks,
        lessons: input.lessons,
      };
      const beforeIds = before.partners.map((p) => p.partnerId);
      const changes = changedFields(
        auditView({ ...before, partnerIds: beforeIds }),
        auditView({ ...next, partnerIds }),
        AUDITED,
      );
      // A save that changes nothing is not a change: same version, no history, no new data version.
      if (changes.length === 0) return;
      const updated = await tx.pilot.updateMany({
        where: { id, version: input.version },
        data: { ...next, version: { increment: 1 }, updatedById: userId, updatedAt: new Date() },
      });
      if (updated.count !== 1) throw STALE;
      if (statusChanged) {
        await tx.pilotStatusChange.create({
          data: { pilotId: id, status: next.status, changedOn: next.statusOn, changedById: userId },
        });
      } else if (next.statusOn.getTime() !== before.statusOn.getTime()) {
        const last = await tx.pilotStatusChange.findFirst({
          where: { pilotId: id },
          orderBy: { id: 'desc' },
        });
        if (last)
          await tx.pilotStatusChange.update({ where: { id: last.id }, data: { changedOn: next.statusOn } });
      }
      const removed = beforeIds.filter((p) => !partnerIds.includes(p));
      const added = partnerIds.filter((p) => !beforeIds.includes(p));
      if (removed.length > 0)
        await tx.pilotPartner.deleteMany({ where: { pilotId: id, partnerId: { in: removed } } });
      if (added.length > 0) {
        await tx.pilotPartner.createMany({ data: added.map((partnerId) => ({ pilotId: id, partnerId })) });
      }
      await recordChange(tx, {
        actorId: userId,
        entityType: 'pilot',
        entityId: id,
        action: 'update',
        changes,
        requestId: actor.requestId,
      });
      await bumpSeatDataVersion(tx);
    });
  } catch (error) {
    if (error !== STALE) throw error;
    // Built after the transaction, from a fresh read: PGlite has one connection, which the transaction held.
    const fresh = await getPilot(prisma, id, actor.principal);
    throw new AppError(
      'CONFLICT',
      `Someone else changed this pilot (now version ${fresh.version}); review their change and try again`,
      { current: fresh },
    );
  }
  return getPilot(prisma, id, actor.principal);
}
