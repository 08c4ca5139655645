import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ZRef } from '../../contracts/index.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';

export const ZClpsQuery = z
  .object({
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
    region: z
      .string()
      .regex(/^[A-Z]\d{8}$/, 'must be an ONS region code such as E12000001')
      .optional(),
    limit: z.coerce.number().int().min(1).max(650).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ZClp = z.object({ id: z.number().int(), name: z.string(), seat: ZRef, region: ZRef });
export const ZClpsResponse = z.object({ total: z.number().int(), items: z.array(ZClp) });

/** CLPs (one per seat on the current boundaries): public organisations, listed for pickers and boards. */
export function clpRoutes(deps: { prisma: PrismaClient }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/clps',
      tags: ['organisation'],
      access: 'public',
      summary: 'CLPs with their seat and region; search by name, filter by region',
      query: ZClpsQuery,
      response: ZClpsResponse,
      handler: async ({ query }, _req, res) => {
        const where = {
          ...(query.q ? { name: { contains: query.q, mode: 'insensitive' as const } } : {}),
          ...(query.region ? { constituency: { regionCode: query.region } } : {}),
        };
        const [total, rows] = await Promise.all([
          deps.prisma.clp.count({ where }),
          deps.prisma.clp.findMany({
            where,
            include: {
              constituency: {
                select: { code: true, name: true, region: { select: { code: true, name: true } } },
              },
            },
            orderBy: { name: 'asc' },
            take: query.limit,
            skip: query.offset,
          }),
        ]);
        res.json({
          total,
          items: rows.map((c) => ({
            id: c.id,
            name: c.name,
            seat: { code: c.constituency.code, name: c.constituency.name },
            region: c.constituency.region,
          })),
        });
      },
    }),
  ];
}
