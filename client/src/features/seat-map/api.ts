import type { TBoundarySet, THexResponse } from '@groundwork/server/contracts';
import { useQuery } from '@tanstack/react-query';
import type { Topology } from 'topojson-specification';
import { ApiError } from '../../api/ApiError.ts';
import { apiGet } from '../../api/http.ts';
import { geoShapes, hexShapes, type SeatShapes } from './geometry.ts';

export type ShapeView = 'geo' | 'hex';

// Geometry never changes while the page is open and is the largest download: cached for good, and no
// mutation anywhere invalidates these keys.
export const seatMapKeys = {
  all: ['seat-map'] as const,
  shapes: (view: ShapeView, boundarySet: TBoundarySet) => [...seatMapKeys.all, view, boundarySet] as const,
};

async function fetchGeo(boundarySet: TBoundarySet, signal: AbortSignal): Promise<SeatShapes> {
  const topology = await apiGet<Topology>(`/api/geo/${boundarySet}`, { signal });
  // Converted once per fetch and kept in the cache, so re-renders never redo the work.
  const shapes = geoShapes(boundarySet, topology);
  if (!shapes) {
    throw ApiError.badResponse('The seat boundaries');
  }
  return shapes;
}

/**
 * The hex map is checked by hand, like the boundaries: every page loads it (for the search's seat names)
 * while the map draws, and zod over its 650 entries cost that first paint more than this check does.
 */
function checkedHex(body: unknown): THexResponse {
  const hex = body as Partial<THexResponse> | null;
  const ok =
    hex?.layout === 'odd-r' &&
    typeof hex.hexes === 'object' &&
    hex.hexes !== null &&
    Object.values(hex.hexes).every(
      (h) => typeof h?.n === 'string' && Number.isInteger(h.q) && Number.isInteger(h.r),
    );
  if (!ok) throw ApiError.badResponse('The hex map');
  return hex as THexResponse;
}

async function fetchHex(boundarySet: TBoundarySet, signal: AbortSignal): Promise<SeatShapes> {
  const hex = checkedHex(await apiGet<unknown>(`/api/hex/${boundarySet}`, { signal }));
  return hexShapes(boundarySet, hex);
}

export function useSeatShapes(view: ShapeView, boundarySet: TBoundarySet, opts: { enabled?: boolean } = {}) {
  return useQuery({
    enabled: opts.enabled ?? true,
    queryKey: seatMapKeys.shapes(view, boundarySet),
    queryFn: ({ signal }) => (view === 'geo' ? fetchGeo(boundarySet, signal) : fetchHex(boundarySet, signal)),
    staleTime: Infinity,
    gcTime: Infinity,
    // While another boundary set loads, keep drawing the old one, but never one view's shapes in the other.
    placeholderData: (previous) => (previous?.view === view ? previous : undefined),
  });
}
