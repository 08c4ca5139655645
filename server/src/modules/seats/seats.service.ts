import {
  DEFAULT_ELECTION,
  type TSeatLayerAccess,
  type TBoundarySet,
  type TElectionCode,
  type TSeatListQuery,
  type TSeatListResponse,
  type TSeatSummary,
  type TTargetsQuery,
  type TTargetsResponse,
} from '../../contracts/index.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../access/policy.ts';
import { round2, sharePct, swingNeeded, votesFor } from './derived.ts';
import type { AnySeatLayer, SortValue } from './seat-layer.ts';
import { SEAT_LAYERS } from './seat-layers.ts';
import type { SeatRecord, SeatReadModel, Snapshot } from './seat-read-model.ts';
import { ByteBoundedCache } from '../../http/cached-response.ts';

const SORTED_ORDERS_BYTES = 4 * 1024 * 1024;

/** Lower-case and strip accents so "ynys mon" finds "Ynys Môn". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

// One collator for every comparison: String#localeCompare with a locale builds its rules on each call.
const byName = new Intl.Collator('en-GB');

const SORT_VALUE: Record<string, (seat: SeatRecord, election: TElectionCode) => SortValue> = {
  name: (s) => s.name,
  region: (s) => s.region.name,
  winner: (s, e) => s.results.get(e)?.figures.winner ?? null,
  majority: (s, e) => s.results.get(e)?.figures.majority ?? null,
  majorityPct: (s, e) => s.results.get(e)?.figures.majorityPct ?? null,
  swingNeeded: (s, e) => s.results.get(e)?.figures.swingNeeded ?? null,
  turnoutPct: (s, e) => s.results.get(e)?.figures.turnoutPct ?? null,
  leavePct: (s) => s.leavePct,
  deprivationDecile: (s) => s.deprivationDecile,
  electorate: (s) => s.electorate,
};

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : byName.compare(String(a), String(b));
}

/**
 * What one caller sees of the seats on one boundary set: the layers they may see there and at which level.
 * Built per request (cheap: one policy check per layer) from the snapshot the request reads.
 */
export interface SeatView {
  snapshot: Snapshot;
  boundarySet: TBoundarySet;
  signedIn: boolean;
  layers: { layer: AnySeatLayer; level: string; data: unknown }[];
  /** Stable name of what this view shows, e.g. "target:full": the cache key part that depends on the caller. */
  key: string;
  /** True when a signed-out caller sees exactly the same: only such responses may be shared or replayed. */
  public: boolean;
}

function layerLevels(snapshot: Snapshot, set: TBoundarySet, principal: Principal | undefined) {
  return SEAT_LAYERS.flatMap((layer) => {
    if (!layer.boundarySets.includes(set)) return [];
    const data = snapshot.layers.get(layer.id);
    const level = layer.level(principal, data);
    return level === undefined ? [] : [{ layer, level, data }];
  });
}

const viewKey = (layers: SeatView['layers']) => layers.map((l) => `${l.layer.id}:${l.level}`).join(',');

export function seatView(
  snapshot: Snapshot,
  boundarySet: TBoundarySet,
  principal: Principal | undefined,
): SeatView {
  const layers = layerLevels(snapshot, boundarySet, principal);
  const key = viewKey(layers);
  const anonymous = principal ? viewKey(layerLevels(snapshot, boundarySet, undefined)) : key;
  return { snapshot, boundarySet, signedIn: !!principal, layers, key, public: key === anonymous };
}

export function layerAccess(view: SeatView): TSeatLayerAccess {
  return Object.fromEntries(view.layers.map((l) => [l.layer.id, l.level]));
}

/** The red-wall flag in force for this caller: a layer's override they may see, else the computed flag. */
export function effectiveRedWall(seat: SeatRecord, view: SeatView): boolean {
  for (const { layer, level, data } of view.layers) {
    const override = layer.redWallOverride?.(layer.row(data, seat.id), level);
    if (override !== undefined && override !== null) return override;
  }
  return seat.redWall;
}

/** The same flag for a seat in the view's boundary set (a related seat in a detail, through its set's view). */
export function redWallFor(view: SeatView, code: string, computed: boolean): boolean {
  const seat = view.snapshot.byCode.get(`${view.boundarySet}:${code}`);
  return seat ? effectiveRedWall(seat, view) : computed;
}

