import type { Request, Response } from 'express';
import {
  ZSeatDetail,
  ZSeatListQuery,
  ZSeatListResponse,
  ZSeatParams,
  ZTargetsQuery,
  ZTargetsResponse,
  type TSeatListQuery,
} from '../../contracts/index.ts';
import { CachedBody } from '../../http/cached-response.ts';
import { markReplayable } from '../../http/response-replay.ts';
import { sayIfStale } from '../../http/stale.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { principalOf } from '../access/policy.ts';
import { seatDetail } from './seat-detail.ts';
import { seatsCsv } from './seats.csv.ts';
import type { SeatsService, SeatView } from './seats.service.ts';

function wantsCsv(req: Request): boolean {
  return req.path.endsWith('.csv') || req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function csvFilename(query: TSeatListQuery): string {
  const parts = ['seats', query.boundarySet, query.election, query.region, query.winner, query.target].filter(
    Boolean,
  );
  return `${parts.join('-')}.csv`;
}

/**
 * The response differs by caller once layers are in it: a view a signed-out caller would not get is private
 * (never stored by a shared cache, never replayed); every list response varies on the session cookie.
 */
function setCaching(res: Response, ...views: SeatView[]): string {
  res.setHeader('Vary', 'Accept-Encoding, Accept, Cookie');
  return views.every((v) => v.public) ? 'no-cache' : 'private, no-cache';
}

export function seatRoutes(deps: { prisma: PrismaClient; seats: SeatsService }): AnyRoute[] {
  const list = (path: string, csvOnly: boolean) =>
    defineRoute({
      method: 'get',
      path,
      tags: ['seats'],
      access: 'public',
      replay: true,
      summary: csvOnly
        ? 'The seat list as CSV (same filters as /seats)'
        : 'Seats with their latest result, derived figures and the layers the caller may see (targets); CSV with Accept: text/csv',
      query: ZSeatListQuery,
      // A layer's filter or sort key (target, tier) from a caller who may not see the layer.
      errors: [401, 403],
      ...(csvOnly ? {} : { response: ZSeatListResponse }),
      produces: csvOnly ? ['text/csv'] : ['application/json', 'text/csv'],
      handler: async ({ query }, req, res) => {
        const csv = csvOnly || wantsCsv(req);
        const view = await deps.seats.view(query.boundarySet, principalOf(req));
        sayIfStale(res, view.snapshot.stale);
        let body: CachedBody;
        if (csv) {
          const { election, rows } = deps.seats.filteredSeats(query, view);
          body = new CachedBody(Buffer.from(seatsCsv(rows, election, view)), 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="${csvFilename(query)}"`);
        } else {
          body = CachedBody.json(deps.seats.list(query, view));
        }
        body.send(req, res, setCaching(res, view));
        if (view.public) markReplayable(res, body, view.snapshot.version);
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
        'One seat: every election, derived figures, Leave share, deprivation, links to the other boundary set, and the layers the caller may see',
      params: ZSeatParams,
      response: ZSeatDetail,
      handler: async ({ params }, req, res) => {
        const principal = principalOf(req);
        const views = {
          '2010': await deps.seats.view('2010', principal),
          '2024': await deps.seats.view('2024', principal),
        };
        res.setHeader('Cache-Control', setCaching(res, views['2010'], views['2024']));
        res.json(await seatDetail(deps.prisma, views, params.boundarySet, params.code));
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
      handler: async ({ query }, req, res) => {
        const view = await deps.seats.view(query.boundarySet, principalOf(req));
        sayIfStale(res, view.snapshot.stale);
        res.setHeader('Cache-Control', setCaching(res, view));
        res.json(deps.seats.targets(query, view));
      },
    }),
  ];
}
