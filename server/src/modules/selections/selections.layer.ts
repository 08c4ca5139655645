// The selection layer of the seat list: for each 2024 seat, its CLP's latest general or by-election
// selection (highest id), its stage and whether it keeps the rules. The verdict is the public one (the
// states do not depend on the audience, and nothing else of it leaves here), so no candidate's data
// reaches a seat row: for anyone signed in (access/policy.ts, 'selections:layer').
import {
  SELECTION_STAGES,
  type TSelectionLayer,
  type TSelectionLayerLevel,
  type TSelectionLayerState,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { can } from '../access/policy.ts';
import { defineSeatLayer } from '../seats/seat-layer.ts';
import { nationalRules } from './selection-rules.ts';
import { complianceOf, selectionInclude } from './selection-view.ts';

const NO_SELECTION: TSelectionLayer = {
  selectionId: null,
  selectionStage: null,
  selectionCompliance: null,
  selectionBroken: 0,
};
const SEVERITY: Record<TSelectionLayerState, number> = { kept: 0, at_risk: 1, broken: 2 };

export const selectionLayer = defineSeatLayer<
  Map<number, TSelectionLayer>,
  TSelectionLayer,
  TSelectionLayerLevel
>({
  id: 'selection',
  noun: 'selection',
  boundarySets: ['2024'],
  levels: ['public'],

  // Runs on every seat-data version (every selection write bumps it). A country holds hundreds of
  // selections, so judging each one here is cheap next to the seat list itself.
  async load(prisma: PrismaClient) {
    const [rows, national] = await Promise.all([
      prisma.selection.findMany({
        where: { electionType: { in: ['general', 'by_election'] } },
        include: {
          ...selectionInclude,
          clp: { select: { ...selectionInclude.clp.select, constituencyId: true } },
        },
        orderBy: { id: 'asc' },
      }),
      nationalRules(prisma),
    ]);
    const bySeat = new Map<number, TSelectionLayer>();
    // Ascending ids: the last one written for a seat is its latest selection.
    for (const row of rows) {
      const { overall, rules } = complianceOf(row, national, 'public');
      bySeat.set(row.clp.constituencyId, {
        selectionId: row.id,
        selectionStage: row.stage,
        // No rule applied means none is at risk or broken.
        selectionCompliance: overall === 'off' ? 'kept' : overall,
        selectionBroken: rules.filter((r) => r.state === 'broken').length,
      });
    }
    return bySeat;
  },

  level: (principal) => (can(principal, 'selections:layer') ? 'public' : undefined),

  row: (data, seatId) => data.get(seatId) ?? NO_SELECTION,

  fields: (s) => ({ ...s }),

  filters: {
    selectionStage: (s, value: string) =>
      value === 'none' ? s.selectionStage === null : s.selectionStage === value,
    selectionCompliance: (s, value: string) =>
      value === 'none' ? s.selectionCompliance === null : s.selectionCompliance === value,
  },

  sorts: {
    selectionStage: (s) => (s.selectionStage ? SELECTION_STAGES.indexOf(s.selectionStage) : null),
    selectionCompliance: (s) => (s.selectionCompliance ? SEVERITY[s.selectionCompliance] : null),
  },

  csv: [
    { header: 'selection_id', level: 'public', value: (s) => s.selectionId },
    { header: 'selection_stage', level: 'public', value: (s) => s.selectionStage },
    { header: 'selection_compliance', level: 'public', value: (s) => s.selectionCompliance },
    { header: 'selection_broken_rules', level: 'public', value: (s) => s.selectionBroken },
  ],
});
