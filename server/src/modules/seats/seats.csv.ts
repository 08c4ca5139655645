import { stringify } from 'csv-stringify/sync';
import type { TElectionCode } from '../../contracts/index.ts';
import { toSummary } from './seats.service.ts';
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
  'leave_pct',
  'deprivation_decile',
  'electorate',
] as const;

/** The seat list as CSV, one row per seat, in the order shown. */
export function seatsCsv(rows: readonly SeatRecord[], election: TElectionCode): string {
  const records = rows.map((seat) => {
    const s = toSummary(seat, election);
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
      s.leavePct ?? '',
      s.deprivationDecile ?? '',
      s.electorate ?? '',
    ];
  });
  return stringify([[...COLUMNS], ...records]);
}
