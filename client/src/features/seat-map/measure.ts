// What a map measure is: the contract between a feature that says something about seats (the seat
// figures, targets; pilots and selections next) and the explorer that shows it on the map, in the legend,
// the filters, the table and the seat card. Features declare measures; explorer/measures.ts lists them.
import type {
  TBoundarySet,
  TParty,
  TSeatDetail,
  TSeatLayerAccess,
  TSeatSummary,
} from '@groundwork/server/contracts';
import type { ComponentType, ReactNode } from 'react';
import type { QueryParams } from '../../api/http.ts';

/** The parts of a seat row the colour scales read. */
export type SeatValues = Pick<TSeatSummary, 'leavePct' | 'deprivationDecile' | 'result' | 'target' | 'pilot'>;

export interface LegendClass {
  key: string;
  label: string;
  colour: string;
}

export interface LegendGroup {
  heading?: string;
  classes: LegendClass[];
}

/** A measure's legend: its title (naming the unit), its classes, and the class each seat falls in. */
export interface MeasureLegend {
  title: string;
  groups: LegendGroup[];
  /** The class a seat falls in, or null when the seat has no value for this measure. */
  classOf(seat: SeatValues): LegendClass | null;
}

/** What the map, the legend and the tooltips use: one measure's legend for the seats shown. */
export interface ColourScale extends MeasureLegend {
  measure: string;
  /** One line saying a seat's value in words (map tooltips). */
  describe(seat: SeatValues, partyName: (code: string) => string): string;
}

/** Filter values by view-state key, exactly as they are written in the URL; absent when not set. */
export type FilterValues = Readonly<Partial<Record<string, string>>>;

export interface FilterControlProps {
  values: FilterValues;
  /** Sets or (with undefined) clears some of the filter's keys. Stable between renders. */
  onChange: (change: FilterValues) => void;
  /** The measure cannot be used here: the control is disabled and described by the note saying why. */
  disabled: boolean;
  describedBy: string | undefined;
}

/** One filter in the filters panel, and what it adds to the seat list's query (and so to the CSV). */
export interface MeasureFilter {
  /** The view-state keys it owns; each is also its URL parameter. */
  keys: readonly string[];
  /** Reads its keys from a page URL leniently: anything missing or unreadable is left out. */
  read(url: URLSearchParams): FilterValues;
  /** The /api/seats parameters for its values; by default each key as it is. */
  params?(values: FilterValues): QueryParams;
  Control: ComponentType<FilterControlProps>;
}

export interface TableColumn {
  id: string;
  header: string;
  /** A seat-list sort key (SEAT_SORTS); without one the column cannot be sorted. */
  sort?: string;
  numeric?: boolean;
  cell(seat: TSeatSummary, partyName: (code: string) => string): ReactNode;
}

export interface SeatSectionProps {
  seat: TSeatDetail;
}

/** Why a measure cannot be used here: a word or two for the measure menu, and a sentence for the filters. */
export interface Unavailable {
  tag: string;
  reason: string;
}

export interface LegendInput {
  parties: ReadonlyMap<string, TParty>;
  /** The seats shown (e.g. the winner legend lists the parties that won them). */
  seats: readonly SeatValues[];
}

export interface Measure {
  id: string;
  /** Its name in the "Colour seats by" menu. */
  label: string;
  /** The boundary sets it exists on. */
  boundarySets: readonly TBoundarySet[];
  /**
   * Why this caller may not use it, judged from the layers the seat list carries for them (e.g. targets
   * need `layers.target`); undefined when they may. Absent: everyone may.
   */
  denied?(layers: TSeatLayerAccess): Unavailable | undefined;
  legend(input: LegendInput): MeasureLegend;
  describe(seat: SeatValues, partyName: (code: string) => string): string;
  filters?: readonly MeasureFilter[];
  /** Its columns in the seat table, shown whenever the measure can be used. */
  columns?: readonly TableColumn[];
  /**
   * Every sort key the server offers on its layer, the columns' and any other (a shared link may carry
   * one): dropped from the URL's sort wherever the measure cannot be used.
   */
  sorts?: readonly string[];
  /** Its section of the seat card, on the boundary sets it exists on; it decides what the detail allows. */
  CardSection?: ComponentType<SeatSectionProps>;
}

/** Where the explorer is: the boundaries shown and the layers the seat list carried for this caller. */
export interface MeasureContext {
  boundarySet: TBoundarySet;
  /** Undefined until a seat list for these boundaries has loaded. */
  layers: TSeatLayerAccess | undefined;
}

export type Availability =
  | { state: 'ok' }
  /** Not known until the seat list says which layers this caller sees. */
  | { state: 'unknown' }
  | ({ state: 'denied' } & Unavailable);

export function availability(measure: Measure, ctx: MeasureContext): Availability {
  if (!measure.boundarySets.includes(ctx.boundarySet)) {
    const sets = measure.boundarySets.join(' and ');
    return {
      state: 'denied',
      tag: `${sets} only`,
      reason: `${measure.label} is on the ${sets} boundaries only: switch to them to use it.`,
    };
  }
  if (!measure.denied) return { state: 'ok' };
  if (!ctx.layers) return { state: 'unknown' };
  const why = measure.denied(ctx.layers);
  return why ? { state: 'denied', ...why } : { state: 'ok' };
}

export function colourScale(measure: Measure, input: LegendInput): ColourScale {
  return { ...measure.legend(input), measure: measure.id, describe: measure.describe };
}

/** Every filter key of these measures, in their order (the URL's order too). */
export function filterKeys(measures: readonly Measure[]): string[] {
  return measures.flatMap((m) => (m.filters ?? []).flatMap((f) => f.keys));
}

/** Reads every measure's filters from a page URL. */
export function readFilters(url: URLSearchParams, measures: readonly Measure[]): FilterValues {
  const out: Record<string, string> = {};
  for (const m of measures) for (const f of m.filters ?? []) Object.assign(out, f.read(url));
  return out;
}

/** Whether a measure has a value set in any of its filters. */
export function hasFilterValues(measure: Measure, values: FilterValues): boolean {
  return (measure.filters ?? []).some((f) => f.keys.some((k) => values[k] !== undefined));
}

function paramsOf(filter: MeasureFilter, values: FilterValues): QueryParams {
  if (filter.params) return filter.params(values);
  return Object.fromEntries(filter.keys.map((k) => [k, values[k]]));
}

/**
 * The seat-list parameters of the filters that apply here: those of measures this caller can use on these
 * boundaries. The others stay in the URL, unapplied, so the server is never asked for what it would refuse.
 */
export function filterParams(
  values: FilterValues,
  measures: readonly Measure[],
  ctx: MeasureContext,
): QueryParams {
  const out: QueryParams = {};
  for (const m of measures) {
    if (availability(m, ctx).state !== 'ok') continue;
    for (const f of m.filters ?? []) Object.assign(out, paramsOf(f, values));
  }
  return out;
}

/** The sort keys of measures that cannot be used here (sorting by them would be refused). */
export function unusableSorts(measures: readonly Measure[], ctx: MeasureContext): Set<string> {
  const out = new Set<string>();
  for (const m of measures) {
    if (availability(m, ctx).state === 'ok') continue;
    for (const c of m.columns ?? []) if (c.sort) out.add(c.sort);
    for (const key of m.sorts ?? []) out.add(key);
  }
  return out;
}
