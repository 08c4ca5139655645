import type { Request } from 'express';
import {
  ZSeatDetail,
  ZSeatListQuery,
  ZSeatListResponse,
  ZSeatParams,
  ZTargetsQuery,
  ZTargetsResponse,
  type TSeatListQuery,
} from '../../contracts/index.ts';
import { BoundedCache, CachedBody } from '../../http/cached-response.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import type { ResponseReplay } from '../../http/response-replay.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { seatDetail } from './seat-detail.ts';
import type { SeatReadModel } from './seat-read-model.ts';
import { seatsCsv } from './seats.csv.ts';
import type { SeatsService } from './seats.service.ts';

function wantsCsv(req: Request): boolean {
  return req.path.endsWith('.csv') || req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function csvFilename(query: TSeatListQuery): string {
  const parts = ['seats', query.boundarySet, query.election, query.region, query.winner].filter(Boolean);
  return `${parts.join('-')}.csv`;
}

export function seatRoutes(deps: {
  prisma: PrismaClient;
  model: SeatReadModel;
  seats: SeatsService;
  replay: ResponseReplay;
}): AnyRoute[] {
  // Serialised responses keyed by data version and normalised query: repeated map/table requests are
  // served without re-filtering or re-serialising.
  const cache = new BoundedCache<CachedBody>(300);
  const cachedList = async (
    query: TSeatListQuery,
    csv: boolean,
  ): Promise<{ body: CachedBody; version: number }> => {
    const version = await deps.seats.version();
    const key = `${version}|${csv}|${JSON.stringify(query)}`;
    let hit = cache.get(key);
    if (!hit) {
      if (csv) {
        const { election, rows } = await deps.seats.filteredSeats(query);
        hit = new CachedBody(Buffer.from(seatsCsv(rows, election)), 'text/csv; charset=utf-8');
      } else {
        hit = CachedBody.json(await deps.seats.list(query));
      }
      cache.set(key, hit);
    }
    return { body: hit, version };
  };

  const list = (path: string, csvOnly: boolean) =>
    defineRoute({
      method: 'get',
      path,
      tags: ['seats'],
      access: 'public',
      summary: csvOnly
        ? 'The seat list as CSV (same filters as /seats)'
        : 'Seats with their latest result and derived figures; CSV with Accept: text/csv',
      query: ZSeatListQuery,
      ...(csvOnly ? {} : { response: ZSeatListResponse }),
      produces: csvOnly ? ['text/csv'] : ['application/json', 'text/csv'],
      handler: async ({ query }, req, res) => {
        const csv = csvOnly || wantsCsv(req);
        const { body, version } = await cachedList(query, csv);
        if (csv) res.setHeader('Content-Disposition', `attachment; filename="${csvFilename(query)}"`);
        body.send(req, res);
        deps.replay.remember(req, res, body, version);
      },
    });

  return [
    list('/seats', false),
    list('/seats.csv', true),
    defineRoute({
      method: 'get',
      path: '/seats/:boundarySet/:code',
      tags: ['seats'],
      access: 'public',
      summary:
        'One seat: every election, derived figures, Leave share, deprivation, links to the other boundary set',
      params: ZSeatParams,
      response: ZSeatDetail,
      handler: async ({ params }, _req, res) => {
        res.json(await seatDetail(deps.prisma, deps.model, params.boundarySet, params.code));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/targets',
      tags: ['seats'],
      access: 'public',
      summary: 'Seats ranked by the swing a party needs to gain them, smallest first',
      query: ZTargetsQuery,
      response: ZTargetsResponse,
      handler: async ({ query }, _req, res) => {
        res.json(await deps.seats.targets(query));
      },
    }),
  ];
}
