import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ZClpsQuery, ZClpsResponse } from '../../contracts/index.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';

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
