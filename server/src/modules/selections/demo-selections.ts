// Fictional selections for trying the app (npm run demo:selections): Blyth and Ashington (the demo users'
// CLP) and three other North East CLPs, some for council wards, between them in every stage and every
// compliance state. Every person is made up and says so; the places are real so the map and lists work.
import { SELECTION_STAGES } from '../../contracts/index.ts';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { ballotProblems } from './ballot.ts';
import { DEMO_MARK, SELECTIONS, type DemoSelection } from './demo-selections.data.ts';

export { DEMO_MARK };
// Selections have no free-text title to carry the mark, so their creation's history entry carries it.
const DEMO_REASON = `${DEMO_MARK} data made by npm run demo:selections`;
const OFFICER_EMAIL = 'selection-officer@demo.groundwork.test';
const STAGE_GAP_DAYS = 21;

type Tx = Prisma.TransactionClient;

function day(today: Date, offset: number): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + offset);
  return d;
}

/** Past stages happened three weeks apart up to last week's current one; later ones are planned. */
function stageDates(s: DemoSelection, today: Date) {
  const stages = SELECTION_STAGES.filter(
    (st) => !s.skip?.includes(st) && (st !== 'trigger_ballot' || s.sitting),
  );
  const current = stages.indexOf(s.stage);
  return stages.map((stage, i) => {
    const on = day(today, (i - current) * STAGE_GAP_DAYS - 7);
    return { stage, plannedOn: on, actualOn: i <= current ? on : null };
  });
}

/** The ids of the demo selections that still exist. */
export async function demoSelectionIds(db: PrismaClient | Tx): Promise<number[]> {
  const entries = await db.auditEntry.findMany({
    where: { entityType: 'selection', action: 'create', reason: DEMO_REASON },
    select: { entityId: true },
  });
  const ids = entries.map((e) => Number(e.entityId));
  const rows = await db.selection.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return rows.map((r) => r.id);
}

export interface DemoSelectionsSummary {
  created: boolean;
  selections: number;
  candidacies: number;
  candidates: number;
  ballotRounds: number;
}

/**
 * Makes the demo selections unless they are there already; with `reset`, deletes the demo ones (and only
 * them, with their candidates) first. Returns what exists afterwards.
 */
export async function createDemoSelections(
  prisma: PrismaClient,
  options: { reset?: boolean; today?: Date } = {},
): Promise<DemoSelectionsSummary> {
  const today = options.today ?? new Date();
  if ((await demoSelectionIds(prisma)).length > 0 && !options.reset)
    return { created: false, ...(await count(prisma)) };

  const codes = [...new Set(SELECTIONS.map((s) => s.seat))];
  const clps = await prisma.clp.findMany({
    where: { constituency: { boundarySetCode: '2024', code: { in: codes } } },
    select: { id: true, constituency: { select: { code: true, name: true } } },
  });
  const byCode = new Map(clps.map((clp) => [clp.constituency.code, clp]));
  const missing = codes.filter((code) => !byCode.has(code));
  if (missing.length > 0)
    throw new Error(
      `The seat data is not loaded (no CLP for ${missing.join(', ')}): start the app once first.`,
    );
  const officer = await prisma.user.findUnique({ where: { email: OFFICER_EMAIL }, select: { id: true } });
  const officerId = officer?.id ?? null;

  await prisma.$transaction(
    async (tx) => {
      if (options.reset) await removeDemo(tx);
      for (const s of SELECTIONS) {
        const clp = byCode.get(s.seat)!;
        await createOne(tx, s, clp.id, s.ward ?? clp.constituency.name, officerId, today);
      }
      await bumpSeatDataVersion(tx);
    },
    { timeout: 60_000 },
  );
  return { created: true, ...(await count(prisma)) };
}

async function removeDemo(tx: Tx): Promise<void> {
  const ids = await demoSelectionIds(tx);
  // Found through their candidacies too, in case one was erased (its name blanked) in the app.
  const linked = await tx.candidacy.findMany({
    where: { selectionId: { in: ids } },
    select: { candidateId: true },
  });
  await tx.selection.deleteMany({ where: { id: { in: ids } } });
  await tx.candidate.deleteMany({
    where: {
      OR: [{ id: { in: linked.map((l) => l.candidateId) } }, { name: { endsWith: DEMO_MARK } }],
      // Someone who was also added to a real selection stays with it.
      candidacies: { none: {} },
    },
  });
}

