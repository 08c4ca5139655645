// Creating and editing a selection: its kind, stage and stage dates, the imposition claim with its source,
// and the officer's rule overrides. Edits name the version they read: the first of two wins, the second
// gets 409 with the selection as it now is. Every write is one transaction with its history entry.
import {
  stageAtOrAfter,
  type TCreateSelectionRequest,
  type TSelection,
  type TStageDates,
  type TUpdateSelectionRequest,
} from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../access/policy.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { mergeOverrides, storedOverrides } from './selection-rules.ts';
import { getSelection } from './selection-view.ts';

export type Actor = { principal: Principal; requestId?: string };

const STALE = new Error('stale selection version');
const AUDITED = [
  'electionType',
  'wardName',
  'sittingMember',
  'stage',
  'imposed',
  'imposedSource',
  'ruleOverrides',
  'stages',
] as const;
const dateOf = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

interface Shape {
  electionType: string;
  wardName: string | null;
  sittingMember: boolean;
  stage: string;
  imposed: boolean;
  imposedSource: string | null;
}

/** 422 naming the field when the parts of a selection do not fit together. */
function assertCoherent(s: Shape, stages: readonly TStageDates[]): void {
  const problem = (field: string, message: string) => {
    throw new AppError('UNPROCESSABLE', `${field} ${message}`, [{ field, message }]);
  };
  if (s.electionType === 'council' && !s.wardName)
    problem('wardName', 'must name the ward for a council selection');
  if (s.electionType !== 'council' && s.wardName) problem('wardName', 'is only for council selections');
  const trigger =
    s.stage === 'trigger_ballot' ||
    stages.some((d) => d.stage === 'trigger_ballot' && (d.plannedOn || d.actualOn));
  if (trigger && !s.sittingMember) problem('stage', 'cannot be a trigger ballot: there is no sitting member');
  if (s.imposed && !s.imposedSource)
    problem('imposedSource', 'must name the link or document behind the claim');
  // Actual dates are of what has happened: tomorrow at the latest, allowing for time zones.
  const latest = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  for (const d of stages) {
    if (d.actualOn && d.actualOn > latest) {
      problem(
        'stages',
        `cannot record an actual date in the future for ${d.stage} (${d.actualOn}); give it as planned`,
      );
    }
  }
  for (const d of stages) {
    if (d.actualOn && stageAtOrAfter(d.stage as never, s.stage as never) && d.stage !== s.stage) {
      problem('stages', `cannot record an actual date for ${d.stage}, which the selection has not reached`);
    }
  }
}

const stagesView = (rows: readonly { stage: string; plannedOn: Date | null; actualOn: Date | null }[]) =>
  [...rows]
    .filter((r) => r.plannedOn || r.actualOn)
    .map((r) => `${r.stage}:${day(r.plannedOn) ?? '-'}/${day(r.actualOn) ?? '-'}`)
    .sort();

async function writeStages(
  tx: Prisma.TransactionClient,
  selectionId: number,
  stages: readonly TStageDates[],
) {
  for (const d of stages) {
    const data = { plannedOn: dateOf(d.plannedOn), actualOn: dateOf(d.actualOn) };
    await tx.selectionStageDate.upsert({
      where: { selectionId_stage: { selectionId, stage: d.stage } },
      create: { selectionId, stage: d.stage, ...data },
      update: data,
    });
  }
}

export async function createSelection(
  prisma: PrismaClient,
  input: TCreateSelectionRequest,
  actor: Actor,
): Promise<TSelection> {
  const shape: Shape = {
    electionType: input.electionType,
    // A blank ward is no ward.
    wardName: input.wardName || null,
    sittingMember: input.sittingMember,
    stage: input.stage ?? (input.sittingMember ? 'trigger_ballot' : 'timetable_set'),
    imposed: false,
    imposedSource: null,
  };
  assertCoherent(shape, input.stages);
  const id = await prisma.$transaction(async (tx) => {
    const row = await tx.selection.create({
      data: {
        clpId: input.clpId,
        electionType: input.electionType,
        wardName: shape.wardName,
        sittingMember: shape.sittingMember,
        stage: shape.stage as never,
        updatedById: actor.principal.userId,
      },
    });
    await writeStages(tx, row.id, input.stages);
    await recordChange(tx, {
      actorId: actor.principal.userId,
      entityType: 'selection',
      entityId: row.id,
      action: 'create',
      changes: changedFields(
        null,
        {
          ...shape,
          ruleOverrides: {},
          stages: stagesView(
            input.stages.map((d) => ({
              stage: d.stage,
              plannedOn: dateOf(d.plannedOn),
              actualOn: dateOf(d.actualOn),
            })),
          ),
        },
        AUDITED,
      ),
      requestId: actor.requestId,
    });
    await bumpSeatDataVersion(tx);
    return row.id;
  });
  return getSelection(prisma, id, actor.principal);
}

