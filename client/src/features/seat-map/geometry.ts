// Geometry helpers shared by both map views. Pure (no Leaflet at runtime) so they run in unit tests.
import type { THexResponse } from '@groundwork/server/contracts';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** GeoJSON order. */
export type LngLat = readonly [lng: number, lat: number];
/** Leaflet order. */
export type LatLngTuple = [lat: number, lng: number];
export type BoundsTuple = [southWest: LatLngTuple, northEast: LatLngTuple];

/** The one place GeoJSON [lng, lat] becomes Leaflet [lat, lng]. */
export function toLatLng(position: LngLat | Position): LatLngTuple {
  return [position[1] as number, position[0] as number];
}

export type SeatGeometry = Polygon | MultiPolygon;
export type SeatFeature = Feature<SeatGeometry, { name: string }> & { id: string };
export type SeatCollection = FeatureCollection<SeatGeometry, { name: string }> & { features: SeatFeature[] };

export interface SeatPlace {
  name: string;
  /** A point inside the seat (not just inside its bounding box), to centre the map on. */
  label: LatLngTuple;
  bounds: BoundsTuple;
}

export interface SeatShapes {
  /** Changes whenever the geometry does; the GeoJSON layer is keyed by it. */
  key: string;
  view: 'geo' | 'hex';
  boundarySet: string;
  collection: SeatCollection;
  places: ReadonlyMap<string, SeatPlace>;
  bounds: BoundsTuple;
}

function polygonsOf(g: SeatGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    a += ((xj as number) + (xi as number)) * ((yj as number) - (yi as number));
  }
  return Math.abs(a / 2);
}

export function boundsOf(g: SeatGeometry): BoundsTuple {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygonsOf(g))
    for (const [x, y] of poly[0] ?? []) {
      minX = Math.min(minX, x as number);
      maxX = Math.max(maxX, x as number);
      minY = Math.min(minY, y as number);
      maxY = Math.max(maxY, y as number);
    }
  return [toLatLng([minX, minY]), toLatLng([maxX, maxY])];
}

export function unionBounds(all: Iterable<BoundsTuple>): BoundsTuple {
  let [s, w, n, e] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [[bs, bw], [bn, be]] of all) {
    s = Math.min(s, bs);
    w = Math.min(w, bw);
    n = Math.max(n, bn);
    e = Math.max(e, be);
  }
  return [
    [s, w],
    [n, e],
  ];
}

/**
 * A point guaranteed inside the largest polygon: the middle of the widest stretch of the horizontal line
 * through the polygon's mid-height, holes included. Bounding-box centres of coastal seats often fall at sea.
 */
export function labelPoint(g: SeatGeometry): LngLat {
  const polys = polygonsOf(g);
  let best = polys[0] ?? [];
  for (const p of polys) if (ringArea(p[0] ?? []) > ringArea(best[0] ?? [])) best = p;
  const outer = best[0] ?? [];
  const ys = outer.map((p) => p[1] as number);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2 + 1e-9; // nudge off vertices
  const xs: number[] = [];
  for (const ring of best)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [x1, y1] = ring[j] as [number, number];
      const [x2, y2] = ring[i] as [number, number];
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  xs.sort((a, b) => a - b);
  let pick: LngLat = [outer[0]?.[0] ?? 0, y];
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = (xs[i + 1] as number) - (xs[i] as number);
    if (width > widest) {
      widest = width;
      pick = [((xs[i] as number) + (xs[i + 1] as number)) / 2, y];
    }
  }
  return pick;
}

export function buildShapes(
  view: 'geo' | 'hex',
  boundarySet: string,
  collection: SeatCollection,
): SeatShapes {
  const places = new Map<string, SeatPlace>();
  for (const f of collection.features) {
    places.set(f.id, {
      name: f.properties.name,
      label: toLatLng(labelPoint(f.geometry)),
      bounds: boundsOf(f.geometry),
    });
  }
  return {
    key: `${view}-${boundarySet}`,
    view,
    boundarySet,
    collection,
    places,
    bounds: unionBounds([...places.values()].map((p) => p.bounds)),
  };
}

/** Hex size in plane units; Leaflet's CRS.Simple then shows about one unit per pixel at zoom 0. */
export const HEX_SIZE = 10;

/**
 * HexJSON odd-r layout: pointy-topped hexagons, odd rows shifted right by half a hexagon. In these files
 * r grows northwards (Orkney has the largest r), which is also the direction of y in CRS.Simple.
 */
export function hexCentre(q: number, r: number, size = HEX_SIZE): LngLat {
  const width = Math.sqrt(3) * size;
  const shift = (r & 1) === 1 ? width / 2 : 0;
  return [q * width + shift, r * 1.5 * size];
}

export function hexRing(q: number, r: number, size = HEX_SIZE): Position[] {
  const [cx, cy] = hexCentre(q, r, size);
  const ring: Position[] = [];
  for (let i = 0; i <= 6; i += 1) {
    const a = (Math.PI / 180) * (60 * (i % 6) - 30);
    ring.push([cx + size * Math.cos(a), cy + size * Math.sin(a)]);
  }
  return ring;
}

export function hexCollection(hex: THexResponse): SeatCollection {
  const features: SeatFeature[] = Object.entries(hex.hexes).map(([code, h]) => ({
    type: 'Feature',
    id: code,
    properties: { name: h.n },
    geometry: { type: 'Polygon', coordinates: [hexRing(h.q, h.r)] },
  }));
  return { type: 'FeatureCollection', features };
}