/** The layer a filter parameter or sort key belongs to, checked against what the caller may see. */
function requireLayer(view: SeatView, layer: AnySeatLayer, field: string) {
  const visible = view.layers.find((l) => l.layer === layer);
  if (visible) return visible;
  if (!layer.boundarySets.includes(view.boundarySet)) {
    throw new AppError(
      'BAD_REQUEST',
      `${layer.noun}s exist on the ${layer.boundarySets.join(', ')} boundaries`,
      [{ field, message: `is only available with boundarySet=${layer.boundarySets.join(' or ')}` }],
    );
  }
  throw new AppError(
    view.signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED',
    view.signedIn ? `Your roles do not show ${layer.noun}s` : `Sign in to use ${layer.noun}s`,
    [{ field, message: view.signedIn ? 'is not visible to you' : 'needs you to sign in' }],
  );
}

export function toSummary(seat: SeatRecord, election: TElectionCode, view?: SeatView): TSeatSummary {
  const figures = seat.results.get(election)?.figures;
  const layerFields = view
    ? Object.fromEntries(
        view.layers.map(({ layer, level, data }) => [
          layer.id,
          layer.fields(layer.row(data, seat.id), level),
        ]),
      )
    : {};
  return {
    code: seat.code,
    name: seat.name,
    boundarySet: seat.boundarySet,
    region: seat.region,
    nation: seat.nation,
    electorate: seat.electorate,
    leavePct: seat.leavePct === null ? null : round2(seat.leavePct),
    deprivationDecile: seat.deprivationDecile,
    redWall: view ? effectiveRedWall(seat, view) : seat.redWall,
    redWallComputed: seat.redWall,
    ...layerFields,
    result: figures
      ? {
          ...figures,
          majorityPct: round2(figures.majorityPct),
          turnoutPct: figures.turnoutPct === null ? null : round2(figures.turnoutPct),
          winnerSharePct: round2(figures.winnerSharePct),
          labSharePct: round2(figures.labSharePct),
          swingNeeded: round2(figures.swingNeeded),
        }
      : null,
  };
}

export class SeatsService {
  /**
   * Seat orders already sorted, per sort, election, boundary set and (for layer sorts) view, for the current
   * snapshot: 650 references each (about 5 KB), within a budget of 4 MB.
   */
  private sortedFor: { snapshot: Snapshot; orders: ByteBoundedCache<SeatRecord[]> } | undefined;

  constructor(private readonly model: SeatReadModel) {}

  /** What this caller sees on this boundary set, from the current snapshot. */
  async view(boundarySet: TBoundarySet, principal: Principal | undefined): Promise<SeatView> {
    return seatView(await this.model.snapshot(), boundarySet, principal);
  }

  private sorted(view: SeatView, election: TElectionCode, sort: string): SeatRecord[] {
    const { snapshot, boundarySet: set } = view;
    if (this.sortedFor?.snapshot !== snapshot) {
      this.sortedFor = {
        snapshot,
        orders: new ByteBoundedCache(SORTED_ORDERS_BYTES, (rows) => rows.length * 8),
      };
    }
    const descending = sort.startsWith('-');
    const sortKey = sort.replace(/^-/, '');
    const byLayer = SEAT_LAYERS.find((l) => sortKey in l.sorts);
    let value: (seat: SeatRecord) => SortValue;
    let key = `${set}|${election}|${sort}`;
    if (byLayer) {
      const { layer, data } = requireLayer(view, byLayer, 'sort');
      const read = layer.sorts[sortKey]!;
      value = (seat) => read(layer.row(data, seat.id));
      key += `|${view.key}`;
    } else {
      const read = SORT_VALUE[sortKey] ?? SORT_VALUE.name!;
      value = (seat) => read(seat, election);
    }
    let rows = this.sortedFor.orders.get(key);
    if (!rows) {
      const values = new Map(snapshot.seats[set].map((r) => [r, value(r)]));
      rows = [...snapshot.seats[set]].sort((a, b) => {
        const av = values.get(a)!;
        const bv = values.get(b)!;
        // Missing values stay last whichever way the column is sorted.
        if (av === null || bv === null) return compareValues(av, bv) || byName.compare(a.name, b.name);
        const order = compareValues(av, bv) * (descending ? -1 : 1);
        return order || byName.compare(a.name, b.name);
      });
      this.sortedFor.orders.set(key, rows);
    }
    return rows;
  }

