import {
  BOUNDARY_SETS,
  DEFAULT_ELECTION,
  ELECTIONS,
  SEAT_SORTS,
  type TBoundarySet,
  type TElectionCode,
} from '@groundwork/server/contracts';
import { MEASURE_IDS, type MeasureId, type TargetStatusCode } from '../seat-map/measures.ts';

export type MapView = 'geo' | 'hex';

/** Everything a shared link must reproduce. Absent filters are undefined, never empty strings. */
export interface ViewState {
  boundarySet: TBoundarySet;
  election: TElectionCode;
  measure: MeasureId;
  view: MapView;
  region?: string | undefined;
  winner?: string | undefined;
  redWall?: boolean | undefined;
  minSwing?: number | undefined;
  maxSwing?: number | undefined;
  /** Target status filter, applied in the browser on the 2024 boundaries (the seat API has no such filter). */
  target?: TargetStatusCode | undefined;
  seat?: string | undefined;
  sort: string;
}

/** Which elections can be shown on which boundaries (the notional 2019 result is on the 2024 seats). */
export const ELECTIONS_BY_SET: Record<TBoundarySet, readonly TElectionCode[]> = {
  '2024': ['GE2024', 'GE2019N'],
  '2010': ['GE2019', 'GE2017'],
};

export const TARGET_FILTERS: readonly TargetStatusCode[] = ['WIN', 'DEFEND', 'HOLD', 'NONE'];

const ONS_CODE = /^[A-Z]\d{8}$/;
const PARTY = /^[A-Za-z]{1,8}$/;
const SORT = new RegExp(`^-?(${SEAT_SORTS.join('|')})$`);

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

function swing(raw: string | null): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/** Reads a query string leniently: anything unrecognised falls back to its default instead of failing. */
export function parseViewState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const boundarySet = oneOf(BOUNDARY_SETS, p.get('boundarySet')) ?? '2024';
  const election = oneOf(ELECTIONS_BY_SET[boundarySet], oneOf(ELECTIONS, p.get('election')) ?? null);
  const region = p.get('region') ?? '';
  const winner = p.get('winner') ?? '';
  const seat = p.get('seat') ?? '';
  const redWall = p.get('redWall');
  let minSwing = swing(p.get('minSwing'));
  let maxSwing = swing(p.get('maxSwing'));
  if (minSwing !== undefined && maxSwing !== undefined && minSwing > maxSwing) {
    [minSwing, maxSwing] = [maxSwing, minSwing];
  }
  return {
    boundarySet,
    election: election ?? DEFAULT_ELECTION[boundarySet],
    measure: oneOf(MEASURE_IDS, p.get('measure')) ?? 'winner',
    view: p.get('view') === 'hex' ? 'hex' : 'geo',
    region: ONS_CODE.test(region) ? region : undefined,
    winner: PARTY.test(winner) ? winner : undefined,
    redWall: redWall === 'true' ? true : redWall === 'false' ? false : undefined,
    minSwing,
    maxSwing,
    target: oneOf(TARGET_FILTERS, p.get('target')),
    seat: ONS_CODE.test(seat) ? seat : undefined,
    sort: SORT.test(p.get('sort') ?? '') ? (p.get('sort') as string) : 'name',
  };
}

/** The inverse of parseViewState; defaults are written too so a link still means the same thing later. */
export function serializeViewState(s: ViewState): string {
  const p = new URLSearchParams();
  p.set('boundarySet', s.boundarySet);
  p.set('election', s.election);
  p.set('measure', s.measure);
  p.set('view', s.view);
  if (s.region) p.set('region', s.region);
  if (s.winner) p.set('winner', s.winner);
  if (s.redWall !== undefined) p.set('redWall', String(s.redWall));
  if (s.minSwing !== undefined) p.set('minSwing', String(s.minSwing));
  if (s.maxSwing !== undefined) p.set('maxSwing', String(s.maxSwing));
  if (s.target) p.set('target', s.target);
  if (s.sort !== 'name') p.set('sort', s.sort);
  if (s.seat) p.set('seat', s.seat);
  return p.toString();
}

/** Applies a change, keeping the election valid for the boundary set it is shown on. */
export function applyChange(state: ViewState, change: Partial<ViewState>): ViewState {
  const next = { ...state, ...change };
  if (!ELECTIONS_BY_SET[next.boundarySet].includes(next.election)) {
    next.election = DEFAULT_ELECTION[next.boundarySet];
  }
  if (change.boundarySet && change.boundarySet !== state.boundarySet && !('seat' in change)) {
    next.seat = undefined; // seat codes belong to one boundary set
  }
  return next;
}

export function hasFilters(s: ViewState): boolean {
  return (
    s.region !== undefined ||
    s.winner !== undefined ||
    s.redWall !== undefined ||
    s.minSwing !== undefined ||
    s.maxSwing !== undefined ||
    s.target !== undefined
  );
}

export const NO_FILTERS: Partial<ViewState> = {
  region: undefined,
  winner: undefined,
  redWall: undefined,
  minSwing: undefined,
  maxSwing: undefined,
  target: undefined,
};
