import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { AnyRoute } from '../../http/route.ts';

export function pilotBoardRoutes(_deps: { prisma: PrismaClient; seatDataChanged: () => void }): AnyRoute[] {
  return [];
}
