// A pilot's merged history: its own entries, its activities' and its comments', newest first, paged. The
// activity and comment entries are found by subqueries rather than lists of ids, so a pilot with tens of
// thousands of activities stays under the database's bind-parameter limit.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { TPilotHistoryEntry, TPilotHistoryQuery } from '../../contracts/index.ts';
import { historyPage } from '../history/history-page.ts';

const SOURCES = {
  pilot: (pilotId: number) => Prisma.sql`(entity_type = 'pilot' AND entity_id = ${String(pilotId)})`,
  // Deleted activities keep their rows (soft delete), so their entries are found too.
  activity: (pilotId: number) =>
    Prisma.sql`(entity_type = 'pilot-activity' AND entity_id IN (SELECT id::text FROM pilot_activity WHERE pilot_id = ${pilotId}))`,
  comment: (pilotId: number) =>
    Prisma.sql`(entity_type = 'pilot-comment' AND entity_id IN (SELECT id::text FROM pilot_comment WHERE pilot_id = ${pilotId}))`,
} as const;

export async function pilotHistory(
  prisma: PrismaClient,
  pilotId: number,
  query: TPilotHistoryQuery,
): Promise<{ total: number; items: TPilotHistoryEntry[] }> {
  const kinds = query.type ? [query.type] : (['pilot', 'activity', 'comment'] as const);
  const where = Prisma.join(
    kinds.map((k) => SOURCES[k](pilotId)),
    ' OR ',
  );
  return historyPage<TPilotHistoryEntry['entityType']>(prisma, where, query);
}
