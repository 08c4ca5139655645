import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import type { Resource } from '../access/policy.ts';
import { targetsArePublic } from '../targets/settings.ts';

export const ZHistoryParams = z.object({
  type: z.enum(['seat-target', 'user', 'role-grant']),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a record id'),
});

export const ZHistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  action: z.enum(['create', 'update', 'delete']),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  source: z.string().nullable(),
  reason: z.string().nullable(),
});
export const ZHistoryResponse = z.object({ items: z.array(ZHistoryEntry) });

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
            ? { kind: 'history', of: 'seat-target', public: await targetsArePublic(deps.prisma) }
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
