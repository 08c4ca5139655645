import { toCsv } from '../../http/csv.ts';
import type { TElectionCode } from '../../contracts/index.ts';
import { reaches } from './seat-layer.ts';
import { toSummary, type SeatView } from './seats.service.ts';
import type { SeatRecord } from './seat-read-model.ts';

const COLUMNS = [
  'ons_code',
  'name',
  'boundary_set',
  'region',
  'nation',
  'election',
  'winner',
  'second',
  'majority',
  'majority_pct',
  'turnout_pct',
  'winner_share_pct',
  'lab_share_pct',
  'swing_needed_pct',
  'swing_kind',
  'changed_hands',
  'result',
  'red_wall',
  'red_wall_computed',
  'leave_pct',
  'deprivation_decile',
  'electorate',
] as const;

/**
 * The seat list as CSV, one row per seat, in the order shown; then each layer's columns that this caller
 * may see (`red_wall` is the flag in force for them, `red_wall_computed` the flag from the results).
 */
export function seatsCsv(rows: readonly SeatRecord[], election: TElectionCode, view: SeatView): string {
  const layerColumns = view.layers.flatMap(({ layer, level, data }) =>
    layer.csv
      .filter((c) => reaches(layer, level, c.level))
      .map((c) => ({ header: c.header, value: (seat: SeatRecord) => c.value(layer.row(data, seat.id)) })),
  );
  const records = rows.map((seat) => {
    const s = toSummary(seat, election, view);
    const r = s.result;
    return [
      s.code,
      s.name,
      s.boundarySet,
      s.region.name,
      s.nation.name,
      election,
      r?.winner ?? '',
      r?.second ?? '',
      r?.majority ?? '',
      r?.majorityPct ?? '',
      r?.turnoutPct ?? '',
      r?.winnerSharePct ?? '',
      r?.labSharePct ?? '',
      r?.swingNeeded ?? '',
      r?.swingKind ?? '',
      r ? String(r.changedHands) : '',
      r?.resultText ?? '',
      String(s.redWall),
      String(s.redWallComputed),
      s.leavePct ?? '',
      s.deprivationDecile ?? '',
      s.electorate ?? '',
      ...layerColumns.map((c) => {
        const value = c.value(seat);
        return typeof value === 'boolean' ? String(value) : value;
      }),
    ];
  });
  return toCsv([...COLUMNS, ...layerColumns.map((c) => c.header)], records);
}