  /** The filtered, sorted rows (before paging) — the list and the CSV export share it. */
  filteredSeats(query: TSeatListQuery, view: SeatView): { election: TElectionCode; rows: SeatRecord[] } {
    const election = query.election ?? DEFAULT_ELECTION[query.boundarySet];
    const needle = query.q ? foldText(query.q) : undefined;
    const winner = query.winner?.toLowerCase();
    const layerTests: ((seat: SeatRecord) => boolean)[] = [];
    for (const candidate of SEAT_LAYERS) {
      for (const [param, test] of Object.entries(candidate.filters)) {
        const value = (query as Record<string, unknown>)[param];
        if (value === undefined) continue;
        const { layer, data } = requireLayer(view, candidate, param);
        layerTests.push((seat) => test(layer.row(data, seat.id), value as never));
      }
    }
    // Filtering keeps order, so sort the whole set once per (set, election, sort) and filter that.
    const rows = this.sorted(view, election, query.sort).filter((seat) => {
      if (query.region && seat.region.code !== query.region) return false;
      if (query.nation && seat.nation.code !== query.nation) return false;
      if (query.redWall !== undefined && effectiveRedWall(seat, view) !== query.redWall) return false;
      if (needle && !foldText(seat.name).includes(needle) && !seat.code.toLowerCase().includes(needle))
        return false;
      const figures = seat.results.get(election)?.figures;
      if (winner && figures?.winner.toLowerCase() !== winner) return false;
      if (query.minSwing !== undefined && !(figures && round2(figures.swingNeeded) >= query.minSwing))
        return false;
      if (query.maxSwing !== undefined && !(figures && round2(figures.swingNeeded) <= query.maxSwing))
        return false;
      return layerTests.every((test) => test(seat));
    });
    return { election, rows };
  }

  list(query: TSeatListQuery, view: SeatView): TSeatListResponse {
    const { election, rows } = this.filteredSeats(query, view);
    return {
      boundarySet: query.boundarySet,
      election,
      total: rows.length,
      limit: query.limit,
      offset: query.offset,
      layers: layerAccess(view),
      items: rows.slice(query.offset, query.offset + query.limit).map((r) => toSummary(r, election, view)),
    };
  }

  /** Seats ranked by the swing the party needs to take them, smallest first, as target lists read. */
  targets(query: TTargetsQuery, view: SeatView): TTargetsResponse {
    const { snapshot } = view;
    const election = query.election ?? DEFAULT_ELECTION[query.boundarySet];
    const party = query.party;
    const ranked = snapshot.seats[query.boundarySet]
      .filter((seat) => !query.region || seat.region.code === query.region)
      .flatMap((seat) => {
        const result = seat.results.get(election);
        if (!result || result.input.winner.toLowerCase() === party.toLowerCase()) return [];
        const { swing } = swingNeeded(result.input, canonicalParty(result.input, party));
        if (query.maxSwing !== undefined && round2(swing) > query.maxSwing) return [];
        return [{ seat, result, swing }];
      })
      .sort((a, b) => a.swing - b.swing || byName.compare(a.seat.name, b.seat.name));
    return {
      boundarySet: query.boundarySet,
      election,
      party,
      total: ranked.length,
      items: ranked.slice(query.offset, query.offset + query.limit).map(({ seat, result, swing }, i) => ({
        rank: query.offset + i + 1,
        code: seat.code,
        name: seat.name,
        region: seat.region,
        winner: result.figures.winner,
        second: result.figures.second,
        majority: result.figures.majority,
        majorityPct: round2(result.figures.majorityPct),
        partySharePct: round2(
          sharePct(votesFor(result.input, canonicalParty(result.input, party)), result.input.validVotes),
        ),
        winnerSharePct: round2(result.figures.winnerSharePct),
        swingNeeded: round2(swing),
        redWall: effectiveRedWall(seat, view),
      })),
    };
  }
}

/** Party codes are matched case-insensitively ("lab" is Lab). */
function canonicalParty(input: { votes: readonly { party: string }[] }, party: string): string {
  return input.votes.find((v) => v.party.toLowerCase() === party.toLowerCase())?.party ?? party;
}
