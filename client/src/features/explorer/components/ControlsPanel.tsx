import type { TElection, TParty, TRegion } from '@groundwork/server/contracts';
import { useCallback, useMemo } from 'react';
import { TARGET_STATUS_LABELS } from '../../seat-map/measures.ts';
import { ELECTIONS_BY_SET, hasFilters, NO_FILTERS, TARGET_FILTERS, type ViewState } from '../viewState.ts';
import type { TargetAvailability } from './MapToolbar.tsx';
import { SwingRange } from './SwingRange.tsx';

interface ControlsPanelProps {
  state: ViewState;
  regions: readonly TRegion[];
  parties: readonly TParty[];
  elections: readonly TElection[];
  /** Whether the target filter can be used here (2024 boundaries, targets visible). */
  targets: TargetAvailability;
  onChange: (change: Partial<ViewState>) => void;
  /** The region filter changed: the map shows the region's seats. */
  onRegionChosen: () => void;
}

const SET_LABELS = { '2024': '2024 boundaries (current)', '2010': '2010–2023 boundaries' } as const;

/** Which seats and which election: everything here is a server-side filter shared by map, table and CSV. */
export function ControlsPanel({
  state,
  regions,
  parties,
  elections,
  targets,
  onChange,
  onRegionChosen,
}: ControlsPanelProps) {
  const byNation = useMemo(() => {
    const groups = new Map<string, TRegion[]>();
    for (const r of regions) groups.set(r.nation.name, [...(groups.get(r.nation.name) ?? []), r]);
    return [...groups.entries()];
  }, [regions]);
  const electionName = (code: string) => elections.find((e) => e.code === code)?.name ?? code;
  const sortedParties = useMemo(() => [...parties].sort((a, b) => a.name.localeCompare(b.name)), [parties]);
  const onSwing = useCallback((c: Partial<ViewState>) => onChange(c), [onChange]);

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
      <div className="field">
        <label htmlFor="f-winner" className="field__label">
          Winner
        </label>
        <select
          id="f-winner"
          value={state.winner ?? ''}
          onChange={(e) => onChange({ winner: e.target.value || undefined })}
        >
          <option value="">Any party</option>
          {state.winner && !parties.some((p) => p.code === state.winner) && (
            <option value={state.winner}>{state.winner}</option>
          )}
          {sortedParties.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-redwall" className="field__label">
          Red wall
        </label>
        <select
          id="f-redwall"
          value={state.redWall === undefined ? '' : String(state.redWall)}
          onChange={(e) =>
            onChange({ redWall: e.target.value === '' ? undefined : e.target.value === 'true' })
          }
        >
          <option value="">All seats</option>
          <option value="true">Red-wall seats only</option>
          <option value="false">Not red wall</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-target" className="field__label">
          Target status
        </label>
        <select
          id="f-target"
          value={state.target ?? ''}
          disabled={targets !== 'ok'}
          aria-describedby={targets !== 'ok' ? 'f-target-note' : undefined}
          onChange={(e) => onChange({ target: (e.target.value || undefined) as ViewState['target'] })}
        >
          <option value="">Any</option>
          {TARGET_FILTERS.map((t) => (
            <option key={t} value={t}>
              {TARGET_STATUS_LABELS[t]}
            </option>
          ))}
        </select>
        {targets !== 'ok' && (
          <p id="f-target-note" className="field__hint">
            {targets === 'signin'
              ? 'Sign in to filter by target.'
              : 'Targets are set on the 2024 boundaries.'}
          </p>
        )}
      </div>
      <SwingRange min={state.minSwing} max={state.maxSwing} onChange={onSwing} />
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