export async function updateSelection(
  prisma: PrismaClient,
  id: number,
  input: TUpdateSelectionRequest,
  actor: Actor,
): Promise<TSelection> {
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.selection.findUnique({ where: { id }, include: { stages: true } });
      if (!before) throw AppError.notFound(`Selection ${id}`);
      if (before.version !== input.version) throw STALE;
      const imposed = input.imposed ?? before.imposed;
      if (!imposed && input.imposedSource) {
        throw new AppError('UNPROCESSABLE', 'imposedSource is only for a recorded imposition', [
          { field: 'imposedSource', message: 'is only for a recorded imposition (set imposed to true)' },
        ]);
      }
      const next: Shape = {
        electionType: input.electionType ?? before.electionType,
        wardName: input.wardName === undefined ? before.wardName : input.wardName || null,
        sittingMember: input.sittingMember ?? before.sittingMember,
        stage: input.stage ?? before.stage,
        imposed,
        // Withdrawing the claim keeps no source; making it needs one (checked below).
        imposedSource: !imposed
          ? null
          : input.imposedSource === undefined
            ? before.imposedSource
            : input.imposedSource,
      };
      const stagesAfter = new Map(
        before.stages.map((s) => [
          s.stage,
          { stage: s.stage, plannedOn: day(s.plannedOn), actualOn: day(s.actualOn) },
        ]),
      );
      for (const d of input.stages ?? []) stagesAfter.set(d.stage, d);
      assertCoherent(next, [...stagesAfter.values()]);
      const overrides = input.ruleOverrides
        ? mergeOverrides(storedOverrides(before.ruleOverrides), input.ruleOverrides)
        : storedOverrides(before.ruleOverrides);
      const afterStages = [...stagesAfter.values()].map((d) => ({
        stage: d.stage,
        plannedOn: dateOf(d.plannedOn),
        actualOn: dateOf(d.actualOn),
      }));
      const changes = changedFields(
        {
          ...before,
          ruleOverrides: storedOverrides(before.ruleOverrides),
          stages: stagesView(before.stages),
        },
        { ...next, ruleOverrides: overrides, stages: stagesView(afterStages) },
        AUDITED,
      );
      if (changes.length === 0) return;
      const updated = await tx.selection.updateMany({
        where: { id, version: input.version },
        data: {
          electionType: next.electionType as never,
          wardName: next.wardName,
          sittingMember: next.sittingMember,
          stage: next.stage as never,
          imposed: next.imposed,
          imposedSource: next.imposedSource,
          ruleOverrides: overrides as Prisma.InputJsonValue,
          version: { increment: 1 },
          updatedById: actor.principal.userId,
          updatedAt: new Date(),
        },
      });
      if (updated.count !== 1) throw STALE;
      if (input.stages) await writeStages(tx, id, input.stages);
      const reasons = Object.entries(input.ruleOverrides ?? {}).flatMap(([k, o]) =>
        o ? [`${k}: ${o.reason}`] : [],
      );
      await recordChange(tx, {
        actorId: actor.principal.userId,
        entityType: 'selection',
        entityId: id,
        action: 'update',
        changes,
        source: input.imposed !== undefined || input.imposedSource !== undefined ? next.imposedSource : null,
        reason: reasons.length > 0 ? reasons.join('; ') : null,
        requestId: actor.requestId,
      });
      await bumpSeatDataVersion(tx);
    });
  } catch (error) {
    if (error !== STALE) throw error;
    const fresh = await getSelection(prisma, id, actor.principal);
    throw new AppError(
      'CONFLICT',
      `Someone else changed this selection (now version ${fresh.version}); review their change and try again`,
      { current: fresh },
    );
  }
  return getSelection(prisma, id, actor.principal);
}
