import type { TLocation } from '@groundwork/server/contracts';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Six decimals is about 10 cm: enough for a place, without a float's noise in the history. */
export function roundLocation(lat: number, lng: number): TLocation {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lat: r(lat), lng: r(lng) };
}

/** Ray casting over one ring of [lng, lat] positions: whether a ray east of the point crosses it oddly. */
function crossesOddly(ring: readonly Position[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether a point is inside the seat's outline (GeoJSON, lon/lat), holes and islands included: a quick
 * answer on the phone as the map is tapped. The server checks again against its own geometry.
 */
export function insideGeometry(geometry: Polygon | MultiPolygon, loc: TLocation): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Even-odd over a polygon's rings: inside the outer ring and not inside a hole.
  return polygons.some(
    (rings) => rings.filter((ring) => crossesOddly(ring, loc.lng, loc.lat)).length % 2 === 1,
  );
}
