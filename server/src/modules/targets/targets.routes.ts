import type { PrismaClient } from '../../generated/prisma/client.ts';
import { toCsv } from '../../http/csv.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { principalOf, type Resource } from '../access/policy.ts';
import { changedFields, recordChange } from '../history/audit.ts';
import { bumpSeatDataVersion } from '../seats/seat-data-version.ts';
import { TARGETS_DETAILS_PUBLIC, TARGETS_PUBLIC, targetVisibility } from './settings.ts';
import {
  ZPutTargetRequest,
  ZPutTargetsPublic,
  ZSeatTarget,
  ZTargetBoardQuery,
  ZTargetBoardResponse,
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
  return toCsv(header, rows);
}

/**
 * Seat targets set by regional staff for their own region (admins anywhere), and who may see them. Status
 * and tier reach the seat list through the target layer (targets.layer.ts); these routes serve the details
 * (cards, boards, the editor) to whoever may read them.
 */
export function targetRoutes(deps: {
  prisma: PrismaClient;
  /** Told after a write that changed a seat layer commits, so this instance re-reads at once. */
  seatDataChanged: () => void;
}): AnyRoute[] {
  const service = new TargetsService(deps.prisma);
  const readable = async (): Promise<Resource> => ({
    kind: 'targets',
    ...(await targetVisibility(deps.prisma)),
  });
  const board = (path: string, csv: boolean) =>
    defineRoute({
      method: 'get',
      path,
      tags: ['targets'],
      access: { action: 'targets:read-details', resource: readable },
      summary: csv
        ? "A region's targets as CSV"
        : "A region's seat targets by tier (seats with a status only)",
      query: ZTargetBoardQuery,
      errors: [404], // a region code that names no region
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
      path: '/seats/2024/:code/target',
      tags: ['targets'],
      access: { action: 'targets:read-details', resource: readable },
      summary: "A seat's target (status NONE and version 0 when none has been set)",
      params: ZTargetParams,
      response: ZSeatTarget,
      handler: async ({ params }, _req, res) => {
        res.json(await service.get(params.code));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/seats/2024/:code/target',
      errors: [409],
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
        const target = await service.put(params.code, body, {
          id: actor.userId,
          requestId: String(req.id ?? ''),
        });
        deps.seatDataChanged();
        res.json(target);
      },
    }),
    board('/targets/board', false),
    board('/targets/board.csv', true),
    defineRoute({
      method: 'get',
      path: '/settings/targets-public',
      tags: ['targets'],
      access: 'public',
      summary:
        'Whether people who are not signed in see targets (status and tier), and also their details (rationale, red-wall overrides, sources, staff names)',
      response: ZTargetsPublic,
      handler: async (_input, _req, res) => {
        res.json(await targetVisibility(deps.prisma));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/settings/targets-public',
      tags: ['targets'],
      access: { action: 'settings:manage' },
      summary:
        'Make targets public (status and tier), and optionally their details too, or visible to signed-in users only (the default)',
      body: ZPutTargetsPublic,
      response: ZTargetsPublic,
      handler: async ({ body }, req, res) => {
        const actorId = principalOf(req)!.userId;
        const after = await deps.prisma.$transaction(async (tx) => {
          const before = await targetVisibility(tx);
          const next = {
            public: body.public,
            detailsPublic: body.public && (body.detailsPublic ?? before.detailsPublic),
          };
          let changed = false;
          for (const [key, field] of [
            [TARGETS_PUBLIC, 'public'],
            [TARGETS_DETAILS_PUBLIC, 'detailsPublic'],
          ] as const) {
            if (changedFields(before, next, [field]).length === 0) continue;
            changed = true;
            const existing = await tx.setting.findUnique({ where: { key } });
            await tx.setting.upsert({
              where: { key },
              create: { key, value: next[field], updatedById: actorId },
              update: { value: next[field], updatedById: actorId, updatedAt: new Date() },
            });
            await recordChange(tx, {
              actorId,
              entityType: 'setting',
              entityId: key,
              action: existing ? 'update' : 'create',
              changes: [{ field: 'value', before: before[field], after: next[field] }],
              requestId: String(req.id ?? ''),
            });
          }
          // Who sees which layer changed: every cached seat list is out of date.
          if (changed) await bumpSeatDataVersion(tx);
          return next;
        });
        deps.seatDataChanged();
        res.json(after);
      },
    }),
  ];
}
