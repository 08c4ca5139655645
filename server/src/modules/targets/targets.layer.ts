// The target layer of the seat list: status and tier for whoever may see targets, and the rationale, the
// red-wall override and who set it for whoever may see their details (access/policy.ts decides both).
import {
  TARGET_STATUSES,
  type TSeatTarget,
  type TTargetLayerLevel,
  type TTargetsPublic,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { can } from '../access/policy.ts';
import { defineSeatLayer } from '../seats/seat-layer.ts';
import { targetVisibility } from './settings.ts';

interface TargetRow {
  status: TSeatTarget['status'];
  tier: number | null;
  rationale: string;
  redWallOverride: boolean | null;
  redWallReason: string | null;
  updatedAt: Date | null;
  updatedBy: { id: number; name: string } | null;
}

interface TargetData {
  visibility: TTargetsPublic;
  bySeat: Map<number, TargetRow>;
}

const NO_TARGET: TargetRow = {
  status: 'NONE',
  tier: null,
  rationale: '',
  redWallOverride: null,
  redWallReason: null,
  updatedAt: null,
  updatedBy: null,
};

// WIN, DEFEND, HOLD in that order; seats with no target sort last either way.
const STATUS_RANK = new Map<string, number>(
  TARGET_STATUSES.filter((s) => s !== 'NONE').map((s, i) => [s, i + 1]),
);

export const targetLayer = defineSeatLayer<TargetData, TargetRow, TTargetLayerLevel>({
  id: 'target',
  noun: 'target',
  boundarySets: ['2024'],
  levels: ['status', 'full'],

  async load(prisma: PrismaClient) {
    const [visibility, rows] = await Promise.all([
      targetVisibility(prisma),
      prisma.seatTarget.findMany({ include: { updatedBy: { select: { id: true, name: true } } } }),
    ]);
    return {
      visibility,
      bySeat: new Map(
        rows.map((t) => [
          t.constituencyId,
          {
            status: t.status,
            tier: t.tier,
            rationale: t.rationale,
            redWallOverride: t.redWallOverride,
            redWallReason: t.redWallReason,
            updatedAt: t.updatedAt,
            updatedBy: t.updatedBy,
          },
        ]),
      ),
    };
  },

  level(principal, { visibility }) {
    const resource = { kind: 'targets' as const, ...visibility };
    if (can(principal, 'targets:read-details', resource)) return 'full';
    if (can(principal, 'targets:read', resource)) return 'status';
    return undefined;
  },

  row: (data, seatId) => data.bySeat.get(seatId) ?? NO_TARGET,

  fields(t, level) {
    if (level === 'status') return { status: t.status, tier: t.tier };
    return {
      status: t.status,
      tier: t.tier,
      rationale: t.rationale,
      redWallOverride: t.redWallOverride,
      redWallReason: t.redWallReason,
      updatedAt: t.updatedAt?.toISOString() ?? null,
      updatedBy: t.updatedBy,
    };
  },

  redWallOverride: (t, level) => (level === 'full' ? t.redWallOverride : null),

  filters: {
    target: (t, status: TSeatTarget['status']) => t.status === status,
    tier: (t, tier: number) => t.tier === tier,
  },

  sorts: {
    target: (t) => {
      const rank = STATUS_RANK.get(t.status);
      return rank === undefined ? null : rank * 10 + (t.tier ?? 9);
    },
    tier: (t) => t.tier,
  },

  csv: [
    { header: 'target_status', level: 'status', value: (t) => t.status },
    { header: 'target_tier', level: 'status', value: (t) => t.tier },
    { header: 'target_rationale', level: 'full', value: (t) => t.rationale },
    { header: 'red_wall_override', level: 'full', value: (t) => t.redWallOverride },
    { header: 'red_wall_reason', level: 'full', value: (t) => t.redWallReason },
    { header: 'target_updated_at', level: 'full', value: (t) => t.updatedAt?.toISOString() ?? null },
    { header: 'target_updated_by', level: 'full', value: (t) => t.updatedBy?.name ?? null },
  ],
});
