import { useId } from 'react';
import type { FilterControlProps } from './measure.ts';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFilterProps extends FilterControlProps {
  /** The filter key (also its URL and seat-list parameter). */
  param: string;
  label: string;
  /** The first option should have the value '' (no filter: "Any", "All seats"). */
  options: readonly SelectOption[];
}

/** A filter that is one choice from a list: the shape every select in the filters panel shares. */
export function SelectFilter({
  param,
  label,
  options,
  values,
  onChange,
  disabled,
  describedBy,
}: SelectFilterProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        value={values[param] ?? ''}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange({ [param]: e.target.value || undefined })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
