// The target layer as a map measure: seat colours by status and tier, the target filters, the table's
// target column and the seat card's target section. The seat list carries each 2024 seat's target for
// callers who may see targets (its `layers.target` says so); nothing is joined in the browser.
import { TARGET_LAYER_SORTS, type TSeatSummary, type TTargetLayer } from '@groundwork/server/contracts';
import type { LegendClass, LegendGroup, Measure, MeasureFilter, MeasureLegend } from '../seat-map/measure.ts';
import { STATUS_LABELS, TARGET_STATUSES, type TargetStatus } from './api.ts';
import { TargetStatusFilter, TargetTierFilter } from './TargetFilters.tsx';
import { TargetSection, targetSummary } from './TargetSection.tsx';

// One hue per status, darkest for tier 1; the labels carry status and tier so colour is never needed.
const TARGET_COLOURS: Record<Exclude<TargetStatus, 'NONE'>, readonly string[]> = {
  WIN: ['#a50f15', '#ef3b2c', '#fc9272'],
  DEFEND: ['#08519c', '#4292c6', '#9ecae1'],
  HOLD: ['#006d2c', '#41ab5d', '#a1d99b'],
};
const NO_TARGET_COLOUR = '#f6f1e1';

/** Target status in one hue per status, shaded by tier; seats without a status are "No target". */
export function targetLegend(): MeasureLegend {
  const groups: LegendGroup[] = (['WIN', 'DEFEND', 'HOLD'] as const).map((status) => ({
    heading: STATUS_LABELS[status],
    classes: TARGET_COLOURS[status].map((colour, i) => ({
      key: `${status}-${i + 1}`,
      label: `${STATUS_LABELS[status]}, tier ${i + 1}`,
      colour,
    })),
  }));
  const none: LegendClass = { key: 'NONE', label: STATUS_LABELS.NONE, colour: NO_TARGET_COLOUR };
  groups.push({ classes: [none] });
  const byKey = new Map(groups.flatMap((g) => g.classes).map((c) => [c.key, c]));
  return {
    title: 'Target status (2024 boundaries; tier 1 = top priority)',
    groups,
    // The measure is only used when the list carries targets, so a seat without one has none.
    classOf: ({ target }) => {
      if (!target || target.status === 'NONE') return none;
      const { status, tier } = target;
      return (
        byKey.get(`${status}-${tier ?? ''}`) ?? {
          key: `${status}-`,
          label: `${STATUS_LABELS[status]}, no tier`,
          colour: TARGET_COLOURS[status][2] as string,
        }
      );
    },
  };
}

function describeTarget({ target }: { target?: TTargetLayer | undefined }): string {
  if (!target || target.status === 'NONE') return 'No target';
  return `Target: ${targetSummary(target)}`;
}

function oneOf(values: readonly string[], key: string): MeasureFilter['read'] {
  return (url) => {
    const v = url.get(key);
    return v !== null && values.includes(v) ? { [key]: v } : {};
  };
}

const statusFilter: MeasureFilter = {
  keys: ['target'],
  read: oneOf(TARGET_STATUSES, 'target'),
  Control: TargetStatusFilter,
};

const tierFilter: MeasureFilter = {
  keys: ['tier'],
  read: oneOf(['1', '2', '3'], 'tier'),
  Control: TargetTierFilter,
};

/** Status and tier, and a word where staff set the red-wall flag against the computed one. */
function TargetCell({ seat }: { seat: TSeatSummary }) {
  const t = seat.target;
  if (!t) return '–';
  const override = t.redWallOverride;
  return (
    <>
      {t.status === 'NONE' ? '–' : targetSummary(t)}
      {override !== null && override !== undefined && (
        <span
          className="badge badge--small badge--override"
          title={t.redWallReason ? `Red-wall flag set by staff: ${t.redWallReason}` : undefined}
        >
          {override ? 'Red wall by staff' : 'Not red wall by staff'}
        </span>
      )}
    </>
  );
}

export const targetMeasure: Measure = {
  id: 'target',
  label: 'Target status',
  boundarySets: ['2024'],
  denied: (layers) =>
    layers.target ? undefined : { tag: 'sign in', reason: 'Sign in to see seat targets.' },
  legend: targetLegend,
  describe: describeTarget,
  filters: [statusFilter, tierFilter],
  columns: [{ id: 'target', header: 'Target', sort: 'target', cell: (s) => <TargetCell seat={s} /> }],
  // `tier` has no column of its own, but a regional staffer's shared link can sort by it.
  sorts: TARGET_LAYER_SORTS,
  CardSection: TargetSection,
};
