import type { TLocation } from '@groundwork/server/contracts';
import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { useSeatShapes } from '../seat-map/api.ts';
import { boundsOf, labelPoint, toLatLng, type BoundsTuple, type SeatFeature } from '../seat-map/geometry.ts';
import { insideGeometry, roundLocation } from './locationMath.ts';

const LocationMap = lazy(() => import('./LocationMap.tsx'));

function overlaps(a: BoundsTuple, b: BoundsTuple): boolean {
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
}

function parseCoord(text: string): number | undefined {
  const n = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

/**
 * Where the pilot happens: a tap on a small map of the CLP's seat, the seat's centre, or typed
 * coordinates. The server checks the point is inside the seat and names the seat it is in when not.
 */
export function LocationPicker(props: {
  seatCode: string | undefined;
  value: TLocation | null;
  onChange: (loc: TLocation | null) => void;
  error: string | undefined;
}) {
  const id = useId();
  const shapes = useSeatShapes('geo', '2024', { enabled: !!props.seatCode });
  const seat = useMemo(() => {
    const all = shapes.data?.collection.features as SeatFeature[] | undefined;
    const f = all?.find((s) => s.id === props.seatCode);
    if (!all || !f) return undefined;
    const bounds = boundsOf(f.geometry);
    const neighbours = all.filter((s) => s.id !== f.id && overlaps(boundsOf(s.geometry), bounds));
    return { feature: f, bounds, centre: toLatLng(labelPoint(f.geometry)), neighbours };
  }, [shapes.data, props.seatCode]);
  const [lat, setLat] = useState('');
  const [lng, setLng] = useState('');
  const [typed, setTyped] = useState<string | undefined>();
  const [outside, setOutside] = useState<string | undefined>();
  const [ready, setReady] = useState(false);
  const onReady = useCallback(() => setReady(true), []);

  // A point outside the outline is said at once (the server still decides, on its own geometry).
  const outsideMessage = (loc: TLocation | null) =>
    loc && seat && !insideGeometry(seat.feature.geometry, loc)
      ? `That point is outside ${seat.feature.properties.name}; tap inside the outline`
      : undefined;
  const pick = (loc: TLocation | null) => {
    setLat(loc ? String(loc.lat) : '');
    setLng(loc ? String(loc.lng) : '');
    setTyped(undefined);
    setOutside(outsideMessage(loc));
    props.onChange(loc);
  };
  const applyTyped = (latText: string, lngText: string) => {
    setLat(latText);
    setLng(lngText);
    const a = parseCoord(latText);
    const b = parseCoord(lngText);
    if (a === undefined || b === undefined) {
      setTyped(latText || lngText ? 'Enter both latitude and longitude as numbers' : undefined);
      setOutside(undefined);
      if (!latText && !lngText) props.onChange(null);
      return;
    }
    const loc = roundLocation(a, b);
    setTyped(undefined);
    setOutside(outsideMessage(loc));
    props.onChange(loc);
  };
  const errorId = `${id}-error`;
  // A malformed entry first, then the server's word (it names the seat the point is in), then ours.
  const error = typed ?? props.error ?? outside;

  return (
    <fieldset className="fieldset location-picker" aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">Location (optional)</legend>
      {!props.seatCode ? (
        <p className="field__hint">Choose the CLP first: the map shows its seat.</p>
      ) : (
        <>
          <p className="field__hint" id={`${id}-hint`}>
            Tap the map where the pilot happens; it must be inside{' '}
            {seat?.feature.properties.name ?? 'the seat'}.
          </p>
          <div
            className="location-picker__map"
            data-seat={props.seatCode}
            data-ready={ready && !!seat}
            data-location={props.value ? `${props.value.lat},${props.value.lng}` : ''}
          >
            {shapes.isError ? (
              <p className="state state--error" role="alert">
                The map could not be loaded: {errorMessage(shapes.error)}
              </p>
            ) : !seat ? (
              <p className="state" role="status">
                Loading the map…
              </p>
            ) : (
              <Suspense
                fallback={
                  <p className="state" role="status">
                    Loading the map…
                  </p>
                }
              >
                <LocationMap
                  seat={seat.feature}
                  neighbours={seat.neighbours}
                  bounds={seat.bounds}
                  centre={seat.centre}
                  value={props.value}
                  onPick={pick}
                  onReady={onReady}
                />
              </Suspense>
            )}
          </div>
          <p className="location-picker__chosen" role="status">
            {props.value
              ? `Marked at ${props.value.lat.toFixed(5)}, ${props.value.lng.toFixed(5)}`
              : 'No location marked yet.'}
          </p>
          <div className="location-picker__actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={!seat}
              onClick={() => seat && pick(roundLocation(seat.centre[0], seat.centre[1]))}
            >
              Use the seat&apos;s centre
            </button>
            {props.value && (
              <button type="button" className="button button--secondary" onClick={() => pick(null)}>
                Clear location
              </button>
            )}
          </div>
          <details className="location-picker__typed">
            <summary>Type the coordinates</summary>
            <div className="location-picker__coords">
              <div className="field">
                <label className="field__label" htmlFor={`${id}-lat`}>
                  Latitude
                </label>
                <input
                  id={`${id}-lat`}
                  type="text"
                  inputMode="decimal"
                  value={lat}
                  placeholder="55.13"
                  onChange={(e) => applyTyped(e.target.value, lng)}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-lng`}>
                  Longitude
                </label>
                <input
                  id={`${id}-lng`}
                  type="text"
                  inputMode="decimal"
                  value={lng}
                  placeholder="-1.55"
                  onChange={(e) => applyTyped(lat, e.target.value)}
                />
              </div>
            </div>
          </details>
        </>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert" data-field="location">
          {error}
        </p>
      )}
    </fieldset>
  );
}
