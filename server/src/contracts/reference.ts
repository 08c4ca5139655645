import { z } from 'zod';
import { ZBoundarySet, ZElectionCode, ZRef } from './common.ts';

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  nation: ZRef,
  seats: z.object({ '2010': z.number().int(), '2024': z.number().int() }),
});
export const ZRegionsResponse = z.object({ items: z.array(ZRegion) });
export type TRegion = z.infer<typeof ZRegion>;

export const ZParty = z.object({ code: z.string(), name: z.string(), colour: z.string() });
export const ZPartiesResponse = z.object({ items: z.array(ZParty) });
export type TParty = z.infer<typeof ZParty>;

export const ZElection = z.object({
  code: ZElectionCode,
  name: z.string(),
  polledOn: z.string(),
  boundarySet: ZBoundarySet,
  notional: z.boolean(),
  source: z.string(),
});
export const ZElectionsResponse = z.object({ items: z.array(ZElection) });
export type TElection = z.infer<typeof ZElection>;

export const ZClientConfig = z.object({
  /** Leaflet tile URL template; empty means draw the seats on a plain background. */
  tileUrl: z.string(),
  tileAttribution: z.string(),
  /** Attribution lines the data licences require, shown on the map. */
  dataAttribution: z.array(z.string()),
});
export type TClientConfig = z.infer<typeof ZClientConfig>;

/**
 * GET /api/health. `degraded` is answered with HTTP 503 (so a load balancer or container check takes the
 * instance out): the database cannot be reached or is busy, migrations are pending, or no data is loaded.
 * When the database could not be read, what it would have said is unknown: `migrations` and `data` are null.
 */
export const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    kind: z.enum(['postgres', 'pglite']),
    state: z.enum(['up', 'busy', 'unavailable']),
    migrations: z.object({ applied: z.array(z.string()), pending: z.array(z.string()) }).nullable(),
  }),
  data: z
    .object({
      loaded: z.boolean(),
      lastImport: z.object({ id: z.number().int(), source: z.string(), finishedAt: z.string() }).nullable(),
    })
    .nullable(),
});
export type THealth = z.infer<typeof ZHealth>;

export const ZGeoParams = z.object({ boundarySet: ZBoundarySet.meta({ example: '2024' }) });

const ZPair = z.array(z.number()).length(2);
const ZArcIndexes = z.array(z.array(z.number().int()));
const ZTopologySeat = z.object({ id: z.string(), properties: z.object({ name: z.string() }) });

/**
 * GET /api/geo/:boundarySet — TopoJSON (topojson-server, quantised): one object `seats`, a geometry per
 * seat with the ONS code as its id. The client reads it with the topojson-specification types.
 */
export const ZTopologyResponse = z.object({
  type: z.literal('Topology'),
  bbox: z.array(z.number()).length(4),
  transform: z.object({ scale: ZPair, translate: ZPair }),
  objects: z.object({
    seats: z.object({
      type: z.literal('GeometryCollection'),
      geometries: z.array(
        z.discriminatedUnion('type', [
          ZTopologySeat.extend({ type: z.literal('Polygon'), arcs: ZArcIndexes }),
          ZTopologySeat.extend({ type: z.literal('MultiPolygon'), arcs: z.array(ZArcIndexes) }),
        ]),
      ),
    }),
  }),
  /** Each arc: its first position, then the differences, in quantised units. */
  arcs: z.array(z.array(z.array(z.number().int()).length(2))),
});

/** GET /api/hex/:boundarySet — HexJSON: one hexagon per seat, odd-r offset coordinates. */
export const ZHexResponse = z.object({
  layout: z.literal('odd-r'),
  hexes: z.record(
    z.string(),
    z.object({ n: z.string(), q: z.number().int(), r: z.number().int(), region: z.string() }),
  ),
});
export type THexResponse = z.infer<typeof ZHexResponse>;
