import { CRS, type FitBoundsOptions, type MapOptions } from 'leaflet';
import type { BoundsTuple } from './geometry.ts';

/** The map container's id: the skip link (app/App.tsx) moves focus to it. */
export const SEAT_MAP_ID = 'seat-map';

/** Great Britain and Northern Ireland, Scilly to Shetland. */
export const UK_BOUNDS: BoundsTuple = [
  [49.85, -8.65],
  [60.86, 1.77],
];

/** Room around the seats, more at the bottom where the attribution line sits. */
export const HOME_PADDING = {
  paddingTopLeft: [12, 12],
  paddingBottomRight: [12, 28],
} as const satisfies FitBoundsOptions;

/**
 * The Leaflet map of either view, the same whether the first map (firstMap.ts) or SeatMap makes it: seats
 * on one canvas, quarter-step zooms.
 */
export function mapOptions(view: 'geo' | 'hex'): MapOptions {
  return {
    crs: view === 'hex' ? CRS.Simple : CRS.EPSG3857,
    minZoom: view === 'hex' ? -2 : 4,
    maxZoom: view === 'hex' ? 4 : 13,
    zoomSnap: 0.25,
    zoomDelta: 0.5,
    preferCanvas: true,
  };
}

export function mapClassName(view: 'geo' | 'hex', tiles: boolean): string {
  return `seat-map__leaflet seat-map__leaflet--${view}${tiles ? ' seat-map__leaflet--tiles' : ''}`;
}
