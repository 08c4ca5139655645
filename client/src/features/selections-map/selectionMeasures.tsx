// The selection layer as two map measures: "Selection stage" (how far the seat's latest general or
// by-election selection has got) and "Selection compliance" (whether it keeps the rules). The seat list
// carries each 2024 seat's stage and state for signed-in callers (`layers.selection`); no names.
// The card section belongs to the first measure only: the explorer shows every measure's section.
import {
  SELECTION_LAYER_SORTS,
  SELECTION_STAGES,
  SELECTION_STAGE_GROUPS,
  SELECTION_STAGE_LABELS,
  type TSeatLayerAccess,
  type TSeatSummary,
  type TSelectionLayer,
  type TSelectionLayerState,
  type TSelectionStage,
} from '@groundwork/server/contracts';
import type {
  FilterControlProps,
  LegendClass,
  Measure,
  MeasureFilter,
  MeasureLegend,
  SeatValues,
  Unavailable,
} from '../seat-map/measure.ts';
import { SelectFilter } from '../seat-map/SelectFilter.tsx';
import { COMPLIANCE_LABELS } from './labels.ts';
import { SelectionSection } from './SelectionSection.tsx';

export const STAGE_MEASURE_ID = 'selection-stage';
export const COMPLIANCE_MEASURE_ID = 'selection-compliance';

/** The selection fields of a seat row; the seat rows the map passes are full summaries. */
export function selectionOf(seat: SeatValues): TSelectionLayer | undefined {
  return (seat as Partial<Pick<TSeatSummary, 'selection'>>).selection;
}

function denied(layers: TSeatLayerAccess): Unavailable | undefined {
  return layers.selection ? undefined : { tag: 'sign in', reason: 'Sign in to see selections.' };
}

// Not 'none': the legend counts seats without any class (no data) under that key.
const NO_SELECTION: LegendClass = { key: 'no-selection', label: 'No selection', colour: '#f6f1e1' };

// Later stages in deeper purples; the labels name every stage in the group.
const STAGE_CLASSES: Record<keyof typeof SELECTION_STAGE_GROUPS, LegendClass> = {
  early: { key: 'early', label: 'Timetable or applications', colour: '#dadaeb' },
  lists: { key: 'lists', label: 'Longlist or shortlist', colour: '#9e9ac8' },
  vote: { key: 'vote', label: "Hustings or members' ballot", colour: '#6a51a3' },
  done: { key: 'done', label: 'Selected or endorsed', colour: '#3f007d' },
};
const GROUP_OF = new Map<TSelectionStage, keyof typeof SELECTION_STAGE_GROUPS>(
  Object.entries(SELECTION_STAGE_GROUPS).flatMap(([group, stages]) =>
    stages.map((s) => [s, group as keyof typeof SELECTION_STAGE_GROUPS] as const),
  ),
);

export function stageClass(stage: TSelectionStage | null | undefined): LegendClass {
  const group = stage ? GROUP_OF.get(stage) : undefined;
  return group ? STAGE_CLASSES[group] : NO_SELECTION;
}

export function stageLegend(): MeasureLegend {
  return {
    title: 'Selection stage (general or by-election)',
    groups: [{ classes: [...Object.values(STAGE_CLASSES), NO_SELECTION] }],
    // The measure is only used when the list carries the layer, so a row without it has no selection.
    classOf: (seat) => stageClass(selectionOf(seat)?.selectionStage),
  };
}

export function describeStage(seat: SeatValues): string {
  const stage = selectionOf(seat)?.selectionStage;
  return stage ? `Selection: ${SELECTION_STAGE_LABELS[stage]}` : 'No selection';
}

// Red for broken and amber for at risk, as a traffic light; the words carry it without colour.
const COMPLIANCE_CLASSES: Record<TSelectionLayerState, LegendClass> = {
  broken: { key: 'broken', label: COMPLIANCE_LABELS.broken, colour: '#c0392b' },
  at_risk: { key: 'at_risk', label: COMPLIANCE_LABELS.at_risk, colour: '#f0a030' },
  kept: { key: 'kept', label: COMPLIANCE_LABELS.kept, colour: '#2e8b57' },
};

export function complianceClass(state: TSelectionLayerState | null | undefined): LegendClass {
  return state ? COMPLIANCE_CLASSES[state] : NO_SELECTION;
}

export function complianceLegend(): MeasureLegend {
  return {
    title: 'Selection rules: kept, at risk or broken',
    groups: [{ classes: [...Object.values(COMPLIANCE_CLASSES), NO_SELECTION] }],
    classOf: (seat) => complianceClass(selectionOf(seat)?.selectionCompliance),
  };
}

export function describeCompliance(seat: SeatValues): string {
  const s = selectionOf(seat);
  if (!s?.selectionCompliance) return 'No selection';
  const broken = s.selectionBroken;
  return s.selectionCompliance === 'broken'
    ? `${broken} ${broken === 1 ? 'rule' : 'rules'} broken`
    : COMPLIANCE_LABELS[s.selectionCompliance];
}

function selectFilter(param: string, label: string, options: { value: string; label: string }[]) {
  const values = options.map((o) => o.value).filter(Boolean);
  const Control = (props: FilterControlProps) => (
    <SelectFilter {...props} param={param} label={label} options={options} />
  );
  const filter: MeasureFilter = {
    keys: [param],
    read: (url) => {
      const v = url.get(param);
      return v !== null && values.includes(v) ? { [param]: v } : {};
    },
    Control,
  };
  return filter;
}

const stageFilter = selectFilter('selectionStage', 'Selection stage', [
  { value: '', label: 'Any seat' },
  ...SELECTION_STAGES.map((s) => ({ value: s, label: SELECTION_STAGE_LABELS[s] })),
  { value: 'none', label: 'No selection' },
]);

const complianceFilter = selectFilter('selectionCompliance', 'Selection compliance', [
  { value: '', label: 'Any seat' },
  { value: 'broken', label: COMPLIANCE_LABELS.broken },
  { value: 'at_risk', label: COMPLIANCE_LABELS.at_risk },
  { value: 'kept', label: COMPLIANCE_LABELS.kept },
  { value: 'none', label: 'No selection' },
]);

const stageCell = (s: TSeatSummary) => {
  const stage = s.selection?.selectionStage;
  return stage ? SELECTION_STAGE_LABELS[stage] : '–';
};
const complianceCell = (s: TSeatSummary) => {
  const state = s.selection?.selectionCompliance;
  return state ? COMPLIANCE_LABELS[state] : '–';
};

export const stageMeasure: Measure = {
  id: STAGE_MEASURE_ID,
  label: 'Selection stage',
  boundarySets: ['2024'],
  denied,
  legend: stageLegend,
  describe: describeStage,
  filters: [stageFilter],
  columns: [{ id: 'selection-stage', header: 'Selection stage', sort: 'selectionStage', cell: stageCell }],
  sorts: SELECTION_LAYER_SORTS,
  CardSection: SelectionSection,
};

export const complianceMeasure: Measure = {
  id: COMPLIANCE_MEASURE_ID,
  label: 'Selection compliance',
  boundarySets: ['2024'],
  denied,
  legend: complianceLegend,
  describe: describeCompliance,
  filters: [complianceFilter],
  columns: [
    {
      id: 'selection-compliance',
      header: 'Selection rules',
      sort: 'selectionCompliance',
      cell: complianceCell,
    },
  ],
  sorts: SELECTION_LAYER_SORTS,
};

export const SELECTION_MEASURES: readonly Measure[] = [stageMeasure, complianceMeasure];
