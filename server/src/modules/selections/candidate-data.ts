// The data-protection side of candidates: consents to publish (recorded, withdrawable), the members'
// ballot (checked so no transfer creates votes), and a person's rights: everything held on them as JSON,
// and erasure (fields blanked, the person anonymised, the counts that feed compliance kept). Each is
// recorded with who did it and why.
import type { TRecordConsentRequest, TSelection, TSetBallotRequest } from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { ballotProblems } from './ballot.ts';
import { getSelection } from './selection-view.ts';
import type { Actor } from './selection-write.ts';

export async function recordConsent(
  prisma: PrismaClient,
  candidacyId: number,
  input: TRecordConsentRequest,
  actor: Actor,
): Promise<TSelection> {
  const candidacy = await prisma.candidacy.findUnique({
    where: { id: candidacyId },
    include: { candidate: true },
  });
  if (!candidacy) throw AppError.notFound(`Candidacy ${candidacyId}`);
  if (candidacy.candidate.erasedAt)
    throw new AppError('UNPROCESSABLE', 'This candidate was erased', [
      { field: 'id', message: 'was erased' },
    ]);
  await prisma.$transaction(async (tx) => {
    const consent = await tx.candidateConsent.create({
      data: {
        candidateId: candidacy.candidateId,
        fields: input.fields,
        note: input.note,
        recordedById: actor.principal.userId,
      },
    });
    await recordChange(tx, {
      actorId: actor.principal.userId,
      entityType: 'candidate-consent',
      entityId: consent.id,
      action: 'create',
      changes: [
        { field: 'fields', before: null, after: input.fields },
        { field: 'note', before: null, after: input.note },
      ],
      reason: `consent of candidate ${candidacy.candidateId}`,
      requestId: actor.requestId,
    });
    await bumpSeatDataVersion(tx);
  });
  return getSelection(prisma, candidacy.selectionId, actor.principal);
}

export async function withdrawConsent(
  prisma: PrismaClient,
  candidacyId: number,
  consentId: number,
  actor: Actor,
): Promise<TSelection> {
  const candidacy = await prisma.candidacy.findUnique({ where: { id: candidacyId } });
  if (!candidacy) throw AppError.notFound(`Candidacy ${candidacyId}`);
  await prisma.$transaction(async (tx) => {
    const consent = await tx.candidateConsent.findFirst({
      where: { id: consentId, candidateId: candidacy.candidateId },
    });
    if (!consent) throw AppError.notFound(`Consent ${consentId}`);
    if (consent.withdrawnAt) return;
    const at = new Date();
    await tx.candidateConsent.update({
      where: { id: consentId },
      data: { withdrawnAt: at, withdrawnById: actor.principal.userId },
    });
    await recordChange(tx, {
      actorId: actor.principal.userId,
      entityType: 'candidate-consent',
      entityId: consentId,
      action: 'update',
      changes: [{ field: 'withdrawnAt', before: null, after: at.toISOString() }],
      reason: `consent of candidate ${candidacy.candidateId} withdrawn`,
      requestId: actor.requestId,
    });
    await bumpSeatDataVersion(tx);
  });
  return getSelection(prisma, candidacy.selectionId, actor.principal);
}

