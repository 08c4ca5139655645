// A pilot's activity log: list, create (idempotent: a device retrying a send never makes a second row),
// versioned edit and soft delete, each write with its history entry and a new seat-data version (the seat
// layer counts recent activity).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Resource } from '../access/policy.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import type {
  TActivity,
  TActivityList,
  TCreateActivityRequest,
  TUpdateActivityRequest,
} from '../../contracts/index.ts';
import type { ImportedActivity } from './activities.import.ts';
import {
  AUDITED,
  audited,
  columns,
  day,
  recordedBy,
  refuseBeforeStart,
  toActivity,
  type Row,
} from './activities.rows.ts';

export interface Actor {
  id: number;
  requestId?: string;
}

type Tx = Prisma.TransactionClient;

/** Thrown inside a write's transaction when the version is not the one read: rolled back, then a 409. */
const STALE = new Error('stale activity version');

export class ActivitiesService {
  constructor(private readonly prisma: PrismaClient) {}

  /** The pilot as the access rule needs it (404 when there is none). */
  async resourceOf(pilotId: number): Promise<Resource & { kind: 'pilots' }> {
    const pilot = await this.prisma.pilot.findUnique({
      where: { id: pilotId },
      select: { clpId: true, clp: { select: { constituency: { select: { regionCode: true } } } } },
    });
    if (!pilot) throw AppError.notFound(`Pilot ${pilotId}`);
    return { kind: 'pilots', clpId: pilot.clpId, regionCode: pilot.clp.constituency.regionCode };
  }

  /** The pilot's start (YYYY-MM-DD): no activity may be dated before it. */
  async startsOn(pilotId: number): Promise<string> {
    const pilot = await this.prisma.pilot.findUnique({ where: { id: pilotId }, select: { startsOn: true } });
    if (!pilot) throw AppError.notFound(`Pilot ${pilotId}`);
    return day(pilot.startsOn);
  }

  async list(
    pilotId: number,
    page: { offset: number; limit: number },
    personal: boolean,
  ): Promise<TActivityList> {
    const where = { pilotId, deletedAt: null };
    const [total, rows] = await Promise.all([
      this.prisma.pilotActivity.count({ where }),
      this.prisma.pilotActivity.findMany({
        where,
        orderBy: [{ occurredOn: 'desc' }, { id: 'desc' }],
        skip: page.offset,
        take: page.limit,
        include: { recordedBy },
      }),
    ]);
    return { total, items: rows.map((r) => toActivity(r, personal)) };
  }

  private async get(pilotId: number, id: number, personal: boolean): Promise<TActivity> {
    const row = await this.prisma.pilotActivity.findFirst({
      where: { id, pilotId, deletedAt: null },
      include: { recordedBy },
    });
    if (!row) throw AppError.notFound(`Activity ${id} of pilot ${pilotId}`);
    return toActivity(row, personal);
  }

  /**
   * The row a key already made, answered as if it were just made; a key used on another pilot, or on an
   * activity since deleted, is a conflict (the device should make a new key, not resurrect or move it). So is
   * the key sent with other values (an offline edit of a send whose answer was lost): answering with the old
   * row would drop the edit without a word.
   */
  private async replay(
    pilotId: number,
    input: TCreateActivityRequest & { notes: string },
  ): Promise<TActivity | undefined> {
    const row = await this.prisma.pilotActivity.findUnique({
      where: { idempotencyKey: input.idempotencyKey },
      include: { recordedBy },
    });
    if (!row) return undefined;
    if (row.pilotId !== pilotId) {
      throw new AppError(
        'CONFLICT',
        'This idempotency key was already used for an activity of another pilot',
      );
    }
    if (row.deletedAt) {
      throw new AppError('CONFLICT', 'The activity sent with this idempotency key was deleted since', {
        current: toActivity(row, true),
      });
    }
    if (changedFields(audited(row), audited(input as ImportedActivity), AUDITED).length > 0) {
      throw new AppError(
        'CONFLICT',
        'This activity was already saved with other values; it is in the list — edit it there',
        { current: toActivity(row, true) },
      );
    }
    return toActivity(row, true);
  }

