import type { PrismaClient } from '../../generated/prisma/client.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { principalOf } from '../access/policy.ts';
import {
  ZCreatePartnerRequest,
  ZMergePartnerRequest,
  ZPartner,
  ZPartnerParams,
  ZPartnersQuery,
  ZPartnersResponse,
  ZUpdatePartnerRequest,
} from '../../contracts/index.ts';
import { PartnersService } from './partners.service.ts';

/** Partners: shared records of trade-union branches and community groups (no personal contact details). */
export function partnerRoutes(deps: { prisma: PrismaClient; seatDataChanged: () => void }): AnyRoute[] {
  const service = new PartnersService(deps.prisma);
  const tags = ['pilots'];
  const actor = (req: Parameters<typeof principalOf>[0]) => ({
    id: principalOf(req)!.userId,
    requestId: String(req.id ?? ''),
  });
  return [
    defineRoute({
      method: 'get',
      path: '/partners',
      tags,
      access: 'signed-in',
      summary: 'Partners by name or union (merged duplicates left out)',
      query: ZPartnersQuery,
      response: ZPartnersResponse,
      handler: async ({ query }, _req, res) => {
        res.json(await service.list(query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/partners',
      tags,
      status: 201,
      errors: [409],
      access: { action: 'partners:write' },
      summary: 'Add a partner; the same kind, name and union as an existing one gets 409 naming it',
      body: ZCreatePartnerRequest,
      response: ZPartner,
      handler: async ({ body }, req, res) => {
        res.status(201).json(await service.create(body, actor(req)));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/partners/:id',
      tags,
      errors: [409, 422],
      access: { action: 'partners:write' },
      summary: 'Edit a partner; send the version you read — a stale one gets 409 with the current record',
      params: ZPartnerParams,
      body: ZUpdatePartnerRequest,
      response: ZPartner,
      handler: async ({ params, body }, req, res) => {
        res.json(await service.update(params.id, body, actor(req)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/partners/:id/merge',
      tags,
      errors: [422],
      access: { action: 'partners:merge' },
      summary: 'Merge a duplicate partner into another: every pilot link moves to the one that stays',
      params: ZPartnerParams,
      body: ZMergePartnerRequest,
      response: ZPartner,
      handler: async ({ params, body }, req, res) => {
        res.json(await service.merge(params.id, body.intoId, actor(req)));
      },
    }),
  ];
}
