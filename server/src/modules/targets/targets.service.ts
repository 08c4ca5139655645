import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import type { TPutTargetRequest, TSeatTarget } from '../../contracts/index.ts';

const seatSelect = {
  id: true,
  code: true,
  name: true,
  redWall: true,
  region: { select: { code: true, name: true } },
  target: { include: { updatedBy: { select: { id: true, name: true } } } },
} as const;

type SeatRow = {
  id: number;
  code: string;
  name: string;
  redWall: boolean;
  region: { code: string; name: string };
  target: {
    status: TSeatTarget['status'];
    tier: number | null;
    rationale: string;
    redWallOverride: boolean | null;
    redWallReason: string | null;
    version: number;
    updatedAt: Date;
    updatedBy: { id: number; name: string } | null;
  } | null;
};

export function toTarget(seat: SeatRow): TSeatTarget {
  const t = seat.target;
  return {
    code: seat.code,
    name: seat.name,
    region: seat.region,
    status: t?.status ?? 'NONE',
    tier: t?.tier ?? null,
    rationale: t?.rationale ?? '',
    redWall: t?.redWallOverride ?? seat.redWall,
    redWallComputed: seat.redWall,
    redWallOverride: t?.redWallOverride ?? null,
    redWallReason: t?.redWallReason ?? null,
    version: t?.version ?? 0,
    updatedAt: t?.updatedAt.toISOString() ?? null,
    updatedBy: t?.updatedBy ?? null,
  };
}

const AUDITED = ['status', 'tier', 'rationale', 'redWallOverride', 'redWallReason'] as const;

/** Thrown inside a target write's transaction when its version is not the one read: rolled back, then a 409. */
const STALE = new Error('stale target version');

/** Seat targets live on the current (2024) boundaries only. */
export class TargetsService {
  constructor(private readonly prisma: PrismaClient) {}

  async seat(code: string): Promise<SeatRow> {
    const seat = await this.prisma.constituency.findUnique({
      where: { boundarySetCode_code: { boundarySetCode: '2024', code } },
      select: seatSelect,
    });
    if (!seat) throw AppError.notFound(`Seat ${code} on the 2024 boundaries`);
    return seat;
  }

  async get(code: string): Promise<TSeatTarget> {
    return toTarget(await this.seat(code));
  }

  /**
   * Sets a seat's target if nobody changed it since `input.version` was read; otherwise 409 with the
   * current values, so the second editor sees what the first one did instead of overwriting it.
   */
  async put(
    code: string,
    input: TPutTargetRequest,
    actor: { id: number; requestId?: string },
  ): Promise<TSeatTarget> {
    const next = {
      status: input.status,
      tier: input.status === 'NONE' ? null : (input.tier ?? null),
      rationale: input.rationale,
      redWallOverride: input.redWallOverride ?? null,
      redWallReason: input.redWallOverride == null ? null : (input.redWallReason ?? null),
    };
    // Built after the transaction, from a fresh read: inside it, a read through this.prisma would wait for
    // the transaction's own connection (PGlite has one) until the transaction timed out.
    const conflict = async () => {
      const current = await this.get(code);
      return new AppError(
        'CONFLICT',
        `Someone else changed this target (now version ${current.version}); review their change and try again`,
        { current },
      );
    };
    try {
      await this.prisma.$transaction(async (tx) => {
        const seat = await tx.constituency.findUnique({
          where: { boundarySetCode_code: { boundarySetCode: '2024', code } },
          select: { id: true, target: true },
        });
        if (!seat) throw AppError.notFound(`Seat ${code} on the 2024 boundaries`);
        const before = seat.target;
        if ((before?.version ?? 0) !== input.version) throw STALE;
        // A save that changes nothing is not a change: same version, no history, no new data version.
        if (before && AUDITED.every((field) => before[field] === next[field])) return;
        if (!before) {
          const created = await tx.seatTarget.create({
            data: { constituencyId: seat.id, ...next, version: 1, updatedById: actor.id },
          });
          await recordChange(tx, {
            actorId: actor.id,
            entityType: 'seat-target',
            entityId: code,
            action: 'create',
            changes: changedFields(null, created, AUDITED),
            source: input.source,
            requestId: actor.requestId,
          });
          await bumpSeatDataVersion(tx);
          return;
        }
        const updated = await tx.seatTarget.updateMany({
          where: { id: before.id, version: input.version },
          data: { ...next, version: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
        });
        if (updated.count !== 1) throw STALE;
        await recordChange(tx, {
          actorId: actor.id,
          entityType: 'seat-target',
          entityId: code,
          action: 'update',
          changes: changedFields(before, next, AUDITED),
          source: input.source,
          requestId: actor.requestId,
        });
        await bumpSeatDataVersion(tx);
      });
    } catch (error) {
      // Two first-time writers race on the unique seat: the loser is a conflict, not a 500.
      if (error === STALE || (error as { code?: string }).code === 'P2002') throw await conflict();
      throw error;
    }
    return this.get(code);
  }

  async board(regionCode: string): Promise<{ region: { code: string; name: string }; items: TSeatTarget[] }> {
    const region = await this.prisma.region.findUnique({
      where: { code: regionCode },
      select: { code: true, name: true },
    });
    if (!region) throw AppError.notFound(`Region ${regionCode}`);
    const seats = await this.prisma.constituency.findMany({
      where: { boundarySetCode: '2024', regionCode, target: { status: { not: 'NONE' } } },
      select: seatSelect,
    });
    const items = seats
      .map(toTarget)
      .sort(
        (a, b) =>
          (a.tier ?? 9) - (b.tier ?? 9) || a.status.localeCompare(b.status) || a.name.localeCompare(b.name),
      );
    return { region, items };
  }
}