  /** Creates the activity, or answers with the one this key already made (`created` false). */
  async create(
    pilotId: number,
    input: TCreateActivityRequest & { notes: string },
    actor: Actor,
  ): Promise<{ activity: TActivity; created: boolean }> {
    const earlier = await this.replay(pilotId, input);
    if (earlier) return { activity: earlier, created: false };
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        await refuseBeforeStart(tx, pilotId, input.occurredOn);
        const made = await tx.pilotActivity.create({
          data: {
            pilotId,
            idempotencyKey: input.idempotencyKey,
            ...columns(input as ImportedActivity),
            recordedById: actor.id,
          },
          include: { recordedBy },
        });
        await recordChange(tx, {
          actorId: actor.id,
          entityType: 'pilot-activity',
          entityId: made.id,
          action: 'create',
          changes: changedFields(null, audited(made), AUDITED),
          requestId: actor.requestId,
        });
        await bumpSeatDataVersion(tx);
        return made;
      });
      return { activity: toActivity(row, true), created: true };
    } catch (error) {
      // The same key sent twice at once: the second insert waits for the first, then meets its row.
      if ((error as { code?: string }).code !== 'P2002') throw error;
      const raced = await this.replay(pilotId, input);
      if (!raced) throw error;
      return { activity: raced, created: false };
    }
  }

  /**
   * Runs a write on the activity as read at `version`, in one transaction; a stale version (or a row changed
   * meanwhile: `write` throws STALE) gets 409 with the activity as it is now.
   */
  private async versioned(
    pilotId: number,
    id: number,
    version: number,
    write: (tx: Tx, before: Row) => Promise<void>,
  ): Promise<void> {
    try {
      await this.prisma.$transaction(async (tx) => {
        const before = await tx.pilotActivity.findFirst({ where: { id, pilotId, deletedAt: null } });
        if (!before) throw AppError.notFound(`Activity ${id} of pilot ${pilotId}`);
        if (before.version !== version) throw STALE;
        await write(tx, before);
      });
    } catch (error) {
      if (error !== STALE) throw error;
      // Read after the transaction: inside it, a read through this.prisma would wait for the
      // transaction's own connection (PGlite has one) until the transaction timed out.
      const current = await this.get(pilotId, id, true);
      throw new AppError(
        'CONFLICT',
        `Someone else changed this activity (now version ${current.version}); review their change and try again`,
        { current },
      );
    }
  }

  /** Applies an edit made on `input.version`; a stale version gets 409 with the activity as it is now. */
  async update(pilotId: number, id: number, input: TUpdateActivityRequest, actor: Actor): Promise<TActivity> {
    await this.versioned(pilotId, id, input.version, async (tx, before) => {
      const next = columns({ ...(input as ImportedActivity), notes: input.notes });
      const changes = changedFields(audited(before), audited({ ...before, ...next } as Row), AUDITED);
      // A save that changes nothing is not a change: same version, no history, no new data version.
      if (changes.length === 0) return;
      // Only a new date is checked: a row dated before a start moved later can still have its counts fixed.
      if (input.occurredOn !== day(before.occurredOn)) await refuseBeforeStart(tx, pilotId, input.occurredOn);
      const updated = await tx.pilotActivity.updateMany({
        where: { id, version: input.version },
        data: { ...next, version: { increment: 1 }, updatedAt: new Date() },
      });
      if (updated.count !== 1) throw STALE;
      await recordChange(tx, {
        actorId: actor.id,
        entityType: 'pilot-activity',
        entityId: id,
        action: 'update',
        changes,
        requestId: actor.requestId,
      });
      await bumpSeatDataVersion(tx);
    });
    return this.get(pilotId, id, true);
  }

  /** Soft delete: the row stays for the history, but no list, total or CSV counts it. */
  async remove(pilotId: number, id: number, version: number, actor: Actor): Promise<void> {
    await this.versioned(pilotId, id, version, async (tx, before) => {
      const updated = await tx.pilotActivity.updateMany({
        where: { id, version },
        data: { deletedAt: new Date(), version: { increment: 1 }, updatedAt: new Date() },
      });
      if (updated.count !== 1) throw STALE;
      await recordChange(tx, {
        actorId: actor.id,
        entityType: 'pilot-activity',
        entityId: id,
        action: 'delete',
        changes: changedFields(audited(before), null, AUDITED),
        requestId: actor.requestId,
      });
      await bumpSeatDataVersion(tx);
    });
  }
}
