import type { z } from 'zod';
import { ZHistoryParams, ZHistoryResponse, type ZHistoryEntry } from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import type { Resource } from '../access/policy.ts';
import { targetVisibility } from '../targets/settings.ts';

/** GET /history/:type/:id — a record's changes, newest first, for whoever may read the record. */
export function historyRoutes(deps: { prisma: PrismaClient }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/history/:type/:id',
      tags: ['history'],
      summary: "A record's field-by-field history, newest first (seat-target ids are 2024 seat codes)",
      params: ZHistoryParams,
      response: ZHistoryResponse,
      access: {
        action: 'history:read',
        resource: async ({ params }): Promise<Resource> =>
          params.type === 'seat-target'
            ? {
                kind: 'history',
                of: 'seat-target',
                detailsPublic: (await targetVisibility(deps.prisma)).detailsPublic,
              }
            : { kind: 'history', of: params.type },
      },
      handler: async ({ params }, _req, res) => {
        const rows = await deps.prisma.auditEntry.findMany({
          where: { entityType: params.type, entityId: params.id },
          include: { actor: { select: { id: true, name: true } } },
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          take: 500,
        });
        res.json({
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            actor: r.actor,
            action: r.action,
            changes: r.changes as z.infer<typeof ZHistoryEntry>['changes'],
            source: r.source,
            reason: r.reason,
          })),
        });
      },
    }),
  ];
}
