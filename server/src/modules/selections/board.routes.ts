// The national selections board (admins and regional staff of any region), as JSON and as CSV. Mounted
// before the selection routes: '/selections/board' would otherwise be read as a selection id.
import { ZSelectionBoard, ZSelectionBoardQuery } from '../../contracts/index.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { defineRoute, type AnyRoute } from '../../http/route.ts';
import { selectionBoard, selectionBoardCsv } from './board.service.ts';

const SUMMARY =
  'For each rule, how many selections keep it, are at risk, break it or are not held to it: overall, by region, for red-wall seats against the rest and target seats against the rest. Filters: electionType, stage. Counts only.';

export function selectionBoardRoutes(deps: { prisma: PrismaClient }): AnyRoute[] {
  const board = (csv: boolean) =>
    defineRoute({
      method: 'get',
      path: csv ? '/selections/board.csv' : '/selections/board',
      tags: ['selections'],
      access: { action: 'selections:board', resource: () => ({ kind: 'national' }) },
      summary: csv ? 'The national selections board as CSV, one line per group and rule' : SUMMARY,
      query: ZSelectionBoardQuery,
      ...(csv ? { produces: ['text/csv'] } : { response: ZSelectionBoard }),
      handler: async ({ query }, _req, res) => {
        const figures = await selectionBoard(deps.prisma, query);
        if (!csv) {
          res.json(figures);
          return;
        }
        res.setHeader('Content-Disposition', 'attachment; filename="selections-board.csv"');
        res.type('text/csv').send(selectionBoardCsv(figures));
      },
    });
  return [board(false), board(true)];
}
