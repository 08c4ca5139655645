// Geometry helpers shared by both map views. Pure (no Leaflet at runtime) so they run in unit tests.
import type { THexResponse } from '@groundwork/server/contracts';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

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
  readonly name: string;
  /** A point inside the seat (not just inside its bounding box), to centre the map on. */
  readonly label: LatLngTuple;
  readonly bounds: BoundsTuple;
}

export interface SeatShapes {
  /** Changes whenever the geometry does; the GeoJSON layer is keyed by it. */
  key: string;
  view: 'geo' | 'hex';
  boundarySet: string;
  readonly collection: SeatCollection;
  places: ReadonlyMap<string, SeatPlace>;
  readonly bounds: BoundsTuple;
}

function polygonsOf(g: SeatGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

// The loops below are indexed, without destructuring or spreads: they run once per seat on page load, in
// code the JavaScript engine has not optimised yet, where iterators and spreads cost many times more.

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const pi = ring[i] as Position;
    const pj = ring[j] as Position;
    a += ((pj[0] as number) + (pi[0] as number)) * ((pj[1] as number) - (pi[1] as number));
  }
  return Math.abs(a / 2);
}

export function boundsOf(g: SeatGeometry): BoundsTuple {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const polys = polygonsOf(g);
  for (let p = 0; p < polys.length; p += 1) {
    const outer = (polys[p] as Position[][])[0] ?? [];
    for (let i = 0; i < outer.length; i += 1) {
      const x = (outer[i] as Position)[0] as number;
      const y = (outer[i] as Position)[1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
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
  let bestArea = ringArea(best[0] ?? []);
  for (let p = 1; p < polys.length; p += 1) {
    const area = ringArea((polys[p] as Position[][])[0] ?? []);
    if (area > bestArea) {
      best = polys[p] as Position[][];
      bestArea = area;
    }
  }
  const outer = best[0] ?? [];
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < outer.length; i += 1) {
    const y = (outer[i] as Position)[1] as number;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const y = (minY + maxY) / 2 + 1e-9; // nudge off vertices
  const xs: number[] = [];
  for (let r = 0; r < best.length; r += 1) {
    const ring = best[r] as Position[];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const x1 = (ring[j] as Position)[0] as number;
      const y1 = (ring[j] as Position)[1] as number;
      const x2 = (ring[i] as Position)[0] as number;
      const y2 = (ring[i] as Position)[1] as number;
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  xs.sort((a, b) => a - b);
  let pick: LngLat = [(outer[0]?.[0] as number | undefined) ?? 0, y];
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

/**
 * A seat's name at once; its label point and bounds worked out on first use (a search, a focus, keyboard
 * navigation), so loading the map does not compute them for all 650 seats before drawing.
 */
class LazyPlace implements SeatPlace {
  #label: LatLngTuple | undefined;
  #bounds: BoundsTuple | undefined;

  constructor(
    readonly name: string,
    private readonly geometry: SeatGeometry,
  ) {}

  get label(): LatLngTuple {
    return (this.#label ??= toLatLng(labelPoint(this.geometry)));
  }

  get bounds(): BoundsTuple {
    return (this.#bounds ??= boundsOf(this.geometry));
  }
}

export function buildShapes(
  view: 'geo' | 'hex',
  boundarySet: string,
  collection: SeatCollection,
): SeatShapes {
  const places = new Map<string, SeatPlace>();
  for (const f of collection.features) places.set(f.id, new LazyPlace(f.properties.name, f.geometry));
  let bounds: BoundsTuple | undefined;
  return {
    key: `${view}-${boundarySet}`,
    view,
    boundarySet,
    collection,
    places,
    get bounds() {
      return (bounds ??= unionBounds([...places.values()].map((p) => p.bounds)));
    },
  };
}

/**
 * The seats of a boundary file (TopoJSON, /api/geo/:set) as shapes, or undefined when it has no seats.
 * Converted once per download: the first map (firstMap.ts) and the seat-map query share the result.
 */
export function geoShapes(boundarySet: string, topology: Topology): SeatShapes | undefined {
  const seats = topology.objects?.seats;
  if (!seats || seats.type !== 'GeometryCollection') return undefined;
  const all = feature(topology, seats as GeometryCollection<{ name: string }>).features;
  const features: SeatFeature[] = [];
  for (const f of all) {
    const g = f.geometry;
    if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      features.push({ ...f, id: String(f.id), geometry: g, properties: { name: f.properties?.name ?? '' } });
    }
  }
  return buildShapes('geo', boundarySet, { type: 'FeatureCollection', features });
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

// A pointy-topped hexagon's corners round a unit circle, from -30° and closed back there: worked out once.
const HEX_CORNERS: readonly (readonly [x: number, y: number])[] = Array.from({ length: 7 }, (_, i) => {
  const a = (Math.PI / 180) * (60 * (i % 6) - 30);
  return [Math.cos(a), Math.sin(a)] as const;
});

export function hexRing(q: number, r: number, size = HEX_SIZE): Position[] {
  const centre = hexCentre(q, r, size);
  const ring: Position[] = [];
  for (const [x, y] of HEX_CORNERS) ring.push([centre[0] + size * x, centre[1] + size * y]);
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

/** A hexagon's centre and box follow from its position; nothing to work out until asked. */
class HexPlace implements SeatPlace {
  constructor(
    readonly name: string,
    private readonly q: number,
    private readonly r: number,
  ) {}

  get label(): LatLngTuple {
    return toLatLng(hexCentre(this.q, this.r));
  }

  get bounds(): BoundsTuple {
    const [x, y] = hexCentre(this.q, this.r);
    const half = (Math.sqrt(3) / 2) * HEX_SIZE;
    return [toLatLng([x - half, y - HEX_SIZE]), toLatLng([x + half, y + HEX_SIZE])];
  }
}

/**
 * The hex map as shapes. The page loads it on every view for the seat names its search offers, so the
 * hexagons themselves are made only when the hex map is drawn.
 */
export function hexShapes(boundarySet: string, hex: THexResponse): SeatShapes {
  const places = new Map<string, SeatPlace>();
  for (const [code, h] of Object.entries(hex.hexes)) places.set(code, new HexPlace(h.n, h.q, h.r));
  let collection: SeatCollection | undefined;
  let bounds: BoundsTuple | undefined;
  return {
    key: `hex-${boundarySet}`,
    view: 'hex',
    boundarySet,
    get collection() {
      return (collection ??= hexCollection(hex));
    },
    places,
    get bounds() {
      return (bounds ??= unionBounds([...places.values()].map((p) => p.bounds)));
    },
  };
}
