import type { TBoundarySet, TSeatLayerAccess } from '@groundwork/server/contracts';
import { useMemo, useState, type ComponentType } from 'react';
import { ApiError } from '../../api/ApiError.ts';
import { toSearchParams } from '../../api/http.ts';
import { usePartyIndex } from '../reference/api.ts';
import {
  availability,
  colourScale,
  hasFilterValues,
  type Availability,
  type Measure,
  type MeasureContext,
  type MeasureFilter,
  type SeatSectionProps,
  type TableColumn,
} from '../seat-map/measure.ts';
import { seatCsvUrl, useSeatList, useSeatViewer } from '../seats/api.ts';
import { DEFAULT_MEASURE, MEASURES } from './measures.ts';
import { seatListParams, type ViewState } from './viewState.ts';

export interface MeasureOption {
  id: string;
  label: string;
  availability: Availability;
}

/** A measure's filters for the filters panel, with why they cannot be used here when they cannot. */
export interface FilterGroup {
  id: string;
  filters: readonly MeasureFilter[];
  availability: Availability;
}

export interface CardSection {
  id: string;
  Section: ComponentType<SeatSectionProps>;
}

/**
 * Remembers, per viewer and boundary set, which layers the last seat list carried: that decides which
 * measures can be used, and so which filters go into the next request. Until a list has loaded the
 * layered measures are 'unknown' and their filters wait, so the server is never asked for what it
 * would refuse.
 */
function useKnownLayers(viewer: string, boundarySet: TBoundarySet) {
  const [known, setKnown] = useState<Readonly<Record<string, TSeatLayerAccess>>>({});
  const key = (set: TBoundarySet) => `${viewer}:${set}`;
  const learn = (set: TBoundarySet, layers: TSeatLayerAccess) => {
    if (JSON.stringify(known[key(set)]) !== JSON.stringify(layers)) {
      setKnown((prev) => ({ ...prev, [key(set)]: layers }));
    }
  };
  return { layers: known[key(boundarySet)], learn };
}

/**
 * Everything the explorer shows, derived from the view state and the registry of measures: the seat list
 * (with the filters that apply), the colour scale, the measure menu, the filter groups, the table columns
 * and the seat-card sections.
 */
export function useSeatView(state: ViewState, measures: readonly Measure[] = MEASURES) {
  const viewer = useSeatViewer();
  const known = useKnownLayers(viewer, state.boundarySet);
  const ctx: MeasureContext = useMemo(
    () => ({ boundarySet: state.boundarySet, layers: known.layers }),
    [state.boundarySet, known.layers],
  );
  const params = seatListParams(state, ctx, measures);
  const list = useSeatList(params, viewer);
  // Learnt during render (not in an effect) so the next request goes out in the same pass.
  if (list.data && !list.isPlaceholderData) known.learn(list.data.boundarySet, list.data.layers);
  // A 401 names a layer field the caller no longer sees (signed out elsewhere, targets made private):
  // ask again without the layers.
  if (list.error instanceof ApiError && list.error.status === 401) known.learn(state.boundarySet, {});

  const status = useMemo(
    () => new Map(measures.map((m) => [m.id, availability(m, ctx)] as const)),
    [measures, ctx],
  );
  const usable = (m: Measure) => status.get(m.id)?.state === 'ok';
  const chosen = measures.find((m) => m.id === state.measure) ?? DEFAULT_MEASURE;
  // Fall back only when the chosen measure is known not to work here; while unknown, keep it.
  const measure = status.get(chosen.id)?.state === 'denied' ? DEFAULT_MEASURE : chosen;
  // Filters in the URL whose measure is not yet known to work: the rows shown are not their answer yet.
  const waiting = measures.some(
    (m) => status.get(m.id)?.state === 'unknown' && hasFilterValues(m, state.filters),
  );

  const partyIndex = usePartyIndex();
  const rows = list.data?.items;
  const scale = useMemo(
    () => colourScale(measure, { parties: partyIndex, seats: rows ?? [] }),
    [measure, partyIndex, rows],
  );
  const settled = !list.isPlaceholderData && !waiting;
  const matches = useMemo(() => (rows && settled ? rows.map((s) => s.code) : undefined), [rows, settled]);

  const options: MeasureOption[] = measures.map((m) => ({
    id: m.id,
    label: m.label,
    availability: status.get(m.id) ?? { state: 'unknown' },
  }));
  const filterGroups: FilterGroup[] = measures
    .filter((m) => m.filters?.length)
    .map((m) => ({
      id: m.id,
      filters: m.filters ?? [],
      availability: status.get(m.id) ?? { state: 'unknown' },
    }));
  const columns: TableColumn[] = measures.filter(usable).flatMap((m) => m.columns ?? []);
  const cardSections: CardSection[] = measures.flatMap((m) =>
    m.CardSection && m.boundarySets.includes(state.boundarySet) ? [{ id: m.id, Section: m.CardSection }] : [],
  );

  return {
    viewer,
    list,
    rows,
    /** The list is still the answer to an earlier query (a new one loads, or filters wait). */
    updating: list.isPlaceholderData || waiting,
    matches,
    measure: measure.id,
    scale,
    options,
    filterGroups,
    columns,
    cardSections,
    /** Whether the rows shown are narrowed by any filter. */
    filtered:
      state.region !== undefined || measures.some((m) => usable(m) && hasFilterValues(m, state.filters)),
    csvUrl: seatCsvUrl(params),
    /** Changes with the filters, not the sort: the table starts again at page one. */
    tableKey: toSearchParams({ ...params, sort: undefined }).toString(),
  };
}