/** Replaces the ballot's rounds; 422 with each problem's field when the rounds do not add up. */
export async function setBallot(
  prisma: PrismaClient,
  selectionId: number,
  input: TSetBallotRequest,
  actor: Actor,
): Promise<TSelection> {
  let stale = false;
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM selection WHERE id = ${selectionId} FOR UPDATE`;
    // Who is on the ballot is read under the lock, so a candidacy moved meanwhile cannot slip in.
    const onBallot = await tx.candidacy.findMany({
      where: {
        selectionId,
        OR: [
          { stage: { in: ['shortlisted', 'selected'] } },
          { withdrawnAfter: { in: ['shortlisted', 'selected'] } },
        ],
      },
      select: { id: true },
    });
    const problems = ballotProblems(
      input.rounds,
      onBallot.map((c) => c.id),
    );
    if (problems.length > 0) {
      throw new AppError('UNPROCESSABLE', `The ballot does not add up: ${problems[0]!.message}`, problems);
    }
    const before = await tx.selection.findUnique({
      where: { id: selectionId },
      include: { ballotRounds: { include: { votes: true }, orderBy: { round: 'asc' } } },
    });
    if (!before) throw AppError.notFound(`Selection ${selectionId}`);
    const updated = await tx.selection.updateMany({
      where: { id: selectionId, version: input.version },
      data: { version: { increment: 1 }, updatedAt: new Date(), updatedById: actor.principal.userId },
    });
    if (updated.count !== 1) {
      stale = true;
      return;
    }
    await tx.ballotRound.deleteMany({ where: { selectionId } });
    for (const r of input.rounds) {
      await tx.ballotRound.create({
        data: {
          selectionId,
          round: r.round,
          exhausted: r.exhausted,
          votes: { create: r.votes.map((v) => ({ candidacyId: v.candidacyId, votes: v.votes })) },
        },
      });
    }
    const view = (
      rounds: readonly {
        round: number;
        exhausted: number;
        votes: readonly { candidacyId: number; votes: number }[];
      }[],
    ) =>
      rounds.map(
        (r) =>
          `round ${r.round}: ${r.votes.map((v) => `${v.candidacyId}=${v.votes}`).join(', ')}; exhausted ${r.exhausted}`,
      );
    await recordChange(tx, {
      actorId: actor.principal.userId,
      entityType: 'selection',
      entityId: selectionId,
      action: 'update',
      changes: [{ field: 'ballot', before: view(before.ballotRounds), after: view(input.rounds) }],
      requestId: actor.requestId,
    });
    await bumpSeatDataVersion(tx);
  });
  if (stale) {
    const fresh = await getSelection(prisma, selectionId, actor.principal);
    throw new AppError(
      'CONFLICT',
      `Someone else changed this selection (now version ${fresh.version}); review their change and try again`,
      { current: fresh },
    );
  }
  return getSelection(prisma, selectionId, actor.principal);
}

type Db = PrismaClient | Prisma.TransactionClient;

/** Everything held on a candidate, for a subject access request. */
export async function candidateRecord(db: Db, candidateId: number) {
  const candidate = await db.candidate.findUnique({
    where: { id: candidateId },
    include: {
      consents: { orderBy: { id: 'asc' } },
      candidacies: {
        orderBy: { id: 'asc' },
        include: {
          nominations: { orderBy: { id: 'asc' } },
          votes: { include: { round: { select: { round: true } } } },
          selection: {
            select: {
              id: true,
              electionType: true,
              wardName: true,
              stage: true,
              clp: { select: { name: true } },
            },
          },
        },
      },
      views: { orderBy: { at: 'asc' }, include: { viewer: { select: { name: true } } } },
    },
  });
  if (!candidate) throw AppError.notFound(`Candidate ${candidateId}`);
  const candidacyIds = candidate.candidacies.map((c) => String(c.id));
  const history = await db.auditEntry.findMany({
    where: {
      OR: [
        { entityType: 'candidate', entityId: String(candidateId) },
        { entityType: 'candidacy', entityId: { in: candidacyIds } },
        { entityType: 'candidate-consent', entityId: { in: candidate.consents.map((c) => String(c.id)) } },
      ],
    },
    orderBy: { id: 'asc' },
    select: { at: true, entityType: true, entityId: true, action: true, changes: true, reason: true },
  });
  const { views, ...rest } = candidate;
  return {
    exportedAt: new Date().toISOString(),
    candidate: rest,
    viewsOfPersonalData: views.map((v) => ({ at: v.at, by: v.viewer?.name ?? null, context: v.context })),
    history,
  };
}

/** Blanks a candidate; keeps only what the selections' counts need (lives locally, class, gender). */
export async function eraseCandidate(
  prisma: PrismaClient,
  candidateId: number,
  reason: string,
  actor: Actor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.candidate.findUnique({
      where: { id: candidateId },
      include: { candidacies: { select: { id: true } }, consents: { select: { id: true } } },
    });
    if (!before) throw AppError.notFound(`Candidate ${candidateId}`);
    const already = () => new AppError('CONFLICT', 'This candidate was already erased');
    if (before.erasedAt) throw already();
    const at = new Date();
    // Conditional on not yet erased, so of two erasures at once only one writes (and records) anything.
    const erased = await tx.candidate.updateMany({
      where: { id: candidateId, erasedAt: null },
      data: {
        name: '',
        occupation: '',
        keyWorker: null,
        unionMember: null,
        unionName: '',
        councillorExperience: null,
        unionRepExperience: null,
        futureCandidatesProgramme: null,
        candidateFund: null,
        buddyMp: '',
        erasedAt: at,
        erasedById: actor.principal.userId,
        erasureReason: reason,
        version: { increment: 1 },
        updatedAt: at,
      },
    });
    if (erased.count !== 1) throw already();
    await tx.candidacy.updateMany({
      where: { candidateId },
      data: { yearsLocal: null, localConnection: '' },
    });
    await tx.candidateConsent.updateMany({
      where: { candidateId, withdrawnAt: null },
      data: { withdrawnAt: at, withdrawnById: actor.principal.userId },
    });
    await tx.candidateConsent.updateMany({ where: { candidateId }, data: { note: '' } });
    // The history keeps that fields changed, and when, but not what they held.
    const redacted = [
      { field: 'erased', before: null, after: 'values removed on erasure' },
    ] as Prisma.InputJsonValue;
    await tx.auditEntry.updateMany({
      where: {
        OR: [
          { entityType: 'candidate', entityId: String(candidateId) },
          { entityType: 'candidacy', entityId: { in: before.candidacies.map((c) => String(c.id)) } },
          { entityType: 'candidate-consent', entityId: { in: before.consents.map((c) => String(c.id)) } },
        ],
      },
      data: { changes: redacted },
    });
    await recordChange(tx, {
      actorId: actor.principal.userId,
      entityType: 'candidate',
      entityId: candidateId,
      action: 'delete',
      changes: [{ field: 'erasedAt', before: null, after: at.toISOString() }],
      reason,
      requestId: actor.requestId,
    });
    await bumpSeatDataVersion(tx);
  });
}
