import {
  BOUNDARY_SETS,
  DEFAULT_ELECTION,
  ELECTIONS,
  SEAT_SORTS,
  type TBoundarySet,
  type TElectionCode,
} from '@groundwork/server/contracts';
import type { QueryParams } from '../../api/http.ts';
import {
  filterKeys,
  filterParams,
  readFilters,
  unusableSorts,
  type FilterValues,
  type Measure,
  type MeasureContext,
} from '../seat-map/measure.ts';
import { DEFAULT_MEASURE, MEASURES } from './measures.ts';

export type MapView = 'geo' | 'hex';

/** Everything a shared link must reproduce. Absent filters are undefined, never empty strings. */
export interface ViewState {
  boundarySet: TBoundarySet;
  election: TElectionCode;
  /** A measure id from the registry (explorer/measures.ts). */
  measure: string;
  view: MapView;
  region?: string | undefined;
  /**
   * The measures' filters (winner, red wall, swing, target, tier, …) by key, as written in the URL. In a
   * change they are merged into the current ones, and a key set to undefined is cleared.
   */
  filters: FilterValues;
  seat?: string | undefined;
  sort: string;
}

/** Which elections can be shown on which boundaries (the notional 2019 result is on the 2024 seats). */
export const ELECTIONS_BY_SET: Record<TBoundarySet, readonly TElectionCode[]> = {
  '2024': ['GE2024', 'GE2019N'],
  '2010': ['GE2019', 'GE2017'],
};

const ONS_CODE = /^[A-Z]\d{8}$/;
const SORT = new RegExp(`^-?(${SEAT_SORTS.join('|')})$`);

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

/** Reads a query string leniently: anything unrecognised falls back to its default instead of failing. */
export function parseViewState(search: string, measures: readonly Measure[] = MEASURES): ViewState {
  const p = new URLSearchParams(search);
  const boundarySet = oneOf(BOUNDARY_SETS, p.get('boundarySet')) ?? '2024';
  const election = oneOf(ELECTIONS_BY_SET[boundarySet], oneOf(ELECTIONS, p.get('election')) ?? null);
  const region = p.get('region') ?? '';
  const seat = p.get('seat') ?? '';
  const measure = p.get('measure');
  return {
    boundarySet,
    election: election ?? DEFAULT_ELECTION[boundarySet],
    measure: measures.find((m) => m.id === measure)?.id ?? measures[0]?.id ?? DEFAULT_MEASURE.id,
    view: p.get('view') === 'hex' ? 'hex' : 'geo',
    region: ONS_CODE.test(region) ? region : undefined,
    filters: readFilters(p, measures),
    seat: ONS_CODE.test(seat) ? seat : undefined,
    sort: SORT.test(p.get('sort') ?? '') ? (p.get('sort') as string) : 'name',
  };
}

/** The inverse of parseViewState; defaults are written too so a link still means the same thing later. */
export function serializeViewState(s: ViewState, measures: readonly Measure[] = MEASURES): string {
  const p = new URLSearchParams();
  p.set('boundarySet', s.boundarySet);
  p.set('election', s.election);
  p.set('measure', s.measure);
  p.set('view', s.view);
  if (s.region) p.set('region', s.region);
  for (const key of filterKeys(measures)) {
    const value = s.filters[key];
    if (value !== undefined) p.set(key, value);
  }
  if (s.sort !== 'name') p.set('sort', s.sort);
  if (s.seat) p.set('seat', s.seat);
  return p.toString();
}

/** Merges filter changes: a key set to undefined is removed, so absent and unset are the same thing. */
function mergeFilters(current: FilterValues, change: FilterValues): FilterValues {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...current, ...change })) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Applies a change, keeping the election valid for the boundary set it is shown on. */
export function applyChange(state: ViewState, change: Partial<ViewState>): ViewState {
  const next = { ...state, ...change };
  if (change.filters) next.filters = mergeFilters(state.filters, change.filters);
  if (!ELECTIONS_BY_SET[next.boundarySet].includes(next.election)) {
    next.election = DEFAULT_ELECTION[next.boundarySet];
  }
  if (change.boundarySet && change.boundarySet !== state.boundarySet && !('seat' in change)) {
    next.seat = undefined; // seat codes belong to one boundary set
  }
  return next;
}

/** How many filters are set (the region, and each filter key with a value). */
export function filterCount(s: Pick<ViewState, 'region' | 'filters'>): number {
  return (s.region === undefined ? 0 : 1) + Object.values(s.filters).filter((v) => v !== undefined).length;
}

export function hasFilters(s: Pick<ViewState, 'region' | 'filters'>): boolean {
  return filterCount(s) > 0;
}

/** The change that clears the region and every measure's filters. */
export const NO_FILTERS: Partial<ViewState> = {
  region: undefined,
  filters: Object.fromEntries(filterKeys(MEASURES).map((k) => [k, undefined])),
};

/**
 * The seat-list query for a view: the same parameters feed the map, the table and the CSV link. Filters
 * and sort keys of measures that cannot be used here (other boundaries, or layers this caller does not
 * see) are left out rather than sent to be refused.
 */
export function seatListParams(
  s: ViewState,
  ctx: MeasureContext,
  measures: readonly Measure[] = MEASURES,
): QueryParams {
  const sortKey = s.sort.replace(/^-/, '');
  return {
    boundarySet: s.boundarySet,
    election: s.election,
    region: s.region,
    ...filterParams(s.filters, measures, ctx),
    sort: unusableSorts(measures, ctx).has(sortKey) ? 'name' : s.sort,
  };
}
