import { useId } from 'react';
import type { FilterControlProps } from '../seat-map/measure.ts';
import { STATUS_LABELS, TARGET_STATUSES } from './api.ts';

/** Seats with one target status (No target included). */
export function TargetStatusFilter({ values, onChange, disabled, describedBy }: FilterControlProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Target status
      </label>
      <select
        id={id}
        value={values.target ?? ''}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange({ target: e.target.value || undefined })}
      >
        <option value="">Any</option>
        {TARGET_STATUSES.map((t) => (
          <option key={t} value={t}>
            {STATUS_LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Targets of one tier, whatever their status. */
export function TargetTierFilter({ values, onChange, disabled, describedBy }: FilterControlProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Target tier
      </label>
      <select
        id={id}
        value={values.tier ?? ''}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange({ tier: e.target.value || undefined })}
      >
        <option value="">Any</option>
        <option value="1">1 (top priority)</option>
        <option value="2">2</option>
        <option value="3">3</option>
      </select>
    </div>
  );
}
