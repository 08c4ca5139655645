import type { PrismaClient } from '../../generated/prisma/client.ts';
import { ZExportRecordsQuery, ZExportRecordsResponse, ZExportUsersRequest } from '../../contracts/index.ts';
import { toCsv } from '../../http/csv.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { isActive, principalOf } from '../access/policy.ts';

export function exportRoutes(deps: { prisma: PrismaClient }): AnyRoute[] {
  return [
    // A POST with a JSON body and the CSRF token: a GET that recorded an export could be set off by a
    // link on another site, clicked by a signed-in admin, with the other site's purpose.
    defineRoute({
      method: 'post',
      path: '/exports/users.csv',
      tags: ['exports'],
      access: {
        action: 'personal-data:export',
        resource: () => ({ kind: 'personal-data', dataset: 'users' }),
      },
      summary:
        'Users and their current roles as a CSV attachment; the export and its stated purpose are recorded',
      body: ZExportUsersRequest,
      produces: ['text/csv'],
      handler: async ({ body }, req, res) => {
        const userId = principalOf(req)!.userId;
        const csv = await deps.prisma.$transaction(async (tx) => {
          const users = await tx.user.findMany({
            include: {
              grants: { include: { clp: { select: { name: true } }, region: { select: { name: true } } } },
            },
            orderBy: [{ name: 'asc' }, { id: 'asc' }],
          });
          await tx.personalDataExport.create({
            data: { userId, dataset: 'users', filters: {}, rowCount: users.length, purpose: body.purpose },
          });
          const now = new Date();
          return toCsv(
            ['id', 'email', 'name', 'disabled', 'roles'],
            users.map((u) => [
              u.id,
              u.email,
              u.name,
              String(u.disabledAt !== null),
              u.grants
                .filter((g) => isActive(g, now))
                .map((g) => `${g.role}:${g.clp?.name ?? g.region?.name ?? 'national'}`)
                .join('; '),
            ]),
          );
        });
        const day = new Date().toISOString().slice(0, 10);
        res.setHeader('Content-Disposition', `attachment; filename="groundwork-users-${day}.csv"`);
        res.setHeader('Cache-Control', 'no-store');
        res.type('text/csv').send(csv);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/exports',
      tags: ['exports'],
      access: { action: 'exports:audit' },
      summary: 'The record of personal-data exports: who took what, when, and why',
      query: ZExportRecordsQuery,
      response: ZExportRecordsResponse,
      handler: async ({ query }, _req, res) => {
        const [total, rows] = await Promise.all([
          deps.prisma.personalDataExport.count(),
          deps.prisma.personalDataExport.findMany({
            include: { user: { select: { id: true, name: true, email: true } } },
            orderBy: [{ at: 'desc' }, { id: 'desc' }],
            take: query.limit,
            skip: query.offset,
          }),
        ]);
        res.json({
          total,
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            user: r.user,
            dataset: r.dataset,
            filters: r.filters,
            rowCount: r.rowCount,
            purpose: r.purpose,
          })),
        });
      },
    }),
  ];
}
