import { MEASURE_IDS, MEASURE_LABELS, type MeasureId } from '../../seat-map/measures.ts';
import type { MapView, ViewState } from '../viewState.ts';

interface MapToolbarProps {
  measure: MeasureId;
  view: MapView;
  onChange: (change: Partial<ViewState>) => void;
}

const VIEWS: { id: MapView; label: string }[] = [
  { id: 'geo', label: 'Boundaries' },
  { id: 'hex', label: 'Hex map' },
];

/** How the seats are drawn: the measure that colours them and the geographic or hex view. */
export function MapToolbar({ measure, view, onChange }: MapToolbarProps) {
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
          {MEASURE_IDS.map((id) => (
            <option key={id} value={id}>
              {MEASURE_LABELS[id]}
            </option>
          ))}
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
