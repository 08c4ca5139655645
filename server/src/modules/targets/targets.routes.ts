import { stringify } from 'csv-stringify/sync';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { principalOf, type Resource } from '../access/policy.ts';
import { recordChange } from '../history/audit.ts';
import { TARGETS_PUBLIC, targetsArePublic } from './settings.ts';
import {
  ZPutTargetRequest,
  ZSeatTarget,
  ZTargetBoardQuery,
  ZTargetBoardResponse,
  ZTargetMapResponse,
  ZTargetParams,
  ZTargetsPublic,
  type TSeatTarget,
} from '../../contracts/index.ts';
import { TargetsService } from './targets.service.ts';

function boardCsv(items: readonly TSeatTarget[]): string {
  const header = ['ons_code', 'name', 'status', 'tier', 'red_wall', 'rationale', 'updated_at', 'updated_by'];
  const rows = items.map((t) => [
    t.code,
    t.name,
    t.status,
    t.tier ?? '',
    String(t.redWall),
    t.rationale,
    t.updatedAt ?? '',
    t.updatedBy?.name ?? '',
  ]);
  return stringify([header, ...rows]);
}

/** Seat targets set by regional staff for their own region (admins anywhere), and who may see them. */
export function targetRoutes(deps: { prisma: PrismaClient }): AnyRoute[] {
  const service = new TargetsService(deps.prisma);
  const readable = async (): Promise<Resource> => ({
    kind: 'targets',
    public: await targetsArePublic(deps.prisma),
  });
  const board = (path: string, csv: boolean) =>
    defineRoute({
      method: 'get',
      path,
      tags: ['targets'],
      access: { action: 'targets:read', resource: readable },
      summary: csv
        ? "A region's targets as CSV"
        : "A region's seat targets by tier (seats with a status only)",
      query: ZTargetBoardQuery,
      ...(csv ? { produces: ['text/csv'] } : { response: ZTargetBoardResponse }),
      handler: async ({ query }, _req, res) => {
        const result = await service.board(query.region);
        if (!csv) {
          res.json(result);
          return;
        }
        res.setHeader('Content-Disposition', `attachment; filename="targets-${query.region}.csv"`);
        res.type('text/csv').send(boardCsv(result.items));
      },
    });

  return [
    defineRoute({
      method: 'get',
      path: '/seat-targets',
      tags: ['targets'],
      access: { action: 'targets:read', resource: readable },
      summary: 'Every seat with a target status (2024 boundaries), for the map',
      response: ZTargetMapResponse,
      handler: async (_input, _req, res) => {
        res.setHeader('Cache-Control', 'private, no-cache');
        res.json({ items: await service.map() });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/seats/2024/:code/target',
      tags: ['targets'],
      access: { action: 'targets:read', resource: readable },
      summary: "A seat's target (status NONE and version 0 when none has been set)",
      params: ZTargetParams,
      response: ZSeatTarget,
      handler: async ({ params }, _req, res) => {
        res.setHeader('Cache-Control', 'private, no-cache');
        res.json(await service.get(params.code));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/seats/2024/:code/target',
      tags: ['targets'],
      access: {
        action: 'targets:write',
        resource: async ({ params }) => ({
          kind: 'region',
          regionCode: (await service.seat(params.code)).region.code,
        }),
      },
      summary:
        "Set a seat's target; send the version you read — a stale one gets 409 with the current values",
      params: ZTargetParams,
      body: ZPutTargetRequest,
      response: ZSeatTarget,
      handler: async ({ params, body }, req, res) => {
        const actor = principalOf(req)!;
        res.json(await service.put(params.code, body, { id: actor.userId, requestId: String(req.id ?? '') }));
      },
    }),
    board('/targets/board', false),
    board('/targets/board.csv', true),
    defineRoute({
      method: 'get',
      path: '/settings/targets-public',
      tags: ['targets'],
      access: 'public',
      summary: 'Whether seat targets are visible to people who are not signed in',
      response: ZTargetsPublic,
      handler: async (_input, _req, res) => {
        res.json({ public: await targetsArePublic(deps.prisma) });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/settings/targets-public',
      tags: ['targets'],
      access: { action: 'settings:manage' },
      summary: 'Make seat targets public, or visible to signed-in users only (the default)',
      body: ZTargetsPublic,
      response: ZTargetsPublic,
      handler: async ({ body }, req, res) => {
        const actorId = principalOf(req)!.userId;
        await deps.prisma.$transaction(async (tx) => {
          const before = await tx.setting.findUnique({ where: { key: TARGETS_PUBLIC } });
          await tx.setting.upsert({
            where: { key: TARGETS_PUBLIC },
            create: { key: TARGETS_PUBLIC, value: body.public, updatedById: actorId },
            update: { value: body.public, updatedById: actorId, updatedAt: new Date() },
          });
          await recordChange(tx, {
            actorId,
            entityType: 'setting',
            entityId: TARGETS_PUBLIC,
            action: before ? 'update' : 'create',
            changes: [{ field: 'value', before: before?.value ?? false, after: body.public }],
            requestId: String(req.id ?? ''),
          });
        });
        res.json({ public: body.public });
      },
    }),
  ];
}
