// Candidacies and the candidates behind them: adding someone to a selection (a new person, or one the
// officer may already see), moving them through the stages, their nominations, and their own fields.
// Candidacies and candidates carry their own versions; each write is one transaction with its history.
import {
  REACHED_STAGES,
  type TCandidateFields,
  type TCreateCandidacyRequest,
  type TNominationInput,
  type TSelection,
  type TUpdateCandidacyRequest,
  type TUpdateCandidateRequest,
} from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { can } from '../access/policy.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { candidateResources } from './selection-access.ts';
import { getSelection } from './selection-view.ts';
import type { Actor } from './selection-write.ts';

const STALE = new Error('stale version');
const CANDIDATE_FIELDS = [
  'name',
  'occupation',
  'workingClass',
  'keyWorker',
  'unionMember',
  'unionName',
  'councillorExperience',
  'unionRepExperience',
  'futureCandidatesProgramme',
  'candidateFund',
  'buddyMp',
  'gender',
] as const satisfies readonly (keyof TCandidateFields)[];
const CANDIDACY_FIELDS = [
  'stage',
  'withdrawnAfter',
  'livesLocally',
  'yearsLocal',
  'localConnection',
  'nominations',
] as const;

const nominationsView = (
  list: readonly { kind: string; name: string; receivedOn?: Date | string | null | undefined }[],
) =>
  list.map(
    (n) =>
      `${n.kind}: ${n.name}${n.receivedOn ? ` (${String(n.receivedOn instanceof Date ? n.receivedOn.toISOString().slice(0, 10) : n.receivedOn)})` : ''}`,
  );
const nominationRows = (candidacyId: number, list: readonly TNominationInput[]) =>
  list.map((n) => ({
    candidacyId,
    kind: n.kind,
    name: n.name,
    receivedOn: n.receivedOn ? new Date(`${n.receivedOn}T00:00:00Z`) : null,
  }));

/**
 * Candidacy writes of one selection take turns (a row lock on the selection), so two "selected" at once
 * cannot both pass the check below.
 */
