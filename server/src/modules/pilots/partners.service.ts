// Partners (trade-union branches, community groups): shared records reused across pilots and CLPs. Every
// Prisma call for them is here; writes go in one transaction with their history entry.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import type {
  TCreatePartnerRequest,
  TPartner,
  TPartnerKind,
  TUpdatePartnerRequest,
} from '../../contracts/index.ts';

export const partnerSelect = {
  id: true,
  name: true,
  kind: true,
  unionName: true,
  contactRole: true,
  version: true,
  _count: { select: { pilots: true } },
} as const satisfies Prisma.PartnerSelect;

export function toPartner(p: Prisma.PartnerGetPayload<{ select: typeof partnerSelect }>): TPartner {
  const { _count, ...rest } = p;
  return { ...rest, pilotCount: _count.pilots };
}

const AUDITED = ['name', 'kind', 'unionName', 'contactRole'] as const;
const STALE = new Error('stale partner version');

type Actor = { id: number; requestId?: string };

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * kind|name|union as one comparable string: "Hostile  B" and "hostile b" are the same partner. Stored in
 * the unique `dedupe_key` column, so two people adding one partner at once cannot both succeed.
 */
export function partnerDedupeKey(p: { kind: string; name: string; unionName?: string | null }): string {
  return [p.kind, p.name, p.unionName ?? ''].map(norm).join('|');
}

/** `contains` does not escape: a % or _ typed in the search box must match itself, not anything. */
export const likeEscaped = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

