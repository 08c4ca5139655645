import type { TBoundarySet, TClientConfig, TSeatSummary } from '@groundwork/server/contracts';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { errorMessage } from '../../api/ApiError.ts';
import { useSeatShapes } from './api.ts';
import type { BoundsTuple, SeatFeature } from './geometry.ts';
import { DataAttribution } from './layers/DataAttribution.tsx';
import { KeyboardSeats } from './layers/KeyboardSeats.tsx';
import { MapFocus, type FocusRequest } from './layers/MapFocus.tsx';
import { PilotMarkers } from './layers/PilotMarkers.tsx';
import { SeatLayer } from './layers/SeatLayer.tsx';
import { SeatOutline } from './layers/SeatOutline.tsx';
import { AdoptedMap } from './AdoptedMap.tsx';
import { takeFirstMap, type FirstMap } from './firstMap.ts';
import { Legend } from './Legend.tsx';
import { HOME_PADDING, mapClassName, mapOptions, SEAT_MAP_ID, UK_BOUNDS } from './mapOptions.ts';
import type { ColourScale } from './measures.ts';
import { drawnOnTop, SELECTED_OUTLINE, seatStyle, type StyleContext } from './seatStyle.ts';

export { SEAT_MAP_ID } from './mapOptions.ts';

interface SeatMapProps {
  view: 'geo' | 'hex';
  boundarySet: TBoundarySet;
  scale: ColourScale;
  /** Rows matching the filters (possibly the previous filters' rows while new ones load). */
  seats: readonly TSeatSummary[] | undefined;
  /** Codes matching the current filters, only once their list has loaded. */
  matches: readonly string[] | undefined;
  filtered: boolean;
  /** Whether the seats' figures are loading or failed, for the status line. */
  figures: 'ready' | 'loading' | 'error';
  selected: string | undefined;
  focus: FocusRequest | null;
  config: TClientConfig | undefined;
  partyName: (code: string) => string;
  onSelect: (code: string) => void;
  /**
   * Called once the map has settled: its seats first on screen in their colours, or its shapes or figures
   * failed. The page holds back work the first picture does not need (the table, the search's names) until then.
   */
  onSettled?: () => void;
}

/** What the map shows, in words: the drawn-seat count is read from the layer itself, not from the data. */
function statusText(s: {
  shapes: 'loading' | 'error' | 'ready';
  drawnCount: number;
  figures: SeatMapProps['figures'];
  filtered: boolean;
  matchCount: number;
}): string {
  if (s.shapes === 'loading') return 'Loading the map…';
  if (s.shapes === 'error') return 'The map could not be drawn.';
  const shown = `${s.drawnCount} seats shown`;
  if (s.figures === 'error') return `${shown} · their results could not be loaded`;
  if (s.figures === 'loading') return `${shown} · loading results…`;
  return s.filtered ? `${shown} · ${s.matchCount} match the filters` : shown;
}

/** Tooltip content built as DOM text, so seat names are never parsed as HTML. */
function tooltipElement(title: string, line: string): HTMLElement {
  const el = document.createElement('div');
  const strong = document.createElement('strong');
  strong.textContent = title;
  const text = document.createElement('div');
  text.textContent = line;
  el.append(strong, text);
  return el;
}

/** The Leaflet map of a view: the first map taken over, or a new one. */
function MapHost(props: {
  adopted: FirstMap | undefined;
  view: 'geo' | 'hex';
  tiles: boolean;
  home: BoundsTuple;
  children: ReactNode;
}) {
  const { adopted, view, tiles, home, children } = props;
  if (adopted) return <AdoptedMap first={adopted}>{children}</AdoptedMap>;
  return (
    <MapContainer
      id={SEAT_MAP_ID}
      className={mapClassName(view, tiles)}
      bounds={home}
      boundsOptions={HOME_PADDING}
      {...mapOptions(view)}
    >
      {children}
    </MapContainer>
  );
}

