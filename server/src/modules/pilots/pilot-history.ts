// A pilot's merged history: its own entries, its activities' and its comments', newest first, paged. The
// activity and comment entries are found by subqueries rather than lists of ids, so a pilot with tens of
// thousands of activities stays under the database's bind-parameter limit.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { TPilotHistoryEntry, TPilotHistoryQuery } from '../../contracts/index.ts';

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
  const [[counted], page] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM audit_entry WHERE ${where}`,
    prisma.$queryRaw<{ id: number }[]>`
      SELECT id FROM audit_entry WHERE ${where}
       ORDER BY at DESC, id DESC
      OFFSET ${query.offset} LIMIT ${query.limit}`,
  ]);
  // At most one page of ids (≤ 200) from here on.
  const rows = await prisma.auditEntry.findMany({
    where: { id: { in: page.map((r) => r.id) } },
    include: { actor: { select: { id: true, name: true } } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  return {
    total: counted?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action as TPilotHistoryEntry['action'],
      changes: r.changes as TPilotHistoryEntry['changes'],
      source: r.source,
      reason: r.reason,
      entityType: r.entityType as TPilotHistoryEntry['entityType'],
      entityId: r.entityId,
    })),
  };
}
