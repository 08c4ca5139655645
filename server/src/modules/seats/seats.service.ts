import {
  DEFAULT_ELECTION,
  type TBoundarySet,
  type TElectionCode,
  type TSeatListQuery,
  type TSeatListResponse,
  type TSeatSummary,
  type TTargetsQuery,
  type TTargetsResponse,
} from '../../contracts/index.ts';
import { round2, sharePct, swingNeeded, votesFor } from './derived.ts';
import type { SeatRecord, SeatReadModel, Snapshot } from './seat-read-model.ts';

/** Lower-case and strip accents so "ynys mon" finds "Ynys Môn". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

type SortValue = string | number | null;

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

export function toSummary(seat: SeatRecord, election: TElectionCode): TSeatSummary {
  const figures = seat.results.get(election)?.figures;
  return {
    code: seat.code,
    name: seat.name,
    boundarySet: seat.boundarySet,
    region: seat.region,
    nation: seat.nation,
    electorate: seat.electorate,
    leavePct: seat.leavePct === null ? null : round2(seat.leavePct),
    deprivationDecile: seat.deprivationDecile,
    redWall: seat.redWall,
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
  private sortedFor: { snapshot: Snapshot; orders: Map<string, SeatRecord[]> } | undefined;

  constructor(private readonly model: SeatReadModel) {}

  private sorted(snapshot: Snapshot, set: TBoundarySet, election: TElectionCode, sort: string): SeatRecord[] {
    if (this.sortedFor?.snapshot !== snapshot) this.sortedFor = { snapshot, orders: new Map() };
    const key = `${set}|${election}|${sort}`;
    let rows = this.sortedFor.orders.get(key);
    if (!rows) {
      const descending = sort.startsWith('-');
      const value = SORT_VALUE[sort.replace(/^-/, '')] ?? SORT_VALUE.name!;
      const values = new Map(snapshot.seats[set].map((r) => [r, value(r, election)]));
      rows = [...snapshot.seats[set]].sort((a, b) => {
        const av = values.get(a)!;
        const bv = values.get(b)!;
        // Missing values stay last whichever way the column is sorted.
        if (av === null || bv === null) return compareValues(av, bv);
        const order = compareValues(av, bv) * (descending ? -1 : 1);
        return order || byName.compare(a.name, b.name);
      });
      this.sortedFor.orders.set(key, rows);
    }
    return rows;
  }

  version(): Promise<number> {
    return this.model.snapshot().then((s) => s.version);
  }

  /** The filtered, sorted rows (before paging) — the list and the CSV export share it. */
  async filteredSeats(query: TSeatListQuery): Promise<{ election: TElectionCode; rows: SeatRecord[] }> {
    const snapshot = await this.model.snapshot();
    const election = query.election ?? DEFAULT_ELECTION[query.boundarySet];
    const needle = query.q ? foldText(query.q) : undefined;
    const winner = query.winner?.toLowerCase();
    // Filtering keeps order, so sort the whole set once per (set, election, sort) and filter that.
    const rows = this.sorted(snapshot, query.boundarySet, election, query.sort).filter((seat) => {
      if (query.region && seat.region.code !== query.region) return false;
      if (query.nation && seat.nation.code !== query.nation) return false;
      if (query.redWall !== undefined && seat.redWall !== query.redWall) return false;
      if (needle && !foldText(seat.name).includes(needle)) return false;
      const figures = seat.results.get(election)?.figures;
      if (winner && figures?.winner.toLowerCase() !== winner) return false;
      if (query.minSwing !== undefined && !(figures && round2(figures.swingNeeded) >= query.minSwing))
        return false;
      if (query.maxSwing !== undefined && !(figures && round2(figures.swingNeeded) <= query.maxSwing))
        return false;
      return true;
    });
    return { election, rows };
  }

  async list(query: TSeatListQuery): Promise<TSeatListResponse> {
    const { election, rows } = await this.filteredSeats(query);
    return {
      boundarySet: query.boundarySet,
      election,
      total: rows.length,
      limit: query.limit,
      offset: query.offset,
      items: rows.slice(query.offset, query.offset + query.limit).map((r) => toSummary(r, election)),
    };
  }

  /** Seats ranked by the swing the party needs to take them, smallest first, as target lists read. */
  async targets(query: TTargetsQuery): Promise<TTargetsResponse> {
    const snapshot = await this.model.snapshot();
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
        redWall: seat.redWall,
      })),
    };
  }
}

/** Party codes are matched case-insensitively ("lab" is Lab). */
function canonicalParty(input: { votes: readonly { party: string }[] }, party: string): string {
  return input.votes.find((v) => v.party.toLowerCase() === party.toLowerCase())?.party ?? party;
}
