// Seat shapes travel in the bundle as one TopoJSON topology per boundary set: borders shared by two seats
// are stored once, and positions are integers on a fixed 1e-4° grid (about 11 m × 7 m), delta-encoded.
// The BUC sources are already generalised to 500 m and rounded to 4 decimal places, so the grid keeps
// them exactly while taking about a third of the space; no further simplification is needed.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { z } from 'zod';
import type { DatasetGeometry } from './dataset.ts';

export const GEOMETRY_DECIMALS = 4;
const GRID = 10 ** GEOMETRY_DECIMALS;

const ZIndexes = z.array(z.number().int());
export const ZSeatsTopology = z.object({
  type: z.literal('Topology'),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  transform: z.object({
    scale: z.tuple([z.number(), z.number()]),
    translate: z.tuple([z.number(), z.number()]),
  }),
  arcs: z.array(z.array(z.tuple([z.number().int(), z.number().int()])).min(2)),
  objects: z.object({
    seats: z.object({
      type: z.literal('GeometryCollection'),
      geometries: z.array(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('Polygon'), id: z.string(), arcs: z.array(ZIndexes).min(1) }),
          z.object({
            type: z.literal('MultiPolygon'),
            id: z.string(),
            arcs: z.array(z.array(ZIndexes).min(1)).min(1),
          }),
        ]),
      ),
    }),
  }),
});
export type SeatsTopology = z.infer<typeof ZSeatsTopology>;

type Ring = [number, number][];
const toGrid = (ring: Ring): Ring => ring.map(([x, y]) => [Math.round(x * GRID), Math.round(y * GRID)]);
const fromGrid = (ring: number[][]): Ring => ring.map(([x = 0, y = 0]) => [round(x), round(y)]);
const round = (v: number) => Math.round(v * GRID) / GRID;

function gridGeometry(g: DatasetGeometry): DatasetGeometry {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(toGrid) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(toGrid)) };
}

/** One topology of the given seats, object "seats", each geometry's id its ONS code. */
export function seatsToTopology(
  seats: readonly { code: string; geometry: DatasetGeometry }[],
): SeatsTopology {
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: seats.map((s): Feature => ({
      type: 'Feature',
      id: s.code,
      properties: null,
      geometry: gridGeometry(s.geometry),
    })),
  };
  // Built on the integer grid without quantisation, so no coordinate moves; arcs are then delta-encoded
  // as quantised TopoJSON is, with the grid step as transform so any TopoJSON reader gets degrees.
  const exact = topology({ seats: collection });
  const arcs = exact.arcs.map((arc) =>
    arc.map(([x = 0, y = 0], i) => {
      const [px = 0, py = 0] = i > 0 ? (arc[i - 1] ?? []) : [0, 0];
      return [x - px, y - py];
    }),
  );
  return ZSeatsTopology.parse({
    type: 'Topology',
    ...(exact.bbox ? { bbox: exact.bbox.map((v) => v / GRID) } : {}),
    transform: { scale: [1 / GRID, 1 / GRID], translate: [0, 0] },
    arcs,
    objects: exact.objects,
  });
}

/** Per-seat GeoJSON geometry back from a topology, keyed by ONS code. */
export function topologyToGeometries(topo: SeatsTopology): Map<string, DatasetGeometry> {
  const out = new Map<string, DatasetGeometry>();
  for (const f of feature(topo, topo.objects.seats).features) {
    const g: Geometry = f.geometry;
    const code = String(f.id);
    if (g.type === 'Polygon') out.set(code, { type: 'Polygon', coordinates: g.coordinates.map(fromGrid) });
    else if (g.type === 'MultiPolygon')
      out.set(code, { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(fromGrid)) });
  }
  return out;
}
