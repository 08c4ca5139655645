import {
  PILOT_CATEGORIES,
  PILOT_CATEGORY_LABELS,
  PILOT_KINDS,
  PILOT_KIND_LABELS,
  PILOT_STATUSES,
  PILOT_STATUS_LABELS,
} from '@groundwork/server/contracts';
import type { PilotFilters as Filters } from './api.ts';

function Select(props: {
  id: string;
  label: string;
  value: string | undefined;
  all: string;
  options: readonly string[];
  labels: Record<string, string>;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
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
    </div>
  );
}

/** Status, kind, category and a title search; every change starts the list again from its first page. */
export function PilotFilters(props: {
  filters: Filters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (f: Filters) => void;
}) {
  const { filters, onChange } = props;
  return (
    <form
      className="pilot-filters"
      role="search"
      aria-label="Filter pilots"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field pilot-filters__search">
        <label className="field__label" htmlFor="pilot-q">
          Search
        </label>
        <input
          id="pilot-q"
          type="search"
          value={props.search}
          placeholder="Title or issue"
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </div>
      <Select
        id="pilot-status"
        label="Status"
        value={filters.status}
        all="Any status"
        options={PILOT_STATUSES}
        labels={PILOT_STATUS_LABELS}
        onChange={(status) => onChange({ ...filters, status })}
      />
      <Select
        id="pilot-kind"
        label="Kind"
        value={filters.kind}
        all="Any kind"
        options={PILOT_KINDS}
        labels={PILOT_KIND_LABELS}
        onChange={(kind) => onChange({ ...filters, kind })}
      />
      <Select
        id="pilot-category"
        label="Category"
        value={filters.category}
        all="Any category"
        options={PILOT_CATEGORIES}
        labels={PILOT_CATEGORY_LABELS}
        onChange={(category) => onChange({ ...filters, category })}
      />
    </form>
  );
}
