// The national selections board: how many selections keep, risk or break each rule, by region and by kind
// of seat (red wall or not, target or not). Each selection is judged as its own page judges it (public
// audience: the states are the same for every audience), then only counted; no name leaves here.
import {
  RULE_KEYS,
  SEAT_GROUP_LABELS,
  keptPercent,
  type TComplianceState,
  type TSelectionBoard,
  type TSelectionBoardQuery,
  type TSelectionBoardRow,
  type TStateCounts,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { toCsv } from '../../http/csv.ts';
import { nationalRules } from './selection-rules.ts';
import { complianceOf, selectionInclude } from './selection-view.ts';

const STATE_KEY: Record<TComplianceState, keyof TStateCounts> = {
  kept: 'kept',
  at_risk: 'atRisk',
  broken: 'broken',
  off: 'off',
};

/** A judged selection: where it is and its states, nothing else. */
interface Judged {
  regionCode: string;
  redWall: boolean;
  target: boolean;
  overall: TComplianceState;
  rules: Record<string, TComplianceState>;
}

const zero = (): TStateCounts => ({ kept: 0, atRisk: 0, broken: 0, off: 0 });

function rowOf(key: string, label: string, judged: readonly Judged[]): TSelectionBoardRow {
  const overall = zero();
  const rules = RULE_KEYS.map((rule) => ({ rule, ...zero() }));
  for (const j of judged) {
    overall[STATE_KEY[j.overall]] += 1;
    for (const r of rules) r[STATE_KEY[j.rules[r.rule] ?? 'off']] += 1;
  }
  return { key, label, selections: judged.length, overall, rules };
}

export async function selectionBoard(
  prisma: PrismaClient,
  query: TSelectionBoardQuery,
): Promise<TSelectionBoard> {
  const [rows, national, regions] = await Promise.all([
    prisma.selection.findMany({
      where: {
        ...(query.electionType ? { electionType: query.electionType } : {}),
        ...(query.stage ? { stage: query.stage } : {}),
      },
      include: {
        ...selectionInclude,
        clp: {
          select: {
            ...selectionInclude.clp.select,
            constituency: {
              select: {
                ...selectionInclude.clp.select.constituency.select,
                redWall: true,
                target: { select: { status: true, redWallOverride: true } },
              },
            },
          },
        },
      },
    }),
    nationalRules(prisma),
    prisma.region.findMany({
      where: { seats: { some: { boundarySetCode: '2024' } } },
      orderBy: { name: 'asc' },
      select: { code: true, name: true },
    }),
  ]);

  const judged: Judged[] = rows.map((row) => {
    const seat = row.clp.constituency;
    const compliance = complianceOf(row, national, 'public');
    return {
      regionCode: seat.region.code,
      redWall: seat.target?.redWallOverride ?? seat.redWall,
      target: !!seat.target && seat.target.status !== 'NONE',
      overall: compliance.overall,
      rules: Object.fromEntries(compliance.rules.map((r) => [r.rule, r.state])),
    };
  });
  const where = (test: (j: Judged) => boolean) => judged.filter(test);
  const group = (key: keyof typeof SEAT_GROUP_LABELS, test: (j: Judged) => boolean) =>
    rowOf(key, SEAT_GROUP_LABELS[key], where(test));

  return {
    filters: { electionType: query.electionType ?? null, stage: query.stage ?? null },
    all: rowOf('all', 'All selections', judged),
    regions: regions.map((region) => ({
      ...rowOf(
        region.code,
        region.name,
        where((j) => j.regionCode === region.code),
      ),
      region,
    })),
    seatGroups: [
      group('red_wall', (j) => j.redWall),
      group('other', (j) => !j.redWall),
      group('target', (j) => j.target),
      group('not_target', (j) => !j.target),
    ],
  };
}

/** The board as CSV: one line per group and rule (and "overall"), counts and the share kept. */
export function selectionBoardCsv(board: TSelectionBoard): string {
  const lines = (grouping: string, row: TSelectionBoardRow) =>
    [{ rule: 'overall', ...row.overall }, ...row.rules].map((c) => [
      grouping,
      row.key,
      row.label,
      c.rule,
      row.selections,
      c.kept,
      c.atRisk,
      c.broken,
      c.off,
      keptPercent(c),
    ]);
  return toCsv(
    [
      'grouping',
      'group_code',
      'group',
      'rule',
      'selections',
      'kept',
      'at_risk',
      'broken',
      'not_applied',
      'kept_pct',
    ],
    [
      ...lines('all', board.all),
      ...board.regions.flatMap((r) => lines('region', r)),
      ...board.seatGroups.flatMap((g) => lines('seat_group', g)),
    ],
  );
}
