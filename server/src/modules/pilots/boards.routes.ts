// The pilot boards (national: admins and any regional staff; a region's: admins and its staff), the vote
// comparison, and the regional goal (read by anyone signed in, set by admins).
import {
  ZBoardQuery,
  ZNationalBoard,
  ZPilotGoal,
  ZPutPilotGoal,
  ZRegionBoard,
  ZRegionBoardQuery,
  ZVoteEffect,
} from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { can, principalOf } from '../access/policy.ts';
import { BoardsService, nationalCsv, regionCsv } from './boards.service.ts';
import { pilotGoal, setPilotGoal } from './pilot-goal.ts';
import { voteEffect } from './vote-effect.ts';

const FILTERS =
  'Filters (status, kind, category; from/to: pilots running at some time in that period and the activities in it) narrow the pilots, totals and months; the goal count and the seats with no pilot always count every pilot.';

export function pilotBoardRoutes(deps: { prisma: PrismaClient; seatDataChanged: () => void }): AnyRoute[] {
  const service = new BoardsService(deps.prisma);

  const national = (csv: boolean) =>
    defineRoute({
      method: 'get',
      path: csv ? '/pilot-boards/national.csv' : '/pilot-boards/national',
      tags: ['pilots'],
      access: { action: 'pilots:boards', resource: () => ({ kind: 'national' }) },
      summary: csv
        ? 'The national pilot board as CSV, one row per region'
        : `Pilots per region against the goal (running: planned, active or paused), red-wall and target seats with no pilot, activity totals per month. ${FILTERS}`,
      query: ZBoardQuery,
      ...(csv ? { produces: ['text/csv'] } : { response: ZNationalBoard }),
      handler: async ({ query }, _req, res) => {
        const board = await service.national(query);
        if (!csv) {
          res.json(board);
          return;
        }
        res.setHeader('Content-Disposition', 'attachment; filename="pilots-national.csv"');
        res.type('text/csv').send(nationalCsv(board));
      },
    });

  const region = (csv: boolean) =>
    defineRoute({
      method: 'get',
      path: csv ? '/pilot-boards/region.csv' : '/pilot-boards/region',
      tags: ['pilots'],
      access: {
        action: 'pilots:boards',
        resource: ({ query }) => ({ kind: 'region', regionCode: query.region }),
      },
      summary: csv
        ? "A region's pilots as CSV"
        : `A region's pilots against the goal (running: planned, active or paused), its red-wall and target seats with no pilot, activity totals per month. ${FILTERS}`,
      query: ZRegionBoardQuery,
      errors: [404], // a region code that names no region
      ...(csv ? { produces: ['text/csv'] } : { response: ZRegionBoard }),
      handler: async ({ query }, req, res) => {
        const { region: code, ...filters } = query;
        const principal = principalOf(req);
        const board = await service.region(code, filters, (clpId) =>
          can(principal, 'pilots:read-personal', { kind: 'pilots', clpId, regionCode: code }),
        );
        if (!csv) {
          res.json(board);
          return;
        }
        res.setHeader('Content-Disposition', `attachment; filename="pilots-${code}.csv"`);
        res.type('text/csv').send(regionCsv(board));
      },
    });

  return [
    national(false),
    national(true),
    region(false),
    region(true),
    defineRoute({
      method: 'get',
      path: '/pilot-boards/vote-effect',
      tags: ['pilots'],
      access: { action: 'pilots:boards', resource: () => ({ kind: 'national' }) },
      summary:
        "For each election on the current boundaries polled after a pilot started: the change in Labour's share in seats with pilots against seats without, in the same region and band of majority, with counts, spread and caveats",
      response: ZVoteEffect,
      handler: async (_input, _req, res) => {
        res.json(await voteEffect(deps.prisma));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/settings/pilot-goal',
      tags: ['pilots'],
      access: 'signed-in',
      summary: 'How many pilots each region aims for (3 unless an admin changed it)',
      response: ZPilotGoal,
      handler: async (_input, _req, res) => {
        res.json({ perRegion: await pilotGoal(deps.prisma) });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/settings/pilot-goal',
      tags: ['pilots'],
      access: { action: 'settings:manage' },
      summary: 'Set how many pilots each region aims for (1 to 50); recorded in the history',
      body: ZPutPilotGoal,
      response: ZPilotGoal,
      handler: async ({ body }, req, res) => {
        const perRegion = await setPilotGoal(deps.prisma, body.perRegion, {
          id: principalOf(req)!.userId,
          requestId: String(req.id ?? ''),
        });
        res.json({ perRegion });
      },
    }),
  ];
}