/** Owns the Leaflet map; each overlay is a child component that reaches the map through useMap. */
export function SeatMap(props: SeatMapProps) {
  const {
    view,
    boundarySet,
    scale,
    seats,
    matches,
    filtered,
    figures,
    selected,
    focus,
    config,
    partyName,
    onSelect,
    onSettled,
  } = props;
  const shapes = useSeatShapes(view, boundarySet);
  // The first map (firstMap.ts), drawn before the app ran, is this component's geo map if it is there.
  const [adopted, setAdopted] = useState(takeFirstMap);
  // Leaving the geo view removes that map (AdoptedMap); coming back makes a new one.
  if (adopted && view !== 'geo') setAdopted(undefined);
  const [drawn, setDrawn] = useState<{ key: string; count: number } | null>(() =>
    adopted ? { key: adopted.shapes.key, count: adopted.layer.getLayers().length } : null,
  );
  // A seat clicked on the first map before the app arrived is opened now.
  useEffect(() => {
    if (!adopted) return;
    adopted.release();
    if (adopted.clicked) onSelect(adopted.clicked);
    // Once, when the map is taken over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [adopted]);
  const tiles = view === 'geo' && !!config?.tileUrl;

  const matching = useMemo(() => (seats ? new Map(seats.map((s) => [s.code, s])) : undefined), [seats]);
  const ctx: StyleContext = useMemo(() => ({ scale, matching, view, tiles }), [scale, matching, view, tiles]);
  const styleOf = useCallback((code: string) => seatStyle(code, ctx), [ctx]);
  const onTop = useCallback((code: string) => drawnOnTop(code, ctx), [ctx]);
  const describeText = useCallback(
    (code: string): [name: string, line: string] => {
      const seat = matching?.get(code);
      return [
        shapes.data?.places.get(code)?.name ?? code,
        seat ? scale.describe(seat, partyName) : 'Does not match the filters',
      ];
    },
    [shapes.data, matching, scale, partyName],
  );
  const describe = useCallback((code: string) => tooltipElement(...describeText(code)), [describeText]);
  const announce = useCallback((code: string) => describeText(code).join(': '), [describeText]);
  const features = useMemo(() => {
    const byCode = new Map<string, SeatFeature>();
    for (const f of shapes.data?.collection.features ?? []) byCode.set(f.id, f);
    return byCode;
  }, [shapes.data]);
  const shapesKey = shapes.data?.key;
  const onDrawn = useCallback((count: number) => setDrawn({ key: shapesKey ?? '', count }), [shapesKey]);
  const home = view === 'geo' ? UK_BOUNDS : shapes.data?.bounds;
  const drawnCount = drawn && drawn.key === shapesKey ? drawn.count : 0;
  const matchCount = seats?.length ?? 0;
  const dataAttribution = config?.dataAttribution;
  const failed = shapes.isError || figures === 'error';
  useEffect(() => {
    if (failed) onSettled?.();
  }, [failed, onSettled]);

  return (
    <div
      className="seat-map"
      data-view={view}
      data-boundary-set={shapes.data?.boundarySet ?? boundarySet}
      data-measure={scale.measure}
      data-seat-count={drawnCount}
      aria-busy={shapes.isFetching}
    >
      <p className="seat-map__status" role="status">
        {statusText({
          shapes: shapes.isPending ? 'loading' : shapes.isError ? 'error' : 'ready',
          drawnCount,
          figures,
          filtered,
          matchCount,
        })}
      </p>
      <div className="seat-map__frame">
        {shapes.isError && (
          <div className="seat-map__message" role="alert">
            <p>{errorMessage(shapes.error)}</p>
            <button type="button" className="button" onClick={() => void shapes.refetch()}>
              Try again
            </button>
          </div>
        )}
        {shapes.data && home && (
          <MapHost
            key={view}
            adopted={view === 'geo' ? adopted : undefined}
            view={view}
            tiles={tiles}
            home={home}
          >
            {tiles && config && <TileLayer url={config.tileUrl} attribution={config.tileAttribution} />}
            {dataAttribution && <DataAttribution lines={dataAttribution} />}
            <SeatLayer
              key={shapes.data.key}
              shapes={shapes.data}
              styleOf={styleOf}
              onTop={onTop}
              describe={describe}
              onSelect={onSelect}
              onDrawn={onDrawn}
              complete={figures === 'ready'}
              onPainted={onSettled}
              adopt={adopted?.shapes === shapes.data ? adopted.layer : undefined}
            />
            <SeatOutline
              feature={selected ? features.get(selected) : undefined}
              style={SELECTED_OUTLINE}
              pane="seat-selected"
              zIndex={450}
            />
            <KeyboardSeats
              places={shapes.data.places}
              features={features}
              selected={selected}
              label={`Map of ${drawnCount} seats, ${view === 'hex' ? 'hex cartogram' : 'boundaries'}`}
              describe={announce}
              onSelect={onSelect}
            />
            <MapFocus
              focus={focus}
              places={shapes.data.places}
              matches={matches}
              home={home}
              seatZoomCap={view === 'hex' ? 1.5 : 11.5}
            />
            {drawnCount > 0 && <PilotMarkers measure={scale.measure} view={view} />}
          </MapHost>
        )}
        {shapes.isPending && <div className="seat-map__placeholder" aria-hidden="true" />}
        <Legend scale={scale} seats={seats ?? []} filtered={filtered} onSelect={onSelect} />
      </div>
    </div>
  );
}
