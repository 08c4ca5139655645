import {
  PILOT_CATEGORIES,
  PILOT_CATEGORY_LABELS,
  PILOT_KINDS,
  PILOT_KIND_LABELS,
  PILOT_STATUSES,
  PILOT_STATUS_LABELS,
  type TRegion,
} from '@groundwork/server/contracts';
import { Field } from '../../ui/Field.tsx';
import { NATIONAL, type BoardFilters as Filters } from './api.ts';

function Choice(props: {
  label: string;
  value: string | undefined;
  all: string;
  options: readonly string[];
  labels: Record<string, string>;
  onChange: (value: string | undefined) => void;
  className?: string;
}) {
  return (
    <Field label={props.label} className={props.className}>
      {(a) => (
        <select
          {...a}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(e.target.value || undefined)}
        >
          <option value="">{props.all}</option>
          {props.options.map((o) => (
            <option key={o} value={o}>
              {props.labels[o]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Which board (a region, or all regions) and which pilots and activities it counts. Every choice is in
 * the page's URL, so a board can be shared as it is seen.
 */
export function BoardFilters(props: {
  region: string | undefined;
  /** The regions the user may see the board of (all, for admins). */
  regions: readonly TRegion[];
  filters: Filters;
  /** The server's word on a filter (e.g. from after to), by field. */
  errors: Record<string, string>;
  onRegion: (region: string) => void;
  onChange: (filters: Filters) => void;
}) {
  const { filters, onChange, errors } = props;
  const set = (change: Filters) => onChange({ ...filters, ...change });
  return (
    <form className="board-filters" aria-label="Board filters" onSubmit={(e) => e.preventDefault()}>
      <Field label="Region" className="board-filters__region">
        {(a) => (
          <select {...a} value={props.region ?? NATIONAL} onChange={(e) => props.onRegion(e.target.value)}>
            <option value={NATIONAL}>All regions (national board)</option>
            {props.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Choice
        label="Status"
        value={filters.status}
        all="Any status"
        options={PILOT_STATUSES}
        labels={PILOT_STATUS_LABELS}
        onChange={(status) => set({ status })}
      />
      <Choice
        label="Kind"
        value={filters.kind}
        all="Any kind"
        options={PILOT_KINDS}
        labels={PILOT_KIND_LABELS}
        onChange={(kind) => set({ kind })}
      />
      <Choice
        label="Category"
        className="board-filters__category"
        value={filters.category}
        all="Any category"
        options={PILOT_CATEGORIES}
        labels={PILOT_CATEGORY_LABELS}
        onChange={(category) => set({ category })}
      />
      <Field label="Activity from" hint="Counts activity on or after this day" error={errors.from}>
        {(a) => (
          <input
            {...a}
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        )}
      </Field>
      <Field label="Activity to" hint="Counts activity on or before this day" error={errors.to}>
        {(a) => (
          <input
            {...a}
            type="date"
            value={filters.to ?? ''}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        )}
      </Field>
    </form>
  );
}
