import type { MeasureOption } from '../useSeatView.ts';
import type { MapView, ViewState } from '../viewState.ts';

interface MapToolbarProps {
  measure: string;
  /** Every measure in the registry, with whether it can be used here. */
  options: readonly MeasureOption[];
  view: MapView;
  onChange: (change: Partial<ViewState>) => void;
}

const VIEWS: { id: MapView; label: string }[] = [
  { id: 'geo', label: 'Boundaries' },
  { id: 'hex', label: 'Hex map' },
];

/** How the seats are drawn: the measure that colours them and the geographic or hex view. */
export function MapToolbar({ measure, options, view, onChange }: MapToolbarProps) {
  return (
    <div className="map-toolbar">
      <div className="field field--inline">
        <label htmlFor="f-measure" className="field__label">
          Colour seats by
        </label>
        <select id="f-measure" value={measure} onChange={(e) => onChange({ measure: e.target.value })}>
          {options.map(({ id, label, availability: a }) =>
            a.state === 'denied' ? (
              <option key={id} value={id} disabled title={a.reason}>
                {`${label} (${a.tag})`}
              </option>
            ) : (
              <option key={id} value={id} disabled={a.state === 'unknown'}>
                {label}
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
