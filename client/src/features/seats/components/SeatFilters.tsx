import { useCallback, useId, useMemo } from 'react';
import { SwingRange } from '../../explorer/components/SwingRange.tsx';
import { useParties } from '../../reference/api.ts';
import type { FilterControlProps } from '../../seat-map/measure.ts';

/** The winning party: any, or one party. */
export function WinnerFilter({ values, onChange, disabled, describedBy }: FilterControlProps) {
  const id = useId();
  const parties = useParties();
  const sorted = useMemo(
    () => [...(parties.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [parties.data],
  );
  const winner = values.winner;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Winner
      </label>
      <select
        id={id}
        value={winner ?? ''}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange({ winner: e.target.value || undefined })}
      >
        <option value="">Any party</option>
        {winner && !sorted.some((p) => p.code === winner) && <option value={winner}>{winner}</option>}
        {sorted.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Red-wall seats, or the others: the flag in force, a staff override included. */
export function RedWallFilter({ values, onChange, disabled, describedBy }: FilterControlProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Red wall
      </label>
      <select
        id={id}
        value={values.redWall ?? ''}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange({ redWall: e.target.value || undefined })}
      >
        <option value="">All seats</option>
        <option value="true">Red-wall seats only</option>
        <option value="false">Not red wall</option>
      </select>
    </div>
  );
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
