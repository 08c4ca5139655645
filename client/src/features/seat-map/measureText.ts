import { TARGET_STATUS_LABELS, type MeasureId, type SeatValues } from './measures.ts';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? 'no data' : `${v.toFixed(1)}%`;

/** One line saying a seat's value for the measure, in words (map tooltips). */
export function describeValue(
  measure: MeasureId,
  seat: SeatValues,
  partyName: (code: string) => string,
): string {
  const r = seat.result;
  switch (measure) {
    case 'winner':
      return r ? `Won by ${partyName(r.winner)}` : 'No result';
    case 'majorityPct':
      return r ? `Majority ${r.majority.toLocaleString('en-GB')} (${pct(r.majorityPct)})` : 'No result';
    case 'swingNeeded':
      return r ? `Labour needs ${r.swingNeeded.toFixed(1)} pts swing to ${r.swingKind}` : 'No result';
    case 'leavePct':
      return `Leave ${pct(seat.leavePct)}`;
    case 'turnoutPct':
      return `Turnout ${pct(r?.turnoutPct)}`;
    case 'deprivationDecile':
      return seat.deprivationDecile === null
        ? 'Deprivation: no data'
        : `Deprivation decile ${seat.deprivationDecile}`;
    case 'target': {
      const t = seat.target;
      if (t === undefined) return 'Target: not loaded';
      if (t === null || t.status === 'NONE') return 'No target';
      return `Target: ${TARGET_STATUS_LABELS[t.status]}${t.tier === null ? '' : `, tier ${t.tier}`}`;
    }
  }
}
