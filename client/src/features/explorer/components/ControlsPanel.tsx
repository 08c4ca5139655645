import type { TElection, TRegion } from '@groundwork/server/contracts';
import { Fragment, useCallback, useMemo } from 'react';
import type { FilterValues } from '../../seat-map/measure.ts';
import type { FilterGroup } from '../useSeatView.ts';
import { ELECTIONS_BY_SET, hasFilters, NO_FILTERS, type ViewState } from '../viewState.ts';

interface ControlsPanelProps {
  state: ViewState;
  regions: readonly TRegion[];
  elections: readonly TElection[];
  /** The measures' filters, in registry order, with whether each measure can be used here. */
  filterGroups: readonly FilterGroup[];
  onChange: (change: Partial<ViewState>) => void;
  /** The region filter changed: the map shows the region's seats. */
  onRegionChosen: () => void;
}

const SET_LABELS = { '2024': '2024 boundaries (current)', '2010': '2010–2023 boundaries' } as const;

/** Which seats and which election: everything here is a server-side filter shared by map, table and CSV. */
export function ControlsPanel({
  state,
  regions,
  elections,
  filterGroups,
  onChange,
  onRegionChosen,
}: ControlsPanelProps) {
  const byNation = useMemo(() => {
    const groups = new Map<string, TRegion[]>();
    for (const r of regions) groups.set(r.nation.name, [...(groups.get(r.nation.name) ?? []), r]);
    return [...groups.entries()];
  }, [regions]);
  const electionName = (code: string) => elections.find((e) => e.code === code)?.name ?? code;
  const onFilters = useCallback((filters: FilterValues) => onChange({ filters }), [onChange]);

  return (
    <form className="controls" aria-label="Seats and filters" onSubmit={(e) => e.preventDefault()}>
      <h2 className="panel-title">Seats</h2>
      <div className="field">
        <label htmlFor="f-boundaries" className="field__label">
          Boundaries
        </label>
        <select
          id="f-boundaries"
          value={state.boundarySet}
          onChange={(e) => onChange({ boundarySet: e.target.value as ViewState['boundarySet'] })}
        >
          <option value="2024">{SET_LABELS['2024']}</option>
          <option value="2010">{SET_LABELS['2010']}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-election" className="field__label">
          Election
        </label>
        <select
          id="f-election"
          value={state.election}
          onChange={(e) => onChange({ election: e.target.value as ViewState['election'] })}
        >
          {ELECTIONS_BY_SET[state.boundarySet].map((code) => (
            <option key={code} value={code}>
              {electionName(code)}
            </option>
          ))}
        </select>
      </div>

      <h2 className="panel-title">Filters</h2>
      <div className="field">
        <label htmlFor="f-region" className="field__label">
          Region
        </label>
        <select
          id="f-region"
          value={state.region ?? ''}
          onChange={(e) => {
            onChange({ region: e.target.value || undefined });
            onRegionChosen();
          }}
        >
          <option value="">All regions and nations</option>
          {byNation.map(([nation, items]) => (
            <optgroup key={nation} label={nation}>
              {items.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name} ({r.seats[state.boundarySet]})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {filterGroups.map(({ id, filters, availability: a }) => {
        const note = a.state === 'denied' ? `f-${id}-note` : undefined;
        return (
          <Fragment key={id}>
            {filters.map(({ keys, Control }) => (
              <Control
                key={keys.join()}
                values={state.filters}
                onChange={onFilters}
                disabled={a.state !== 'ok'}
                describedBy={note}
              />
            ))}
            {a.state === 'denied' && (
              <p id={note} className="field__hint">
                {a.reason}
              </p>
            )}
          </Fragment>
        );
      })}
      <button
        type="button"
        className="button button--secondary button--block"
        disabled={!hasFilters(state)}
        onClick={() => onChange(NO_FILTERS)}
      >
        Clear filters
      </button>
    </form>
  );
}