async function lockSelection(tx: Prisma.TransactionClient, selectionId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM selection WHERE id = ${selectionId} FOR UPDATE`;
}

const unprocessable = (field: string, message: string) =>
  new AppError('UNPROCESSABLE', `${field} ${message}`, [{ field, message }]);

/** 422 when another candidacy in the selection is already the selected one. */
async function assertOneSelected(tx: Prisma.TransactionClient, selectionId: number, except: number | null) {
  const other = await tx.candidacy.findFirst({
    where: { selectionId, stage: 'selected', ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  if (other) {
    throw new AppError('UNPROCESSABLE', 'stage cannot be selected: another candidate is already selected', [
      { field: 'stage', message: 'cannot be selected: another candidate is already selected' },
    ]);
  }
}

async function touchSelection(tx: Prisma.TransactionClient, selectionId: number, userId: number) {
  await tx.selection.update({
    where: { id: selectionId },
    data: { updatedAt: new Date(), updatedById: userId },
  });
  await bumpSeatDataVersion(tx);
}

export async function addCandidacy(
  prisma: PrismaClient,
  selectionId: number,
  input: TCreateCandidacyRequest,
  actor: Actor,
): Promise<TSelection> {
  const userId = actor.principal.userId;
  const nominations = input.nominations ?? [];
  if (input.candidateId !== undefined) {
    // Only someone whose record the caller may already read: an officer cannot look people up elsewhere.
    const resources = await candidateResources(prisma, input.candidateId).catch(() => []);
    if (
      !resources.some((r) => can(actor.principal, 'selections:read-personal', r)) &&
      !can(actor.principal, 'candidates:manage-data')
    ) {
      throw new AppError('UNPROCESSABLE', 'candidateId must be a candidate in one of your selections', [
        { field: 'candidateId', message: 'must be a candidate in one of your selections' },
      ]);
    }
  }
  await prisma.$transaction(async (tx) => {
    await lockSelection(tx, selectionId);
    let candidateId = input.candidateId;
    if (candidateId !== undefined) {
      const erased = await tx.candidate.findUnique({
        where: { id: candidateId },
        select: { erasedAt: true },
      });
      // Admins pass the visibility check above for any id: one that names nobody gets the same answer.
      if (!erased) throw unprocessable('candidateId', 'must be a candidate in one of your selections');
      if (erased.erasedAt)
        throw new AppError('UNPROCESSABLE', 'candidateId was erased', [
          { field: 'candidateId', message: 'was erased' },
        ]);
      const already = await tx.candidacy.findUnique({
        where: { selectionId_candidateId: { selectionId, candidateId } },
      });
      if (already) throw new AppError('CONFLICT', 'This candidate already applied in this selection');
    } else {
      const fields = input.candidate!;
      const created = await tx.candidate.create({ data: { ...fields, enteredById: userId } });
      candidateId = created.id;
      await recordChange(tx, {
        actorId: userId,
        entityType: 'candidate',
        entityId: created.id,
        action: 'create',
        changes: changedFields(null, fields, CANDIDATE_FIELDS),
        requestId: actor.requestId,
      });
    }
    if (input.stage === 'selected') await assertOneSelected(tx, selectionId, null);
    const candidacy = await tx.candidacy.create({
      data: {
        selectionId,
        candidateId,
        stage: input.stage,
        withdrawnAfter: input.withdrawnAfter,
        livesLocally: input.livesLocally,
        yearsLocal: input.yearsLocal,
        localConnection: input.localConnection,
      },
    });
    if (nominations.length > 0)
      await tx.nomination.createMany({ data: nominationRows(candidacy.id, nominations) });
    await recordChange(tx, {
      actorId: userId,
      entityType: 'candidacy',
      entityId: candidacy.id,
      action: 'create',
      changes: changedFields(null, { ...input, nominations: nominationsView(nominations) }, CANDIDACY_FIELDS),
      requestId: actor.requestId,
    });
    await touchSelection(tx, selectionId, userId);
  });
  return getSelection(prisma, selectionId, actor.principal);
}

export async function updateCandidacy(
  prisma: PrismaClient,
  id: number,
  input: TUpdateCandidacyRequest,
  actor: Actor,
): Promise<TSelection> {
  const userId = actor.principal.userId;
  const current = await prisma.candidacy.findUnique({ where: { id }, select: { selectionId: true } });
  if (!current) throw AppError.notFound(`Candidacy ${id}`);
  try {
    await prisma.$transaction(async (tx) => {
      await lockSelection(tx, current.selectionId);
      const before = await tx.candidacy.findUnique({
        where: { id },
        include: { nominations: { orderBy: { id: 'asc' } }, candidate: { select: { erasedAt: true } } },
      });
      if (!before || before.version !== input.version) throw STALE;
      const stage = input.stage ?? before.stage;
      // An erased person's candidacy keeps its stage and counts; nothing personal goes back onto it.
      if (before.candidate.erasedAt) {
        const field = (['livesLocally', 'yearsLocal', 'localConnection'] as const).find(
          (f) => input[f] !== undefined,
        );
        if (field) throw unprocessable(field, 'cannot be set: this candidate was erased');
      }
      if (input.withdrawnAfter != null && stage !== 'withdrawn') {
        throw unprocessable('withdrawnAfter', 'is only for a withdrawn candidacy');
      }
      if (stage === 'selected' && before.stage !== 'selected')
        await assertOneSelected(tx, before.selectionId, id);
      // Moving out of "withdrawn" clears withdrawnAfter; moving into it needs one (the schema checks a pair).
      const withdrawnAfter = stage === 'withdrawn' ? (input.withdrawnAfter ?? before.withdrawnAfter) : null;
      if (stage === 'withdrawn' && !withdrawnAfter) {
        throw new AppError('BAD_REQUEST', 'withdrawnAfter must say the last stage reached', [
          { field: 'withdrawnAfter', message: 'must say the last stage reached before withdrawing' },
        ]);
      }
      if (withdrawnAfter && !REACHED_STAGES.includes(withdrawnAfter as never))
        throw new AppError('BAD_REQUEST', 'withdrawnAfter is not a stage', [
          { field: 'withdrawnAfter', message: 'is not a stage' },
        ]);
      const next = {
        stage,
        withdrawnAfter,
        livesLocally: input.livesLocally === undefined ? before.livesLocally : input.livesLocally,
        yearsLocal: input.yearsLocal === undefined ? before.yearsLocal : input.yearsLocal,
        localConnection: input.localConnection ?? before.localConnection,
      };
      const nominations = input.nominations ?? null;
      const changes = changedFields(
        { ...before, nominations: nominationsView(before.nominations) },
        { ...next, nominations: nominationsView(nominations ?? before.nominations) },
        CANDIDACY_FIELDS,
      );
      if (changes.length === 0) return;
      const updated = await tx.candidacy.updateMany({
        where: { id, version: input.version },
        data: { ...next, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw STALE;
      if (nominations) {
        await tx.nomination.deleteMany({ where: { candidacyId: id } });
        if (nominations.length > 0) await tx.nomination.createMany({ data: nominationRows(id, nominations) });
      }
      await recordChange(tx, {
        actorId: userId,
        entityType: 'candidacy',
        entityId: id,
        action: 'update',
        changes,
        requestId: actor.requestId,
      });
      await touchSelection(tx, before.selectionId, userId);
    });
  } catch (error) {
    if (error !== STALE) throw error;
    const fresh = await getSelection(prisma, current.selectionId, actor.principal);
    throw new AppError('CONFLICT', 'Someone else changed this candidacy; review their change and try again', {
      current: fresh,
    });
  }
  return getSelection(prisma, current.selectionId, actor.principal);
}

/** Edits a candidate's own fields; answers with the selection the edit was made from. */
export async function updateCandidate(
  prisma: PrismaClient,
  id: number,
  selectionId: number,
  input: TUpdateCandidateRequest,
  actor: Actor,
): Promise<TSelection> {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.candidate.findUnique({ where: { id } });
      if (!before) throw AppError.notFound(`Candidate ${id}`);
      if (before.erasedAt)
        throw new AppError('UNPROCESSABLE', 'This candidate was erased', [
          { field: 'id', message: 'was erased' },
        ]);
      if (before.version !== input.version) throw STALE;
      const { version, ...fields } = input;
      const next = {
        ...before,
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      };
      const changes = changedFields(before, next, CANDIDATE_FIELDS);
      if (changes.length === 0) return;
      const data = Object.fromEntries(CANDIDATE_FIELDS.map((f) => [f, next[f]]));
      const updated = await tx.candidate.updateMany({
        where: { id, version },
        data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
      });
      if (updated.count !== 1) throw STALE;
      await recordChange(tx, {
        actorId: actor.principal.userId,
        entityType: 'candidate',
        entityId: id,
        action: 'update',
        changes,
        requestId: actor.requestId,
      });
      await touchSelection(tx, selectionId, actor.principal.userId);
    });
  } catch (error) {
    if (error !== STALE) throw error;
    const fresh = await getSelection(prisma, selectionId, actor.principal);
    throw new AppError('CONFLICT', 'Someone else changed this candidate; review their change and try again', {
      current: fresh,
    });
  }
  return getSelection(prisma, selectionId, actor.principal);
}