async function createOne(
  tx: Tx,
  s: DemoSelection,
  clpId: number,
  area: string,
  officerId: number | null,
  today: Date,
): Promise<void> {
  const selection = await tx.selection.create({
    data: {
      clpId,
      electionType: s.electionType,
      wardName: s.ward ?? null,
      sittingMember: s.sitting ?? false,
      stage: s.stage,
      imposed: s.imposedSource !== undefined,
      imposedSource: s.imposedSource ?? null,
      ruleOverrides: (s.overrides ?? {}) as Prisma.InputJsonValue,
      updatedById: officerId,
      stages: { create: stageDates(s, today) },
    },
  });
  await recordChange(tx, {
    actorId: null,
    entityType: 'selection',
    entityId: selection.id,
    action: 'create',
    changes: [
      { field: 'electionType', before: null, after: s.electionType },
      { field: 'stage', before: null, after: s.stage },
    ],
    source: s.imposedSource ?? null,
    reason: DEMO_REASON,
  });
  const onBallot: number[] = [];
  for (const [i, p] of s.candidates.entries()) {
    const candidate = await tx.candidate.create({
      data: {
        name: p.name,
        occupation: p.occupation,
        workingClass: p.workingClass,
        unionMember: p.union,
        unionName: p.union ? 'GMB' : '',
        gender: p.woman ? 'woman' : 'man',
        enteredById: officerId,
        consents: p.consent
          ? {
              create: {
                fields: ['name', 'occupation'],
                note: `Signed consent form ${DEMO_MARK}`,
                recordedById: officerId,
              },
            }
          : undefined,
      },
    });
    await recordChange(tx, {
      actorId: null,
      entityType: 'candidate',
      entityId: candidate.id,
      action: 'create',
      changes: [{ field: 'name', before: null, after: p.name }],
      reason: DEMO_REASON,
    });
    const reached = p.withdrawnAfter ?? p.stage;
    const nominations = [
      ...(reached === 'applied' ? [] : [{ kind: 'branch' as const, name: `${area} branch ${DEMO_MARK}` }]),
      ...(p.union ? [{ kind: 'trade_union' as const, name: `GMB Northern ${DEMO_MARK}` }] : []),
    ];
    const candidacy = await tx.candidacy.create({
      data: {
        selectionId: selection.id,
        candidateId: candidate.id,
        stage: p.stage,
        withdrawnAfter: p.withdrawnAfter,
        livesLocally: p.local,
        yearsLocal: p.local ? 4 + ((i * 7) % 30) : null,
        localConnection: p.local ? `Has lived in ${area} for years ${DEMO_MARK}` : '',
        nominations: { create: nominations },
      },
    });
    if (p.stage === 'shortlisted' || p.stage === 'selected') onBallot.push(candidacy.id);
  }
  if (s.ballot) await createBallot(tx, selection.id, s.ballot, onBallot);
}

async function createBallot(tx: Tx, selectionId: number, ballot: number[][], onBallot: number[]) {
  const cast = ballot[0]!.reduce((a, b) => a + b, 0);
  const rounds = ballot.map((votes, i) => ({
    round: i + 1,
    exhausted: cast - votes.reduce((a, b) => a + b, 0),
    votes: votes.map((v, j) => ({ candidacyId: onBallot[j]!, votes: v })),
  }));
  // The same check the app makes, so the demo never shows a count that could not have happened.
  const problems = ballotProblems(rounds, onBallot);
  if (problems.length > 0) throw new Error(`Demo ballot does not add up: ${problems[0]!.message}`);
  for (const r of rounds)
    await tx.ballotRound.create({
      data: { selectionId, round: r.round, exhausted: r.exhausted, votes: { create: r.votes } },
    });
}

async function count(prisma: PrismaClient): Promise<Omit<DemoSelectionsSummary, 'created'>> {
  const ids = await demoSelectionIds(prisma);
  const inDemo = { selectionId: { in: ids } };
  const [candidacies, candidates, ballotRounds] = await Promise.all([
    prisma.candidacy.count({ where: inDemo }),
    prisma.candidate.count({ where: { candidacies: { some: inDemo } } }),
    prisma.ballotRound.count({ where: inDemo }),
  ]);
  return { selections: ids.length, candidacies, candidates, ballotRounds };
}
