import type { FilterControlProps } from '../seat-map/measure.ts';
import { SelectFilter } from '../seat-map/SelectFilter.tsx';
import { STATUS_LABELS, TARGET_STATUSES } from './api.ts';

const STATUS_OPTIONS = [
  { value: '', label: 'Any' },
  ...TARGET_STATUSES.map((t) => ({ value: t, label: STATUS_LABELS[t] })),
];
const TIER_OPTIONS = [
  { value: '', label: 'Any' },
  { value: '1', label: '1 (top priority)' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
];

/** Seats with one target status (No target included). */
export function TargetStatusFilter(props: FilterControlProps) {
  return <SelectFilter {...props} param="target" label="Target status" options={STATUS_OPTIONS} />;
}

/** Targets of one tier, whatever their status. */
export function TargetTierFilter(props: FilterControlProps) {
  return <SelectFilter {...props} param="tier" label="Target tier" options={TIER_OPTIONS} />;
}
