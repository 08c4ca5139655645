import type { Request, Response } from 'express';
import type { FeatureCollection, Geometry } from 'geojson';
import { topology } from 'topojson-server';
import {
  ZGeoParams,
  ZHexResponse,
  ZNoQuery,
  ZTopologyResponse,
  type TBoundarySet,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { CachedBody } from '../../http/cached-response.ts';
import { markReplayable } from '../../http/response-replay.ts';
import { sayIfStale } from '../../http/stale.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import type { SeatReadModel } from '../seats/seat-read-model.ts';

/**
 * Builds the map payloads once per data version: TopoJSON shares the borders between neighbouring
 * seats and quantises coordinates, which roughly halves the bytes before gzip.
 */
export function geoRoutes(deps: { prisma: PrismaClient; model: SeatReadModel }): AnyRoute[] {
  const built = new Map<string, Promise<CachedBody>>();

  const once = async (
    kind: 'geo' | 'hex',
    set: TBoundarySet,
    build: () => Promise<unknown>,
    req: Request,
    res: Response,
  ) => {
    // Geometry changes only with a data load; replayed copies follow the seat-data version like the rest.
    // While the database is out, the payload built for the last import read is served, marked stale.
    const { importId, version, stale } = await deps.model.snapshot();
    const key = `${kind}:${set}:${importId}`;
    let body = built.get(key);
    if (!body) {
      for (const k of built.keys()) if (k.startsWith(`${kind}:${set}:`)) built.delete(k);
      body = build().then((value) => CachedBody.json(value, 9));
      body.catch(() => built.delete(key));
      built.set(key, body);
    }
    const ready = await body;
    sayIfStale(res, stale);
    ready.send(req, res);
    markReplayable(res, ready, version);
  };

  const buildGeo = async (set: TBoundarySet) => {
    const seats = await deps.prisma.constituency.findMany({
      where: { boundarySetCode: set },
      select: { code: true, name: true, geometry: true },
      orderBy: { code: 'asc' },
    });
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: seats.map((s) => ({
        type: 'Feature',
        id: s.code,
        properties: { name: s.name },
        geometry: s.geometry as unknown as Geometry,
      })),
    };
    return topology({ seats: collection }, 1e5);
  };

  const buildHex = async (set: TBoundarySet) => {
    const seats = await deps.prisma.constituency.findMany({
      where: { boundarySetCode: set },
      select: { code: true, name: true, hexQ: true, hexR: true, regionCode: true },
      orderBy: { code: 'asc' },
    });
    return {
      layout: 'odd-r' as const,
      hexes: Object.fromEntries(
        seats.map((s) => [s.code, { n: s.name, q: s.hexQ, r: s.hexR, region: s.regionCode }]),
      ),
    };
  };

  return [
    defineRoute({
      method: 'get',
      path: '/geo/:boundarySet',
      tags: ['map'],
      access: 'public',
      replay: true,
      summary: 'Seat boundaries as TopoJSON (object "seats", geometry id = ONS code), gzip, strong ETag',
      params: ZGeoParams,
      query: ZNoQuery,
      response: ZTopologyResponse,
      handler: async ({ params }, req, res) => {
        await once('geo', params.boundarySet, () => buildGeo(params.boundarySet), req, res);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/hex/:boundarySet',
      tags: ['map'],
      access: 'public',
      replay: true,
      summary: 'Hex cartogram as HexJSON (one equal hexagon per seat), gzip, strong ETag',
      params: ZGeoParams,
      query: ZNoQuery,
      response: ZHexResponse,
      handler: async ({ params }, req, res) => {
        await once('hex', params.boundarySet, () => buildHex(params.boundarySet), req, res);
      },
    }),
  ];
}
