import { MEASURE_IDS, MEASURE_LABELS, type MeasureId } from '../../seat-map/measures.ts';
import type { MapView, ViewState } from '../viewState.ts';

/** Whether the target measure can be chosen: yes, not on these boundaries, or not without signing in. */
export type TargetAvailability = 'ok' | 'boundaries' | 'signin';

interface MapToolbarProps {
  measure: MeasureId;
  targets: TargetAvailability;
  view: MapView;
  onChange: (change: Partial<ViewState>) => void;
}

const VIEWS: { id: MapView; label: string }[] = [
  { id: 'geo', label: 'Boundaries' },
  { id: 'hex', label: 'Hex map' },
];

/** How the seats are drawn: the measure that colours them and the geographic or hex view. */
export function MapToolbar({ measure, targets, view, onChange }: MapToolbarProps) {
  return (
    <div className="map-toolbar">
      <div className="field field--inline">
        <label htmlFor="f-measure" className="field__label">
          Colour seats by
        </label>
        <select
          id="f-measure"
          value={measure}
          onChange={(e) => onChange({ measure: e.target.value as MeasureId })}
        >
          {MEASURE_IDS.map((id) =>
            id === 'target' && targets !== 'ok' ? (
              <option
                key={id}
                value={id}
                disabled
                title={
                  targets === 'signin'
                    ? 'Sign in to see seat targets'
                    : 'Targets are set on the 2024 boundaries: switch to them to colour seats by target'
                }
              >
                {targets === 'signin'
                  ? `${MEASURE_LABELS[id]} (sign in)`
                  : `${MEASURE_LABELS[id]} (2024 only)`}
              </option>
            ) : (
              <option key={id} value={id}>
                {MEASURE_LABELS[id]}
              </option>
            ),
          )}
        </select>
      </div>
      <div className="segmented" role="group" aria-label="Map view">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            className="segmented__button"
            aria-pressed={view === v.id}
            onClick={() => onChange({ view: v.id })}
          >
            {v.label}
          </button>
        ))}
      </div>
    </div>
  );
}