function fieldsOf(input: TCreatePartnerRequest) {
  // A community group belongs to no union, whatever the form sent.
  const unionName = input.kind === 'union_branch' ? (input.unionName ?? null) : null;
  return {
    name: input.name,
    kind: input.kind,
    unionName,
    contactRole: input.contactRole || null,
    dedupeKey: partnerDedupeKey({ kind: input.kind, name: input.name, unionName }),
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

export class PartnersService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(query: {
    q?: string | undefined;
    kind?: TPartnerKind | undefined;
    offset: number;
    limit: number;
  }) {
    const where: Prisma.PartnerWhereInput = {
      mergedIntoId: null,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.q
        ? {
            OR: [
              { name: { contains: likeEscaped(query.q), mode: 'insensitive' } },
              { unionName: { contains: likeEscaped(query.q), mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const [total, rows] = await Promise.all([
      this.prisma.partner.count({ where }),
      this.prisma.partner.findMany({
        where,
        select: partnerSelect,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip: query.offset,
        take: query.limit,
      }),
    ]);
    return { total, items: rows.map(toPartner) };
  }

  async get(id: number): Promise<TPartner> {
    const row = await this.prisma.partner.findUnique({ where: { id }, select: partnerSelect });
    if (!row) throw AppError.notFound(`Partner ${id}`);
    return toPartner(row);
  }

  /**
   * The unique key refused a duplicate: 409 naming the live record that holds it. Looked up after the
   * transaction (PGlite has one connection, which the transaction held).
   */
  private async duplicateOf(dedupeKey: string): Promise<AppError> {
    const twin = await this.prisma.partner.findUnique({ where: { dedupeKey }, select: partnerSelect });
    if (!twin) return new AppError('CONFLICT', 'This partner already exists: use that record');
    return new AppError('CONFLICT', `${twin.name} is already a partner: use that record`, {
      existing: toPartner(twin),
    });
  }

  async create(input: TCreatePartnerRequest, actor: Actor): Promise<TPartner> {
    const fields = fieldsOf(input);
    let id: number;
    try {
      id = await this.prisma.$transaction(async (tx) => {
        const created = await tx.partner.create({ data: fields });
        await recordChange(tx, {
          actorId: actor.id,
          entityType: 'partner',
          entityId: created.id,
          action: 'create',
          changes: changedFields(null, fields, AUDITED),
          requestId: actor.requestId,
        });
        return created.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw await this.duplicateOf(fields.dedupeKey);
      throw error;
    }
    return this.get(id);
  }

  async update(id: number, input: TUpdatePartnerRequest, actor: Actor): Promise<TPartner> {
    const fields = fieldsOf(input);
    try {
      await this.prisma.$transaction(async (tx) => {
        const before = await tx.partner.findUnique({ where: { id } });
        if (!before) throw AppError.notFound(`Partner ${id}`);
        if (before.mergedIntoId !== null) {
          throw new AppError('UNPROCESSABLE', 'This partner was merged into another record', [
            { field: 'id', message: `was merged into partner ${before.mergedIntoId}` },
          ]);
        }
        if (before.version !== input.version) throw STALE;
        const changes = changedFields(before, fields, AUDITED);
        if (changes.length === 0) return;
        const updated = await tx.partner.updateMany({
          where: { id, version: input.version },
          data: { ...fields, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw STALE;
        await recordChange(tx, {
          actorId: actor.id,
          entityType: 'partner',
          entityId: id,
          action: 'update',
          changes,
          requestId: actor.requestId,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw await this.duplicateOf(fields.dedupeKey);
      if (error !== STALE) throw error;
      // Built after the transaction: PGlite has one connection, which the transaction held.
      const current = await this.get(id);
      throw new AppError(
        'CONFLICT',
        `Someone else changed this partner (now version ${current.version}); review their change and try again`,
        { current },
      );
    }
    return this.get(id);
  }

  /**
   * Folds a duplicate into the record that stays: every pilot link moves to the survivor (a pilot linked
   * to both keeps one link), the duplicate points at the survivor and leaves the lists; history on both.
   */
  async merge(id: number, intoId: number, actor: Actor): Promise<TPartner> {
    if (id === intoId) {
      throw new AppError('UNPROCESSABLE', 'A partner cannot be merged into itself', [
        { field: 'intoId', message: 'must be another partner' },
      ]);
    }
    await this.prisma.$transaction(async (tx) => {
      // Both rows locked in id order, then read: of two merges of one pair (or of a chain 18→19, 19→20)
      // the second waits for the first, then sees it and is refused instead of making a loop.
      await tx.$queryRaw`SELECT id FROM partner WHERE id IN (${id}, ${intoId}) ORDER BY id FOR UPDATE`;
      const [from, into] = await Promise.all([
        tx.partner.findUnique({ where: { id } }),
        tx.partner.findUnique({ where: { id: intoId } }),
      ]);
      if (!from) throw AppError.notFound(`Partner ${id}`);
      if (!into) {
        throw new AppError('UNPROCESSABLE', `Partner ${intoId} was not found`, [
          { field: 'intoId', message: 'must be an existing partner' },
        ]);
      }
      for (const [p, field] of [
        [from, 'id'],
        [into, 'intoId'],
      ] as const) {
        if (p.mergedIntoId !== null) {
          throw new AppError('UNPROCESSABLE', `${p.name} was already merged into another record`, [
            { field, message: `was already merged into partner ${p.mergedIntoId}` },
          ]);
        }
      }
      const linked = async (partnerId: number) =>
        (await tx.pilotPartner.findMany({ where: { partnerId }, select: { pilotId: true } })).map(
          (l) => l.pilotId,
        );
      const pilotIds = await linked(id);
      const survivorBefore = await linked(intoId);
      const already = new Set(survivorBefore);
      await tx.pilotPartner.deleteMany({ where: { partnerId: id } });
      const moved = pilotIds.filter((p) => !already.has(p));
      if (moved.length > 0) {
        await tx.pilotPartner.createMany({ data: moved.map((pilotId) => ({ pilotId, partnerId: intoId })) });
      }
      // The duplicate leaves the key free: its name may be the survivor's new one.
      await tx.partner.update({
        where: { id },
        data: { mergedIntoId: intoId, dedupeKey: null, version: { increment: 1 } },
      });
      // Records merged into the duplicate earlier now point at the survivor too: no chains to follow.
      await tx.partner.updateMany({ where: { mergedIntoId: id }, data: { mergedIntoId: intoId } });
      const common = { actorId: actor.id, entityType: 'partner' as const, action: 'update' as const };
      await recordChange(tx, {
        ...common,
        entityId: id,
        changes: [{ field: 'mergedIntoId', before: null, after: intoId }],
        requestId: actor.requestId,
      });
      await recordChange(tx, {
        ...common,
        entityId: intoId,
        changes: [
          { field: 'mergedFrom', before: null, after: id },
          {
            field: 'pilotIds',
            before: survivorBefore.sort((a, b) => a - b),
            after: [...survivorBefore, ...moved].sort((a, b) => a - b),
          },
        ],
        requestId: actor.requestId,
      });
    });
    return this.get(intoId);
  }
}
