import { useCallback, useMemo } from 'react';
import { SwingRange } from '../../explorer/components/SwingRange.tsx';
import { useParties } from '../../reference/api.ts';
import type { FilterControlProps } from '../../seat-map/measure.ts';
import { SelectFilter } from '../../seat-map/SelectFilter.tsx';

/** The winning party: any, or one party (a code from a shared link is kept even if not in the list). */
export function WinnerFilter(props: FilterControlProps) {
  const parties = useParties();
  const winner = props.values.winner;
  const options = useMemo(() => {
    // A plain comparison, not localeCompare: its first call loads the collation tables (~30 ms) while the
    // map draws, and party names differ in their first letters.
    const sorted = [...(parties.data ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return [
      { value: '', label: 'Any party' },
      ...(winner && !sorted.some((p) => p.code === winner) ? [{ value: winner, label: winner }] : []),
      ...sorted.map((p) => ({ value: p.code, label: p.name })),
    ];
  }, [parties.data, winner]);
  return <SelectFilter {...props} param="winner" label="Winner" options={options} />;
}

const RED_WALL_OPTIONS = [
  { value: '', label: 'All seats' },
  { value: 'true', label: 'Red-wall seats only' },
  { value: 'false', label: 'Not red wall' },
];

/** Red-wall seats, or the others: the flag in force, a staff override included. */
export function RedWallFilter(props: FilterControlProps) {
  return <SelectFilter {...props} param="redWall" label="Red wall" options={RED_WALL_OPTIONS} />;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const text = (v: number | undefined) => (v === undefined ? undefined : String(v));

/** The swing band, in points. */
export function SwingFilter({ values, onChange }: FilterControlProps) {
  const onSwing = useCallback(
    (c: { minSwing: number | undefined; maxSwing: number | undefined }) =>
      onChange({ minSwing: text(c.minSwing), maxSwing: text(c.maxSwing) }),
    [onChange],
  );
  return <SwingRange min={num(values.minSwing)} max={num(values.maxSwing)} onChange={onSwing} />;
}
