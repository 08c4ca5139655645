import type { Request } from 'express';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { AppError } from '../../http/app-error.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { principalOf } from '../access/policy.ts';
import {
  ZClpParams,
  ZCreatePilotCommentRequest,
  ZCreatePilotRequest,
  ZOrganisersResponse,
  ZPilot,
  ZPilotComment,
  ZPilotCommentsResponse,
  ZPilotFiltersQuery,
  ZPilotHistoryQuery,
  ZPilotHistoryResponse,
  ZPilotListQuery,
  ZPilotListResponse,
  ZPilotLocationsResponse,
  ZPilotParams,
  ZReplicatePilotRequest,
  ZUpdatePilotRequest,
} from '../../contracts/index.ts';
import { allows, clpResource, pilotResource } from './pilot-access.ts';
import { addComment, listComments } from './pilot-comments.ts';
import { pilotHistory } from './pilot-history.ts';
import { pilotLocations, pilotsCsv } from './pilot-exports.ts';
import { clpOfficers } from './pilot-people.ts';
import { listPilots } from './pilot-list.ts';
import { PilotsService } from './pilots.service.ts';

const actorOf = (req: Request) => ({ principal: principalOf(req)!, requestId: String(req.id ?? '') });

/**
 * Community-organising pilots of a CLP (issue 8): organisers create and edit their CLP's pilots, its members
 * read them without personal data, regional staff read and comment on their region's, admins everything.
 */
export function pilotRoutes(deps: { prisma: PrismaClient; seatDataChanged: () => void }): AnyRoute[] {
  const service = new PilotsService(deps.prisma);
  // Signed out is 401 before any lookup, so nobody learns which pilots or CLPs exist without signing in.
  const signedIn = (req: Request) => {
    if (!principalOf(req)) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  };
  const ofPilot = ({ params }: { params: { id: number } }, req: Request) => {
    signedIn(req);
    return pilotResource(deps.prisma, params.id);
  };
  const ofClp = (clpId: number, req: Request) => {
    signedIn(req);
    return clpResource(deps.prisma, clpId);
  };
  const tags = ['pilots'];

  return [
    defineRoute({
      method: 'get',
      path: '/pilots',
      tags,
      access: 'signed-in',
      summary: 'Pilots the caller may read, running first, then newest start; filters and paging',
      query: ZPilotListQuery,
      response: ZPilotListResponse,
      handler: async ({ query }, req, res) => {
        const { offset, limit, ...filters } = query;
        res.json(await listPilots(deps.prisma, principalOf(req), filters, { offset, limit }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/pilots.csv',
      tags,
      access: 'signed-in',
      summary:
        'Every pilot the caller may read that matches the filters, as CSV (organiser only where allowed)',
      query: ZPilotFiltersQuery,
      produces: ['text/csv'],
      handler: async ({ query }, req, res) => {
        res.setHeader('Content-Disposition', 'attachment; filename="pilots.csv"');
        res.type('text/csv').send(await pilotsCsv(deps.prisma, principalOf(req), query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/pilot-locations',
      tags,
      access: 'signed-in',
      summary: 'Readable pilots that have a location, for the map markers',
      query: ZPilotFiltersQuery,
      response: ZPilotLocationsResponse,
      handler: async ({ query }, req, res) => {
        res.json(await pilotLocations(deps.prisma, principalOf(req), query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/pilots',
      tags,
      status: 201,
      errors: [404, 422],
      access: { action: 'pilots:write', resource: ({ body }, req) => ofClp(body.clpId, req) },
      summary: "Start a pilot in a CLP; its location must lie in the CLP's constituency (422 names the seat)",
      body: ZCreatePilotRequest,
      response: ZPilot,
      handler: async ({ body }, req, res) => {
        const pilot = await service.create(body, actorOf(req));
        deps.seatDataChanged();
        res.status(201).json(pilot);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/pilots/:id',
      tags,
      access: { action: 'pilots:read', resource: ofPilot },
      summary: 'A pilot with its partners, status changes, activity totals and weekly timeline',
      params: ZPilotParams,
      response: ZPilot,
      handler: async ({ params }, req, res) => {
        res.json(await service.get(params.id, principalOf(req)));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/pilots/:id',
      tags,
      errors: [409, 422],
      access: { action: 'pilots:write', resource: ofPilot },
      summary: 'Edit a pilot; send the version you read — a stale one gets 409 with the current record',
      params: ZPilotParams,
      body: ZUpdatePilotRequest,
      response: ZPilot,
      handler: async ({ params, body }, req, res) => {
        const pilot = await service.update(params.id, body, actorOf(req));
        deps.seatDataChanged();
        res.json(pilot);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/pilots/:id/replicate',
      tags,
      status: 201,
      errors: [404],
      // Written in the target CLP; the original must be readable too (checked below).
      access: { action: 'pilots:write', resource: ({ body }, req) => ofClp(body.clpId, req) },
      summary: 'Run this pilot here: a planned pilot in another CLP with its aims, linked to the original',
      params: ZPilotParams,
      body: ZReplicatePilotRequest,
      response: ZPilot,
      handler: async ({ params, body }, req, res) => {
        const actor = actorOf(req);
        if (!allows(actor.principal, 'pilots:read', await pilotResource(deps.prisma, params.id))) {
          throw new AppError('FORBIDDEN', 'You may not read the pilot to copy');
        }
        const pilot = await service.replicate(params.id, body, actor);
        deps.seatDataChanged();
        res.status(201).json(pilot);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/pilots/:id/comments',
      tags,
      access: { action: 'pilots:read-personal', resource: ofPilot },
      summary: "A pilot's comments, oldest first",
      params: ZPilotParams,
      response: ZPilotCommentsResponse,
      handler: async ({ params }, _req, res) => {
        res.json(await listComments(deps.prisma, params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/pilots/:id/comments',
      tags,
      status: 201,
      access: { action: 'pilots:comment', resource: ofPilot },
      summary: 'Comment on a pilot',
      params: ZPilotParams,
      body: ZCreatePilotCommentRequest,
      response: ZPilotComment,
      handler: async ({ params, body }, req, res) => {
        const actor = actorOf(req);
        const comment = await addComment(deps.prisma, params.id, body.body, {
          id: actor.principal.userId,
          requestId: actor.requestId,
        });
        res.status(201).json(comment);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/pilots/:id/history',
      tags,
      access: { action: 'pilots:read-personal', resource: ofPilot },
      summary:
        "A pilot's history with its activities' and comments', newest first, paged; `type` keeps one source",
      params: ZPilotParams,
      query: ZPilotHistoryQuery,
      response: ZPilotHistoryResponse,
      handler: async ({ params, query }, _req, res) => {
        res.json(await pilotHistory(deps.prisma, params.id, query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/pilots/:id/organisers',
      tags,
      access: { action: 'pilots:write', resource: ofPilot },
      summary: "Who may be this pilot's responsible organiser (people with a current role in its CLP)",
      params: ZPilotParams,
      response: ZOrganisersResponse,
      handler: async ({ params }, _req, res) => {
        const { clpId } = await pilotResource(deps.prisma, params.id);
        res.json({ items: await clpOfficers(deps.prisma, clpId) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/clps/:id/organisers',
      tags,
      access: { action: 'pilots:write', resource: ({ params }, req) => ofClp(params.id, req) },
      summary: 'Who may be responsible for a new pilot in this CLP (people with a current role in it)',
      params: ZClpParams,
      response: ZOrganisersResponse,
      handler: async ({ params }, _req, res) => {
        res.json({ items: await clpOfficers(deps.prisma, params.id) });
      },
    }),
  ];
}
